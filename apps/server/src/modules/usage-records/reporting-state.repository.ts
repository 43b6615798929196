import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { CertificateReportingTable, Database } from '../../db/schema';

type Tx = Transaction<Database> | Db;

export type ReportingFacts = Pick<
  CertificateReportingTable,
  | 'valid'
  | 'fully_reported'
  | 'bureau_code'
  | 'clause_code'
  | 'issue_date'
  | 'display_end_date'
  | 'first_export_date'
>;

/** For one clause: the latest date its deadline may count from and still fall in the window asked for. */
export interface ClauseCutoff {
  clauseCode: string | null;
  basis: 'issue' | 'display_end' | 'export';
  latestFrom: string;
}

/** All the SQL on certificate_reporting (migration 0009; its triggers mark rows dirty). */
export const reportingStateRepository = {
  dirty: (db: Tx, limit: number) =>
    db
      .selectFrom('certificate_reporting')
      .select(['base_number', 'change_seq'])
      .where('dirty', '=', 1)
      .orderBy('base_number')
      .limit(limit)
      .execute(),

  /** Stores the facts computed for `changeSeq`; a change committed meanwhile keeps the row dirty. */
  store: (db: Tx, baseNumber: string, changeSeq: number, facts: ReportingFacts) =>
    db
      .updateTable('certificate_reporting')
      .set({ ...facts, dirty: 0 })
      .where('base_number', '=', baseNumber)
      .where('change_seq', '=', changeSeq)
      .execute(),

  /**
   * Valid, not fully reported numbers whose deadline may fall before the cut-offs (one per clause, and one
   * with clauseCode null for every other clause), plus every number still dirty.
   */
  candidates: async (db: Tx, bureauCode: string | null, cutoffs: readonly ClauseCutoff[]) => {
    const named = cutoffs.filter((c) => c.clauseCode !== null).map((c) => c.clauseCode!);
    const rows = await db
      .selectFrom('certificate_reporting')
      .select('base_number')
      .where((eb) =>
        eb.or([
          eb('dirty', '=', 1),
          eb.and([
            eb('valid', '=', 1),
            eb('fully_reported', '=', 0),
            ...(bureauCode ? [eb('bureau_code', '=', bureauCode)] : []),
            eb.or(
              cutoffs.map((c) => {
                const clause =
                  c.clauseCode !== null
                    ? eb('clause_code', '=', c.clauseCode)
                    : named.length
                      ? eb('clause_code', 'not in', named)
                      : sql<boolean>`1 = 1`;
                const from =
                  c.basis === 'export'
                    ? eb('first_export_date', '<=', c.latestFrom)
                    : c.basis === 'display_end'
                      ? eb(eb.fn.coalesce('display_end_date', 'issue_date'), '<=', c.latestFrom)
                      : eb('issue_date', '<=', c.latestFrom);
                return eb.and([clause, from]);
              }),
            ),
          ]),
        ]),
      )
      .execute();
    return rows.map((r) => r.base_number);
  },
};
