import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../db/database';
import type { CertificateModificationsTable, Database } from '../../db/schema';

/** All SQL of the modifications module: `certificate_modifications` (one row per certificate number, ever). */

type Tx = Transaction<Database> | Db;
export type ModificationRow = Selectable<CertificateModificationsTable>;

export const modificationsRepository = {
  findByBase: (db: Tx, baseNumber: string) =>
    db
      .selectFrom('certificate_modifications')
      .selectAll()
      .where('base_number', '=', baseNumber)
      .executeTakeFirst(),

  findById: (db: Tx, id: string) =>
    db.selectFrom('certificate_modifications').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Fails on the UNIQUE key when the number already has its request. */
  insert: (trx: Tx, row: Insertable<CertificateModificationsTable>) =>
    trx.insertInto('certificate_modifications').values(row).execute(),

  /** Compare-and-set on the state; undefined when the request was no longer in one of `from`. */
  updateIfStatus: (
    trx: Tx,
    id: string,
    from: readonly string[],
    set: Updateable<CertificateModificationsTable>,
  ) =>
    trx
      .updateTable('certificate_modifications')
      .set(set)
      .where('id', '=', id)
      .where('status', 'in', from)
      .returningAll()
      .executeTakeFirst(),

  /** A bureau's requests that were ever submitted, oldest submission first. */
  listOfBureau: (
    db: Tx,
    bureauCode: string,
    status: string | undefined,
    page: { limit: number; offset: number },
  ) => {
    let q = db
      .selectFrom('certificate_modifications')
      .selectAll()
      .where('bureau_code', '=', bureauCode)
      .where('submitted_at', 'is not', null);
    if (status) q = q.where('status', '=', status);
    return q
      .orderBy('submitted_at', 'asc')
      .orderBy('id', 'asc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  },

  countOfBureau: async (db: Tx, bureauCode: string, status: string | undefined) => {
    let q = db
      .selectFrom('certificate_modifications')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .where('bureau_code', '=', bureauCode)
      .where('submitted_at', 'is not', null);
    if (status) q = q.where('status', '=', status);
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
