import { sql, type Insertable, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Db } from '../../db/database';
import type { Database, UsageRecordLinesTable, UsageRecordsTable } from '../../db/schema';
import { containsPattern } from '../applications/applications.repository';

/**
 * All SQL of the usage records and the supervision: `usage_records`, `usage_record_lines`, `report_deadlines`,
 * `report_reminders`. Reads of organisations (name, code) and clauses (names) are joined read-only for lists.
 */

type Tx = Transaction<Database> | Db;
export type RecordRow = Selectable<UsageRecordsTable>;
export type LineRow = Selectable<UsageRecordLinesTable>;

export interface LedgerLineRow {
  record_id: string;
  kind: string;
  status: string;
  line_no: number;
  quantity: string;
}

export interface SupervisionFilter {
  bureauCode: string;
  status: string;
  kind?: string | undefined;
  q?: string | undefined;
}

export const usageRecordsRepository = {
  insert: (trx: Tx, row: Insertable<UsageRecordsTable>) =>
    trx.insertInto('usage_records').values(row).execute(),

  find: (db: Tx, id: string) =>
    db.selectFrom('usage_records').selectAll().where('id', '=', id).executeTakeFirst(),

  ofBase: (db: Tx, baseNumber: string) =>
    db
      .selectFrom('usage_records')
      .selectAll()
      .where('base_number', '=', baseNumber)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute(),

  /** Compare-and-set on the status; undefined when the record was not in one of `from`. */
  updateIfStatus: (trx: Tx, id: string, from: readonly string[], set: Updateable<UsageRecordsTable>) =>
    trx
      .updateTable('usage_records')
      .set(set)
      .where('id', '=', id)
      .where('status', 'in', from)
      .returningAll()
      .executeTakeFirst(),

  deleteIfStatus: async (trx: Tx, id: string, from: readonly string[]) => {
    const gone = await trx
      .deleteFrom('usage_records')
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(gone.numDeletedRows) > 0;
  },

  linesOf: (db: Tx, recordIds: readonly string[]) =>
    recordIds.length === 0
      ? Promise.resolve([] as LineRow[])
      : db
          .selectFrom('usage_record_lines')
          .selectAll()
          .where('record_id', 'in', recordIds)
          .orderBy('line_no', 'asc')
          .execute(),

  replaceLines: async (trx: Tx, recordId: string, lines: Insertable<UsageRecordLinesTable>[]) => {
    await trx.deleteFrom('usage_record_lines').where('record_id', '=', recordId).execute();
    if (lines.length > 0) await trx.insertInto('usage_record_lines').values(lines).execute();
  },

  deleteLines: (trx: Tx, recordId: string) =>
    trx.deleteFrom('usage_record_lines').where('record_id', '=', recordId).execute(),

  /** Every line of every record (not deleted) of the certificate number, with its record's kind and status. */
  ledgerLines: (db: Tx, baseNumber: string): Promise<LedgerLineRow[]> =>
    db
      .selectFrom('usage_record_lines as l')
      .innerJoin('usage_records as r', 'r.id', 'l.record_id')
      .select(['l.record_id', 'r.kind', 'r.status', 'l.line_no', 'l.quantity'])
      .where('l.base_number', '=', baseNumber)
      .execute(),

  ledgerLinesOfBases: (db: Tx, baseNumbers: readonly string[]) =>
    baseNumbers.length === 0
      ? Promise.resolve([] as (LedgerLineRow & { base_number: string })[])
      : db
          .selectFrom('usage_record_lines as l')
          .innerJoin('usage_records as r', 'r.id', 'l.record_id')
          .select(['l.base_number', 'l.record_id', 'r.kind', 'r.status', 'l.line_no', 'l.quantity'])
          .where('l.base_number', 'in', baseNumbers)
          .execute(),

  writeoffsOfBases: (db: Tx, baseNumbers: readonly string[]) =>
    baseNumbers.length === 0
      ? Promise.resolve([] as Pick<RecordRow, 'base_number' | 'status' | 'export_date'>[])
      : db
          .selectFrom('usage_records')
          .select(['base_number', 'status', 'export_date'])
          .where('base_number', 'in', baseNumbers)
          .where('kind', '=', 'writeoff')
          .execute(),

  organisations: (db: Tx, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as { id: string; name_zh: string; code: string }[])
      : db.selectFrom('organisations').select(['id', 'name_zh', 'code']).where('id', 'in', ids).execute(),

  supervisionPage: async (db: Tx, f: SupervisionFilter, offset: number, limit: number) => {
    let q = db
      .selectFrom('usage_records as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .where('r.bureau_code', '=', f.bureauCode)
      .where('r.status', '=', f.status);
    if (f.kind) q = q.where('r.kind', '=', f.kind);
    if (f.q) {
      const text = f.q.toLowerCase();
      const like = (col: string, t: string) =>
        sql<boolean>`lower(${sql.ref(col)}) like ${containsPattern(t)} escape '\\'`;
      q = q.where((eb) =>
        eb.or([
          like('o.name_zh', text),
          like('o.code', text),
          like('r.base_number', text.replace(/^[a-z]/, '')),
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      q
        .selectAll('r')
        .orderBy('r.submitted_at', 'asc')
        .orderBy('r.id', 'asc')
        .offset(offset)
        .limit(limit)
        .execute(),
      q.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  countSubmitted: async (db: Tx, bureauCode: string) =>
    Number(
      (
        await db
          .selectFrom('usage_records')
          .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
          .where('bureau_code', '=', bureauCode)
          .where('status', '=', 'submitted')
          .executeTakeFirstOrThrow()
      ).n,
    ),

  deadlineRules: (db: Tx) => db.selectFrom('report_deadlines').selectAll().execute(),

  clauses: (db: Tx) => db.selectFrom('clauses').select(['code', 'name']).orderBy('code').execute(),

  upsertDeadline: (trx: Tx, row: { clause_code: string; days: number; basis: string; updated_at: string }) =>
    trx
      .insertInto('report_deadlines')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('clause_code')
          .doUpdateSet({ days: row.days, basis: row.basis, updated_at: row.updated_at }),
      )
      .execute(),

  /** true when this call recorded the reminder (and so must send it); false when one was already sent. */
  claimReminder: async (trx: Tx, baseNumber: string, dueOn: string, at: string) => {
    const res = await trx
      .insertInto('report_reminders')
      .values({ base_number: baseNumber, due_on: dueOn, sent_at: at })
      .onConflict((oc) => oc.columns(['base_number', 'due_on']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
  },
};
