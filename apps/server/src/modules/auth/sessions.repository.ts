import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import { precompiled } from '../../db/precompiled';
import type { Database } from '../../db/schema';

type Tx = Transaction<Database> | Db;

/** The session and its user, behind every signed-in request: compiled once (db/precompiled.ts). */
const findWithUser = precompiled(
  (db, idHash: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id_hash',
        'sessions.csrf_token',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'sessions.created_at',
        'users.id as user_id',
        'users.username',
        'users.role',
        'users.status',
        'users.organisation_id',
        'users.bureau_code',
      ])
      .where('sessions.id_hash', '=', idHash),
  [''],
);

export const sessionsRepository = {
  findWithUser: async (db: Db, idHash: string) => (await findWithUser(db, idHash))[0],

  insert: (trx: Tx, row: Database['sessions']) => trx.insertInto('sessions').values(row).execute(),

  touch: (db: Db, idHash: string, nowIso: string) =>
    db.updateTable('sessions').set({ last_seen_at: nowIso }).where('id_hash', '=', idHash).execute(),

  remove: (trx: Tx, idHash: string) => trx.deleteFrom('sessions').where('id_hash', '=', idHash).execute(),

  removeAllOfUser: (trx: Tx, userId: string) =>
    trx.deleteFrom('sessions').where('user_id', '=', userId).execute(),

  /** Every session of the user but the one in use (after a password change). */
  removeOthersOfUser: (trx: Tx, userId: string, keepIdHash: string) =>
    trx.deleteFrom('sessions').where('user_id', '=', userId).where('id_hash', '!=', keepIdHash).execute(),

  createdAt: (db: Tx, idHash: string) =>
    db.selectFrom('sessions').select('created_at').where('id_hash', '=', idHash).executeTakeFirst(),

  removeExpired: (db: Db, absoluteBeforeIso: string, idleBeforeIso: string) =>
    db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([eb('expires_at', '<=', absoluteBeforeIso), eb('last_seen_at', '<=', idleBeforeIso)]),
      )
      .execute(),
};
