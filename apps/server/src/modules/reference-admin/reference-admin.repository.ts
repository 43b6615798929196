import type { Db } from '../../db/database';
import type { ReferenceImportsTable } from '../../db/schema';
import { newId } from '../../lib/crypto';
import type { Trx } from './dataset';

/**
 * The SQL of 基础数据管理 beside the dataset stores: each dataset's revision (a settings row replaced by every
 * change made here, so an import previewed before another change is refused) and the imports awaiting apply.
 */

const revisionKey = (dataset: string) => `reference_admin.revision.${dataset}`;

export async function findAdminRevision(db: Db | Trx, dataset: string): Promise<string> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', revisionKey(dataset))
    .executeTakeFirst();
  return row?.value ?? '0';
}

/**
 * Replaces the dataset's revision. With `expected`, only when it still is that one (compare-and-set, so of
 * two imports previewed against the same revision only the first applies); false when it moved.
 */
export async function bumpAdminRevision(
  trx: Trx,
  dataset: string,
  now: string,
  expected?: string,
): Promise<boolean> {
  const key = revisionKey(dataset);
  const value = newId();
  if (expected === undefined) {
    await trx
      .insertInto('settings')
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
    return true;
  }
  if (expected === '0') {
    const r = await trx
      .insertInto('settings')
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await trx
    .updateTable('settings')
    .set({ value, updated_at: now })
    .where('key', '=', key)
    .where('value', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertImport(db: Db, row: ReferenceImportsTable): Promise<void> {
  await db.insertInto('reference_imports').values(row).execute();
}

export function findImport(db: Db | Trx, id: string) {
  return db.selectFrom('reference_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** previewed → applied | discarded, only from previewed; false when another request got there first. */
export async function closeImport(
  db: Db | Trx,
  id: string,
  status: 'applied' | 'discarded',
  by: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('reference_imports')
    .set(status === 'applied' ? { status, applied_by: by, applied_at: at } : { status })
    .where('id', '=', id)
    .where('status', '=', 'previewed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
