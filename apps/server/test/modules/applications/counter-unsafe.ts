import type { Transaction } from 'kysely';
import type { Database } from '../../../src/db/schema';

/**
 * THE NEGATIVE CONTROL, test code only: a counter taken the way DESIGN §3 forbids — read the value, then
 * write value + 1 — with a pause between, as any real work between the two would make. (The counter row
 * exists beforehand.) Two takers read the same value: duplicates on PostgreSQL; on SQLite the second
 * writer's snapshot is stale and its transaction fails (SQLITE_BUSY), or, once retried, duplicates.
 */
export async function takeSerialUnsafely(
  trx: Transaction<Database>,
  name: string,
  period: string,
): Promise<number> {
  const row = await trx
    .selectFrom('counters')
    .select('value')
    .where('name', '=', name)
    .where('period', '=', period)
    .executeTakeFirstOrThrow();
  const next = Number(row.value) + 1;
  await new Promise((r) => setTimeout(r, 15));
  await trx
    .updateTable('counters')
    .set({ value: next })
    .where('name', '=', name)
    .where('period', '=', period)
    .execute();
  return next;
}
