import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { sessionsRepository } from './sessions.repository';

/**
 * Ends every session of a user (disabled, or a new password set by an administrator): their next request
 * is anonymous. Call it inside the transaction that makes the change.
 */
export async function endAllSessionsOfUser(trx: Transaction<Database> | Db, userId: string): Promise<number> {
  const res = await sessionsRepository.removeAllOfUser(trx, userId);
  return res.reduce((n, r) => n + Number(r.numDeletedRows), 0);
}
