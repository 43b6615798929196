import { translate, type ReferenceValues } from '@ccc/domain';
import type { Db } from '../../../db/database';
import type { FieldProblem, Trx, WriteCtx } from '../dataset';

/** The codes rows may name, read once per check (a few thousand at most). */

type Which = 'clauses' | 'subClauses' | 'attachmentTypes' | 'bureaus' | 'divisions';

export interface CodeSets {
  clauses: Set<string>;
  attachmentTypes: Set<string>;
  /** Second-level clause → its clause. */
  subClauseClause: Map<string, string>;
  bureaus: Set<string>;
  divisions: Set<string>;
}

export async function codeSets(db: Db | Trx, which: Which[]): Promise<CodeSets> {
  const w = new Set(which);
  const codes = async (table: 'clauses' | 'attachment_types' | 'bureaus', on: boolean) =>
    on
      ? new Set((await db.selectFrom(table).select('code').execute()).map((r) => r.code))
      : new Set<string>();
  const [clauses, attachmentTypes, bureaus, subs, divisions] = await Promise.all([
    codes('clauses', w.has('clauses')),
    codes('attachment_types', w.has('attachmentTypes')),
    codes('bureaus', w.has('bureaus')),
    w.has('subClauses') ? db.selectFrom('sub_clauses').select(['code', 'clause_code']).execute() : [],
    w.has('divisions')
      ? db.selectFrom('divisions').select('code').where('kind', '<>', 'placeholder').execute()
      : [],
  ]);
  return {
    clauses,
    attachmentTypes,
    bureaus,
    subClauseClause: new Map(subs.map((s) => [s.code, s.clause_code])),
    divisions: new Set(divisions.map((d) => d.code)),
  };
}

/** "<code> does not exist" for a column naming another record. */
export function unknownCode(ctx: WriteCtx, column: string, v: ReferenceValues): FieldProblem {
  return { column, message: translate(ctx.locale, 'v.refadm.unknownCode', { code: String(v[column]) }) };
}
