import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';

type Tx = Transaction<Database> | Db;

/**
 * The officer-specific SQL on users and login_history (both tables of this module): searching and paging
 * officers, moving one to another bureau, an administrator setting a password, and the last login of a page
 * of users. Every statement is limited to role = 'officer'. The officers module reaches it through
 * officer-accounts.service.ts.
 */

const officerColumns = [
  'id',
  'username',
  'contact_name',
  'mobile',
  'email',
  'phone',
  'bureau_code',
  'status',
  'created_at',
] as const;

export interface OfficerFilter {
  q?: string;
  bureauCode?: string;
  status?: string;
}

/** `%text%` for LIKE, with the wildcards in the text itself escaped (used with ESCAPE '\'). */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(db: Tx, f: OfficerFilter) {
  let query = db.selectFrom('users').where('role', '=', 'officer');
  if (f.bureauCode) query = query.where('bureau_code', '=', f.bureauCode);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.q) {
    const p = containsPattern(f.q);
    query = query.where(
      sql<boolean>`(username_key like ${p} escape '\\' or lower(contact_name) like ${p} escape '\\' or lower(email) like ${p} escape '\\')`,
    );
  }
  return query;
}

export const officerAccountsRepository = {
  /** A page of officers, newest first. */
  list: (db: Tx, f: OfficerFilter, offset: number, limit: number) =>
    filtered(db, f)
      .select(officerColumns)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),

  count: async (db: Tx, f: OfficerFilter) =>
    (
      await filtered(db, f)
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
        .executeTakeFirstOrThrow()
    ).n,

  /** An officer by id; any other user is absent here. */
  find: (db: Tx, id: string) =>
    db
      .selectFrom('users')
      .select(officerColumns)
      .where('id', '=', id)
      .where('role', '=', 'officer')
      .executeTakeFirst(),

  /** The officers of one bureau, by user name. */
  listOfBureau: (db: Tx, bureauCode: string) =>
    db
      .selectFrom('users')
      .select(['id', 'username', 'contact_name', 'status'])
      .where('role', '=', 'officer')
      .where('bureau_code', '=', bureauCode)
      .orderBy('username_key')
      .execute(),

  update: (
    trx: Tx,
    id: string,
    fields: {
      contact_name: string;
      mobile: string;
      email: string;
      phone: string | null;
      bureau_code: string;
    },
    nowIso: string,
  ) =>
    trx
      .updateTable('users')
      .set({ ...fields, updated_at: nowIso })
      .where('id', '=', id)
      .where('role', '=', 'officer')
      .returning(officerColumns)
      .executeTakeFirst(),

  /** A password set by the administrator; it also clears a lock. */
  setPassword: async (trx: Tx, id: string, passwordHash: string, nowIso: string) => {
    const res = await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        password_changed_at: nowIso,
        failed_logins: 0,
        locked_until: null,
        updated_at: nowIso,
      })
      .where('id', '=', id)
      .where('role', '=', 'officer')
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  /** The newest login of each of the given users (reads login_history, which the auth module writes). */
  lastLogins: async (db: Tx, userIds: string[]): Promise<Map<string, string>> => {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('login_history')
      .select(['user_id', (eb) => eb.fn.max('at').as('last_at')])
      .where('user_id', 'in', userIds)
      .groupBy('user_id')
      .execute();
    return new Map(rows.map((r) => [r.user_id, r.last_at]));
  },
};

export type OfficerRow = NonNullable<Awaited<ReturnType<typeof officerAccountsRepository.find>>>;
