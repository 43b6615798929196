import { sql, type SelectQueryBuilder, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { Db } from '../../db/database';
import type { ApplicationsTable, Database } from '../../db/schema';
import { containsPattern } from './applications.repository';

/**
 * The bureau's SQL on `applications` (SPEC §4): its inbox, its search, and the decisions as compare-and-set.
 * Every query is limited to one bureau and never shows a draft. Ordered by listed_at, which is the latest
 * submission for every case that is not a draft (提交 sets it; 撤回 makes the case a draft again).
 */

type Tx = Transaction<Database> | Db;

/** A subquery of organisation ids (from the enterprises module) for `organisation_id in (…)`. */
export type OrganisationIdsSubquery = SelectQueryBuilder<Database, 'organisations', { id: string }>;

export interface BureauApplicationFilter {
  /** Upper-case parts of 申请编号 / 证明号 (LIKE '%…%'). */
  number?: string;
  certificateNumber?: string;
  organisationIds?: OrganisationIdsSubquery;
  status?: string;
  clauseCode?: string;
  /** ISO instants: listed_at ≥ from, < before. */
  listedFrom?: string;
  listedBefore?: string;
}

const bureauColumns = [
  'a.id',
  'a.number',
  'a.status',
  'a.organisation_id',
  'a.clause_code',
  'a.first_product_name',
  'a.product_count',
  'a.submitted_at',
  'a.first_submitted_at',
  'a.returned_at',
  'a.decided_at',
  'a.certificate_number',
  'a.clock_days_used',
  'a.listed_at',
  'a.reference_labels',
] as const;

export interface BureauApplicationRow {
  id: string;
  number: string;
  status: string;
  organisation_id: string;
  clause_code: string;
  first_product_name: string | null;
  product_count: number;
  submitted_at: string | null;
  first_submitted_at: string | null;
  returned_at: string | null;
  decided_at: string | null;
  certificate_number: string | null;
  clock_days_used: number;
  listed_at: string;
  reference_labels: string | null;
}

function ofBureau(db: Tx, bureauCode: string) {
  return db
    .selectFrom('applications as a')
    .where('a.bureau_code', '=', bureauCode)
    .where('a.status', '<>', 'draft');
}

function searched(db: Tx, bureauCode: string, f: BureauApplicationFilter) {
  let q = ofBureau(db, bureauCode);
  const like = (col: 'a.number' | 'a.certificate_number', text: string) =>
    sql<SqlBool>`${sql.ref(col)} like ${containsPattern(text)} escape '\\'`;
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.clauseCode) q = q.where('a.clause_code', '=', f.clauseCode);
  if (f.number) q = q.where(like('a.number', f.number));
  if (f.certificateNumber) q = q.where(like('a.certificate_number', f.certificateNumber));
  if (f.organisationIds) q = q.where('a.organisation_id', 'in', f.organisationIds);
  if (f.listedFrom) q = q.where('a.listed_at', '>=', f.listedFrom);
  if (f.listedBefore) q = q.where('a.listed_at', '<', f.listedBefore);
  return q;
}

export const applicationsBureauRepository = {
  /** 待受理 / 审核中 cases of the bureau, oldest submission first. */
  inbox: (db: Tx, bureauCode: string, statuses: readonly string[], offset: number, limit: number) =>
    ofBureau(db, bureauCode)
      .where('a.status', 'in', statuses)
      .select(bureauColumns)
      .orderBy('a.listed_at', 'asc')
      .orderBy('a.id', 'asc')
      .offset(offset)
      .limit(limit)
      .execute() as Promise<BureauApplicationRow[]>,

  /** The number of the bureau's cases in each of `statuses`. */
  countByStatus: async (db: Tx, bureauCode: string, statuses: readonly string[]) => {
    const rows = await ofBureau(db, bureauCode)
      .where('a.status', 'in', statuses)
      .select((eb) => ['a.status', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
      .groupBy('a.status')
      .execute();
    return new Map(rows.map((r) => [r.status, Number(r.n)]));
  },

  /** A page of the search, newest submission first. */
  search: (db: Tx, bureauCode: string, f: BureauApplicationFilter, offset: number, limit: number) =>
    searched(db, bureauCode, f)
      .select(bureauColumns)
      .orderBy('a.listed_at', 'desc')
      .orderBy('a.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute() as Promise<BureauApplicationRow[]>,

  /** The number of matches, counted up to `cap`. */
  countUpTo: async (db: Tx, bureauCode: string, f: BureauApplicationFilter, cap: number) => {
    const row = await db
      .selectFrom(
        searched(db, bureauCode, f)
          .select(sql`1`.as('one'))
          .limit(cap)
          .as('t'),
      )
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Keyset page for the export: the rows after (listedAt, id) in newest-first order. */
  searchAfter: (
    db: Tx,
    bureauCode: string,
    f: BureauApplicationFilter,
    after: { listedAt: string; id: string } | null,
    limit: number,
  ) => {
    let q = searched(db, bureauCode, f);
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('a.listed_at', '<', after.listedAt),
          eb.and([eb('a.listed_at', '=', after.listedAt), eb('a.id', '<', after.id)]),
        ]),
      );
    }
    return q
      .select(bureauColumns)
      .orderBy('a.listed_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute() as Promise<BureauApplicationRow[]>;
  },

  /**
   * Compare-and-set of a decision: changes the row only while it is still in the state the officer saw
   * (the same status and the same submission). The row after the change, or undefined when another
   * officer or the enterprise changed it meanwhile.
   */
  decideIfState: (
    trx: Tx,
    id: string,
    expected: { status: string; submittedAt: string },
    set: Updateable<ApplicationsTable>,
    addClockDays = 0,
  ) =>
    trx
      .updateTable('applications')
      .set(set)
      .set((eb) => ({ clock_days_used: eb('clock_days_used', '+', addClockDays) }))
      .where('id', '=', id)
      .where('status', '=', expected.status)
      .where('submitted_at', '=', expected.submittedAt)
      .returningAll()
      .executeTakeFirst(),

  setCertificateNumber: (trx: Tx, id: string, certificateNumber: string) =>
    trx
      .updateTable('applications')
      .set({ certificate_number: certificateNumber })
      .where('id', '=', id)
      .execute(),
};
