import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database, OutboxTable } from '../../db/schema';

type Tx = Transaction<Database> | Db;

export const outboxRepository = {
  insert: (trx: Tx, row: OutboxTable) => trx.insertInto('outbox').values(row).execute(),

  /** Candidates: pending and due, or claimed by an instance that stopped before it finished. */
  findDue: (db: Db, nowIso: string, limit: number) =>
    db
      .selectFrom('outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', nowIso)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', nowIso)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute(),

  /** Compare-and-set claim: two instances never both win one row. */
  async claim(db: Db, id: string, nowIso: string, claimUntilIso: string) {
    return db
      .updateTable('outbox')
      .set({ status: 'sending', claimed_until: claimUntilIso })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', nowIso)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', nowIso)]),
        ]),
      )
      .returningAll()
      .executeTakeFirst();
  },

  markSent: (db: Db, id: string, nowIso: string) =>
    db
      .updateTable('outbox')
      .set((eb) => ({
        status: 'sent',
        sent_at: nowIso,
        claimed_until: null,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .execute(),

  markFailed: (db: Db, id: string, attempts: number, error: string, nextIso: string | null) =>
    db
      .updateTable('outbox')
      .set({
        status: nextIso ? 'pending' : 'failed',
        attempts,
        last_error: error.slice(0, 2000),
        next_attempt_at: nextIso ?? new Date(0).toISOString(),
        claimed_until: null,
      })
      .where('id', '=', id)
      .execute(),
};
