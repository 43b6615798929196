import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database';

/**
 * The SQL of 统计分析: read-only aggregations (GROUP BY over indexed columns, counts cast to integer) over
 * applications, their product lines and certificates. Portable SQLite + PostgreSQL: months are bucketed with
 * a CASE over the China month boundaries (literals generated from validated dates), HS chapters with
 * substr(). Nothing here loads rows one by one except the open cases (待受理 / 审核中) for the overdue count.
 *
 * A reporting module reads the tables of several modules at once (a GROUP BY cannot go through their
 * services without loading the rows): these queries only read, and only the columns listed here.
 */

export interface StatisticsScope {
  /** UTC instants: [fromIso, beforeIso). */
  fromIso: string;
  beforeIso: string;
  /** null: every bureau. */
  bureauCode: string | null;
}

export interface MonthBound {
  month: string;
  /** The UTC instant the month ends at (exclusive). */
  endIso: string;
}

const OPEN_STATUSES = ['submitted', 'under_review'];

/** CASE that maps an ISO instant column to its 'YYYY-MM' bucket (the instant is known to be in the range). */
function monthOf(column: string, bounds: readonly MonthBound[]): RawBuilder<string> {
  const last = bounds[bounds.length - 1]!;
  if (bounds.length === 1) return sql<string>`${sql.lit(last.month)}`;
  const whens = bounds
    .slice(0, -1)
    .map((b) => sql`WHEN ${sql.ref(column)} < ${sql.lit(b.endIso)} THEN ${sql.lit(b.month)}`);
  return sql<string>`CASE ${sql.join(whens, sql` `)} ELSE ${sql.lit(last.month)} END`;
}

/** Applications first submitted in the scope (the cohort every application figure counts). */
function cohort(db: Db, s: StatisticsScope) {
  let q = db
    .selectFrom('applications as a')
    .where('a.first_submitted_at', '>=', s.fromIso)
    .where('a.first_submitted_at', '<', s.beforeIso);
  if (s.bureauCode !== null) q = q.where('a.bureau_code', '=', s.bureauCode);
  return q;
}

export const statisticsRepository = {
  /** The cohort counted by state, clause and bureau at once (at most states × clauses × bureaus rows). */
  countByStateClauseBureau: (db: Db, s: StatisticsScope) =>
    cohort(db, s)
      .select((eb) => [
        'a.status',
        'a.clause_code',
        'a.bureau_code',
        eb.cast<number>(eb.fn.countAll(), 'integer').as('n'),
      ])
      .groupBy(['a.status', 'a.clause_code', 'a.bureau_code'])
      .execute(),

  /** The cohort counted by the China month of its first submission. */
  countByMonth: (db: Db, s: StatisticsScope, bounds: readonly MonthBound[]) =>
    db
      .selectFrom(cohort(db, s).select(monthOf('a.first_submitted_at', bounds).as('month')).as('m'))
      .select((eb) => ['m.month', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
      .groupBy('m.month')
      .execute(),

  /** Product lines of the cohort by 2-digit HS chapter: applications with a line in it, and lines. */
  countByChapter: (db: Db, s: StatisticsScope) => {
    const chapter = sql<string>`substr(p.hs_code, 1, 2)`;
    return cohort(db, s)
      .innerJoin('application_products as p', 'p.application_id', 'a.id')
      .leftJoin('hs_chapters as c', (j) => j.on(sql`c.chapter`, '=', chapter))
      .select((eb) => [
        chapter.as('chapter'),
        'c.name_zh',
        eb.cast<number>(eb.fn.count('p.application_id').distinct(), 'integer').as('applications'),
        eb.cast<number>(eb.fn.countAll(), 'integer').as('lines'),
      ])
      .groupBy([chapter, 'c.name_zh'])
      .execute();
  },

  /** The decided cases of the cohort as a histogram of working days, by bureau and clause. */
  decisionHistogram: (db: Db, s: StatisticsScope) =>
    cohort(db, s)
      .where('a.decision_working_days', 'is not', null)
      .select((eb) => [
        'a.bureau_code',
        'a.clause_code',
        'a.decision_working_days as days',
        eb.cast<number>(eb.fn.countAll(), 'integer').as('n'),
      ])
      .groupBy(['a.bureau_code', 'a.clause_code', 'a.decision_working_days'])
      .execute(),

  /** Certificates issued in the scope by China month and version (original | modified). */
  certificatesIssuedByMonth: (db: Db, s: StatisticsScope, bounds: readonly MonthBound[]) => {
    let inner = db
      .selectFrom('certificates as c')
      .where('c.issued_at', '>=', s.fromIso)
      .where('c.issued_at', '<', s.beforeIso);
    if (s.bureauCode !== null) inner = inner.where('c.bureau_code', '=', s.bureauCode);
    return db
      .selectFrom(inner.select([monthOf('c.issued_at', bounds).as('month'), 'c.version']).as('m'))
      .select((eb) => ['m.month', 'm.version', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
      .groupBy(['m.month', 'm.version'])
      .execute();
  },

  /** Certificates revoked in the scope by China month. */
  certificatesRevokedByMonth: (db: Db, s: StatisticsScope, bounds: readonly MonthBound[]) => {
    let inner = db
      .selectFrom('certificates as c')
      .where('c.revoked_at', '>=', s.fromIso)
      .where('c.revoked_at', '<', s.beforeIso);
    if (s.bureauCode !== null) inner = inner.where('c.bureau_code', '=', s.bureauCode);
    return db
      .selectFrom(inner.select(monthOf('c.revoked_at', bounds).as('month')).as('m'))
      .select((eb) => ['m.month', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
      .groupBy('m.month')
      .execute();
  },

  /** The open cases now (待受理, 审核中), whenever submitted: what the service clock needs, nothing more. */
  openCases: (db: Db, bureauCode: string | null) => {
    let q = db
      .selectFrom('applications as a')
      .select(['a.bureau_code', 'a.status', 'a.submitted_at', 'a.returned_at', 'a.clock_days_used'])
      .where('a.status', 'in', OPEN_STATUSES);
    if (bureauCode !== null) q = q.where('a.bureau_code', '=', bureauCode);
    return q.execute();
  },
};
