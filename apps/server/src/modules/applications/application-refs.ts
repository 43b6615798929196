import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';

type Tx = Transaction<Database> | Db;

/**
 * What other modules (the audit search) may know of an application by its 申请编号 and back: the id and the
 * number only, with no access check (the caller has made it). The applications table stays this module's.
 */
export async function findApplicationIdByNumber(db: Tx, number: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('number', '=', number.trim().toUpperCase())
    .executeTakeFirst();
  return row?.id;
}

/** 申请编号 by application id, for the ids that exist. */
export async function applicationNumbers(db: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'number'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}
