import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';

type Tx = Transaction<Database> | Db;

/** All SQL on `counters`: named serials per period (e.g. 'application' / '2026'). */
export const countersRepository = {
  /** Creates the period's row at 0 unless it exists (a concurrent creator is harmless). */
  ensure: async (trx: Tx, name: string, period: string): Promise<void> => {
    await trx
      .insertInto('counters')
      .values({ name, period, value: 0 })
      .onConflict((oc) => oc.columns(['name', 'period']).doNothing())
      .execute();
  },

  /**
   * value + 1 in ONE statement, returning the new value. The row stays locked (PostgreSQL) or the
   * database write-locked (SQLite) until the caller's transaction ends, so two takers never see the same
   * value, and a rolled-back transaction gives its value back: no duplicates, no gaps.
   */
  increment: async (trx: Tx, name: string, period: string): Promise<number | undefined> => {
    const row = await trx
      .updateTable('counters')
      .set({ value: sql<number>`value + 1` })
      .where('name', '=', name)
      .where('period', '=', period)
      .returning('value')
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.value);
  },

  /** The last value taken in a period (0 when none). */
  current: async (db: Tx, name: string, period: string): Promise<number> => {
    const row = await db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', name)
      .where('period', '=', period)
      .executeTakeFirst();
    return row ? Number(row.value) : 0;
  },

  /** Sets a period's value (administration and tests: e.g. to prove the end of a year's serials). */
  set: async (trx: Tx, name: string, period: string, value: number): Promise<void> => {
    await trx
      .insertInto('counters')
      .values({ name, period, value })
      .onConflict((oc) => oc.columns(['name', 'period']).doUpdateSet({ value }))
      .execute();
  },
};
