import type { Clause } from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { listClauses } from '../reference/reference.service';

export interface CalledForType {
  typeCode: string;
  name: string;
  /** 必传. */
  required: boolean;
  reusable: boolean;
}

/**
 * The attachment types a clause (and, for clause 01, its second-level clause) calls for, in the
 * reference order: a requirement without a second-level clause applies under every one; one naming a
 * second-level clause applies only under it (科研/测试 → 项目说明, CCC认证检测 → 送样通知书). A type named
 * by several requirements is required when any of them requires it.
 */
export function typesCalledFor(clause: Clause | undefined, subClauseCode: string | null): CalledForType[] {
  if (!clause) return [];
  const byCode = new Map<string, CalledForType>();
  for (const r of clause.attachmentRequirements) {
    if (r.subClauseCode !== null && r.subClauseCode !== subClauseCode) continue;
    const seen = byCode.get(r.attachmentTypeCode);
    if (seen) seen.required ||= r.required;
    else {
      byCode.set(r.attachmentTypeCode, {
        typeCode: r.attachmentTypeCode,
        name: r.name,
        required: r.required,
        reusable: r.reusable,
      });
    }
  }
  return [...byCode.values()];
}

/** The clauses as the reference module gives them, read with the caller's connection or transaction. */
export async function loadClauses(db: Db | Transaction<Database>): Promise<Clause[]> {
  return listClauses({ db });
}

export async function attachmentTypesFor(
  db: Db | Transaction<Database>,
  clauseCode: string,
  subClauseCode: string | null,
): Promise<CalledForType[]> {
  const clauses = await loadClauses(db);
  return typesCalledFor(
    clauses.find((c) => c.code === clauseCode),
    subClauseCode,
  );
}

/** Every reusable type (申请人营业执照, 后续管理承诺书, 产品符合性声明 as shipped), whatever the clause. */
export async function reusableTypeCodes(db: Db | Transaction<Database>): Promise<Set<string>> {
  const clauses = await loadClauses(db);
  return new Set(
    clauses.flatMap((c) =>
      c.attachmentRequirements.filter((r) => r.reusable).map((r) => r.attachmentTypeCode),
    ),
  );
}
