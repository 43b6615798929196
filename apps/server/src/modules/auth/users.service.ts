import type { Transaction } from 'kysely';
import type { Role, UserStatus } from '@ccc/domain';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { iso, type Clock } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { isUniqueViolation } from './db-errors';
import { usersRepository, type UserRow } from './users.repository';

type Tx = Transaction<Database> | Db;

/**
 * The users table belongs to the auth module. Other modules (enterprises, administration) read and change
 * users through these functions, never through SQL of their own. No function here hands out a password hash.
 */
export interface UserSummary {
  id: string;
  username: string;
  role: Role;
  status: UserStatus;
  organisationId: string | null;
  bureauCode: string | null;
  contactName: string;
  mobile: string;
  email: string;
  phone: string | null;
  fax: string | null;
  createdAt: string;
}

export const usernameKey = (username: string): string => username.trim().toLowerCase();

export function toUserSummary(r: UserRow): UserSummary {
  return {
    id: r.id,
    username: r.username,
    role: r.role as Role,
    status: r.status as UserStatus,
    organisationId: r.organisation_id,
    bureauCode: r.bureau_code,
    contactName: r.contact_name,
    mobile: r.mobile,
    email: r.email,
    phone: r.phone,
    fax: r.fax,
    createdAt: r.created_at,
  };
}

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  status: UserStatus;
  organisationId: string | null;
  bureauCode: string | null;
  contactName: string;
  mobile: string;
  email: string;
  phone: string | null;
  fax: string | null;
}

const usernameTaken = () =>
  new AppError('USERNAME_TAKEN', { fields: [{ path: 'username', message: 'e.USERNAME_TAKEN' }] });

/** Whether a user name is in use, case-insensitively. */
export async function isUsernameTaken(db: Tx, username: string): Promise<boolean> {
  return (await usersRepository.findByUsernameKey(db, usernameKey(username))) !== undefined;
}

/**
 * Insert a user inside the caller's transaction. A name taken meanwhile by a concurrent registration
 * (the unique key on username_key) is answered USERNAME_TAKEN, like the check before it.
 */
export async function createUser(trx: Tx, deps: { clock: Clock }, input: NewUser): Promise<string> {
  const id = newId();
  const now = iso(deps.clock.now());
  try {
    await usersRepository.insert(trx, {
      id,
      username: input.username.trim(),
      username_key: usernameKey(input.username),
      password_hash: input.passwordHash,
      role: input.role,
      status: input.status,
      organisation_id: input.organisationId,
      bureau_code: input.bureauCode,
      contact_name: input.contactName,
      mobile: input.mobile,
      email: input.email,
      phone: input.phone,
      fax: input.fax,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    });
  } catch (err) {
    if (isUniqueViolation(err, 'username_key')) throw usernameTaken();
    throw err;
  }
  return id;
}

export { usernameTaken as usernameTakenError };

export async function getUser(db: Tx, id: string): Promise<UserSummary | null> {
  const row = await usersRepository.findById(db, id);
  return row ? toUserSummary(row) : null;
}

/** Enterprise users of one organisation with the given statuses, oldest first. */
export async function listOrganisationUsers(
  db: Tx,
  organisationId: string,
  statuses: readonly UserStatus[],
): Promise<UserSummary[]> {
  return (await usersRepository.listByOrganisation(db, organisationId, statuses)).map(toUserSummary);
}

/** Every enterprise user waiting to join an organisation, oldest first. */
export async function listPendingEnterpriseUsers(db: Tx): Promise<UserSummary[]> {
  return (await usersRepository.listByStatus(db, 'enterprise', 'pending')).map(toUserSummary);
}

/** Compare-and-set of a status: null when the user was no longer in `from`. */
export async function changeUserStatus(
  trx: Tx,
  deps: { clock: Clock },
  id: string,
  from: UserStatus,
  to: UserStatus,
): Promise<UserSummary | null> {
  const row = await usersRepository.changeStatus(trx, id, from, to, iso(deps.clock.now()));
  return row ? toUserSummary(row) : null;
}

export interface ContactUpdate {
  contactName: string;
  mobile: string;
  email: string;
  phone: string | null;
  fax: string | null;
}

export async function updateUserContact(
  trx: Tx,
  deps: { clock: Clock },
  id: string,
  c: ContactUpdate,
): Promise<void> {
  await usersRepository.updateContact(
    trx,
    id,
    { contact_name: c.contactName, mobile: c.mobile, email: c.email, phone: c.phone, fax: c.fax },
    iso(deps.clock.now()),
  );
}

/**
 * The administrator's 解锁: clears the count of wrong passwords and any lock. Returns whether there was
 * anything to clear. Call it inside the transaction that audits it.
 */
export async function unlockUser(trx: Tx, deps: { clock: Clock }, id: string): Promise<boolean> {
  return (await usersRepository.unlock(trx, id, iso(deps.clock.now()))) > 0;
}
