import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database, LoginHistoryTable, UsersTable } from '../../db/schema';

type Tx = Transaction<Database> | Db;
export type UserRow = Selectable<UsersTable>;

export interface ContactFields {
  contact_name: string;
  mobile: string;
  email: string;
  phone: string | null;
  fax: string | null;
}

/** All the SQL on users and login_history. */
export const usersRepository = {
  findById: (db: Tx, id: string) =>
    db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

  findByUsernameKey: (db: Tx, key: string) =>
    db.selectFrom('users').selectAll().where('username_key', '=', key).executeTakeFirst(),

  insert: (trx: Tx, row: UsersTable) => trx.insertInto('users').values(row).execute(),

  /**
   * One wrong password, counted atomically: the `threshold`-th failure in a row sets the lock and restarts
   * the count. Returns the new count and lock end.
   */
  recordFailedLogin: (db: Tx, id: string, threshold: number, lockUntilIso: string, nowIso: string) =>
    db
      .updateTable('users')
      .set({
        failed_logins: sql<number>`case when failed_logins + 1 >= ${threshold} then 0 else failed_logins + 1 end`,
        locked_until: sql<
          string | null
        >`case when failed_logins + 1 >= ${threshold} then ${lockUntilIso} else locked_until end`,
        updated_at: nowIso,
      })
      .where('id', '=', id)
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirstOrThrow(),

  clearLoginFailures: (trx: Tx, id: string) =>
    trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('failed_logins', '!=', 0), eb('locked_until', 'is not', null)]))
      .execute(),

  /** The administrator's unlock: the count and the lock cleared; 0 when there was neither. */
  unlock: async (trx: Tx, id: string, nowIso: string) => {
    const res = await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, updated_at: nowIso })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('failed_logins', '!=', 0), eb('locked_until', 'is not', null)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  /** A new password also clears any lock. */
  setPassword: (trx: Tx, id: string, passwordHash: string, nowIso: string) =>
    trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        password_changed_at: nowIso,
        failed_logins: 0,
        locked_until: null,
        updated_at: nowIso,
      })
      .where('id', '=', id)
      .execute(),

  updateContact: (trx: Tx, id: string, fields: ContactFields, nowIso: string) =>
    trx
      .updateTable('users')
      .set({ ...fields, updated_at: nowIso })
      .where('id', '=', id)
      .execute(),

  /** Compare-and-set: only a user still in `from` changes, so two deciders cannot both win. */
  changeStatus: (trx: Tx, id: string, from: string, to: string, nowIso: string) =>
    trx
      .updateTable('users')
      .set({ status: to, updated_at: nowIso })
      .where('id', '=', id)
      .where('status', '=', from)
      .returningAll()
      .executeTakeFirst(),

  listByOrganisation: (db: Tx, organisationId: string, statuses: readonly string[]) =>
    db
      .selectFrom('users')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('role', '=', 'enterprise')
      .where('status', 'in', statuses)
      .orderBy('created_at')
      .orderBy('username_key')
      .execute(),

  listByStatus: (db: Tx, role: string, status: string) =>
    db
      .selectFrom('users')
      .selectAll()
      .where('role', '=', role)
      .where('status', '=', status)
      .orderBy('created_at')
      .execute(),

  insertLogin: (trx: Tx, row: LoginHistoryTable) => trx.insertInto('login_history').values(row).execute(),

  /** The newest login strictly before a moment (the session's start): "last login" shown after login. */
  loginBefore: (db: Tx, userId: string, beforeIso: string) =>
    db
      .selectFrom('login_history')
      .select(['at', 'ip'])
      .where('user_id', '=', userId)
      .where('at', '<', beforeIso)
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst(),
};
