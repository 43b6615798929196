import type {
  createOfficerBodySchema,
  Officer,
  officerListQuerySchema,
  UserStatus,
  updateOfficerBodySchema,
} from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { ServiceContext } from '../../context';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError, fieldError, notFound } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { hashPassword } from '../../lib/password';
import { recordAudit } from '../audit/audit.service';
import { endAllSessionsOfUser } from '../auth/sessions.service';
import { changeUserStatus, createUser, isUsernameTaken, usernameTakenError } from '../auth/users.service';
import { enqueueMail } from '../notifications/notifications.service';
import { findBureau } from '../reference/reference.service';
import { officerAccountCreatedMail, officerPasswordSetMail } from './officer-mail';
import { officerAccounts, type OfficerRow } from '../auth/officer-accounts.service';

type ListQuery = z.output<typeof officerListQuerySchema>;
type CreateInput = z.output<typeof createOfficerBodySchema>;
type UpdateInput = z.output<typeof updateOfficerBodySchema>;

/** An officer belongs to one existing, enabled bureau; anything else is a mistake in the field. */
async function requireEnabledBureau(ctx: ServiceContext, code: string) {
  const bureau = await findBureau(ctx, code);
  if (!bureau || !bureau.enabled) throw fieldError('bureauCode', 'v.bureau.unknown');
  return bureau;
}

async function bureauNames(ctx: ServiceContext, codes: (string | null)[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const code of new Set(codes)) {
    if (!code) continue;
    const bureau = await findBureau(ctx, code);
    names.set(code, bureau?.name ?? code);
  }
  return names;
}

function toOfficer(row: OfficerRow, bureauName: string, lastLoginAt: string | null): Officer {
  return {
    id: row.id,
    username: row.username,
    contactName: row.contact_name,
    mobile: row.mobile,
    email: row.email,
    phone: row.phone,
    bureauCode: row.bureau_code ?? '',
    bureauName,
    status: row.status as UserStatus,
    lastLoginAt,
    createdAt: row.created_at,
  };
}

/** What the audit log keeps of an officer account. */
const auditView = (row: OfficerRow) => ({
  username: row.username,
  contactName: row.contact_name,
  mobile: row.mobile,
  email: row.email,
  phone: row.phone,
  bureauCode: row.bureau_code,
  status: row.status,
});

async function present(ctx: ServiceContext, row: OfficerRow): Promise<Officer> {
  const [names, logins] = await Promise.all([
    bureauNames(ctx, [row.bureau_code]),
    officerAccounts.lastLogins(ctx.db, [row.id]),
  ]);
  return toOfficer(row, names.get(row.bureau_code ?? '') ?? '', logins.get(row.id) ?? null);
}

/** Officers, newest first, searched by user name, contact name or e-mail. */
export async function listOfficers(ctx: ServiceContext, query: ListQuery) {
  const filter = { q: query.q || undefined, bureauCode: query.bureauCode, status: query.status };
  const [rows, total] = await Promise.all([
    officerAccounts.list(ctx.db, filter, (query.page - 1) * query.pageSize, query.pageSize),
    officerAccounts.count(ctx.db, filter),
  ]);
  const [names, logins] = await Promise.all([
    bureauNames(
      ctx,
      rows.map((r) => r.bureau_code),
    ),
    officerAccounts.lastLogins(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  return {
    items: rows.map((r) => toOfficer(r, names.get(r.bureau_code ?? '') ?? '', logins.get(r.id) ?? null)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One officer; any other user (an administrator, an enterprise user) is "not found" here. */
export async function getOfficer(ctx: ServiceContext, id: string): Promise<Officer> {
  const row = await officerAccounts.find(ctx.db, id);
  if (!row) throw notFound();
  return present(ctx, row);
}

/**
 * Creates an active officer tied to one enabled bureau, without an organisation, and tells them by e-mail
 * (the password is handed over by the administrator, never mailed).
 */
export async function createOfficer(ctx: ServiceContext, input: CreateInput): Promise<Officer> {
  const bureau = await requireEnabledBureau(ctx, input.bureauCode);
  if (await isUsernameTaken(ctx.db, input.username)) throw usernameTakenError();
  const passwordHash = await hashPassword(input.password);

  const row = await ctx.db.transaction().execute(async (trx) => {
    const id = await createUser(trx, ctx, {
      username: input.username,
      passwordHash,
      role: 'officer',
      status: 'active',
      organisationId: null,
      bureauCode: bureau.code,
      contactName: input.contactName,
      mobile: input.mobile,
      email: input.email,
      phone: input.phone ?? null,
      fax: null,
    });
    const created = await officerAccounts.find(trx, id);
    if (!created) throw new Error('officer row vanished inside its own transaction');
    await recordAudit(trx, ctx, {
      entityType: 'user',
      entityId: id,
      action: 'OFFICER_CREATED',
      after: auditView(created),
      bureauCode: bureau.code,
    });
    const mail = officerAccountCreatedMail({
      contactName: created.contact_name,
      username: created.username,
      bureauName: bureau.name,
      url: ctx.config.publicUrl,
    });
    await enqueueMail(trx, ctx, { to: created.email, ...mail });
    return created;
  });
  return toOfficer(row, bureau.name, null);
}

/** Changes contact details and, to another enabled bureau, the officer's bureau. */
export async function updateOfficer(ctx: ServiceContext, id: string, input: UpdateInput): Promise<Officer> {
  const current = await officerAccounts.find(ctx.db, id);
  if (!current) throw notFound();
  // Moving to a bureau needs it enabled; keeping the current one does not (it may have been disabled since).
  if (input.bureauCode !== current.bureau_code) await requireEnabledBureau(ctx, input.bureauCode);

  const after = await ctx.db.transaction().execute(async (trx) => {
    const before = await officerAccounts.find(trx, id);
    if (!before) throw notFound();
    const updated = await officerAccounts.update(
      trx,
      id,
      {
        contact_name: input.contactName,
        mobile: input.mobile,
        email: input.email,
        phone: input.phone ?? null,
        bureau_code: input.bureauCode,
      },
      iso(ctx.clock.now()),
    );
    if (!updated) throw notFound();
    await recordAudit(trx, ctx, {
      entityType: 'user',
      entityId: id,
      action: 'OFFICER_UPDATED',
      before: auditView(before),
      after: auditView(updated),
      bureauCode: updated.bureau_code,
    });
    return updated;
  });
  return present(ctx, after);
}

/**
 * Enables or disables an officer. Disabling ends every session at once: the officer's next request is
 * anonymous, and login refuses a disabled account.
 */
export async function setOfficerStatus(
  ctx: ServiceContext,
  id: string,
  status: 'active' | 'disabled',
): Promise<Officer> {
  const after = await ctx.db.transaction().execute(async (trx) => {
    const before = await officerAccounts.find(trx, id);
    if (!before) throw notFound();
    if (before.status === status) return before;
    // Compare-and-set: a concurrent change of the same account answers CONFLICT instead of overwriting it.
    const changed = await changeUserStatus(trx, ctx, id, before.status as UserStatus, status);
    if (!changed) throw new AppError('CONFLICT');
    if (status === 'disabled') await endAllSessionsOfUser(trx, id);
    const updated = { ...before, status };
    await recordAudit(trx, ctx, {
      entityType: 'user',
      entityId: id,
      action: status === 'disabled' ? 'OFFICER_DISABLED' : 'OFFICER_ENABLED',
      before: { status: before.status },
      after: { status },
      bureauCode: before.bureau_code,
    });
    return updated;
  });
  return present(ctx, after);
}

/** The administrator sets a new password: the lock is cleared, every session ends, the officer is told. */
export async function setOfficerPassword(ctx: ServiceContext, id: string, password: string): Promise<void> {
  const current = await officerAccounts.find(ctx.db, id);
  if (!current) throw notFound();
  const passwordHash = await hashPassword(password);
  const names = await bureauNames(ctx, [current.bureau_code]);

  await ctx.db.transaction().execute(async (trx) => {
    if ((await officerAccounts.setPassword(trx, id, passwordHash, iso(ctx.clock.now()))) === 0) {
      throw notFound();
    }
    const ended = await endAllSessionsOfUser(trx, id);
    await recordAudit(trx, ctx, {
      entityType: 'user',
      entityId: id,
      action: 'OFFICER_PASSWORD_SET',
      after: { username: current.username, signedOutCount: ended },
      bureauCode: current.bureau_code,
    });
    const mail = officerPasswordSetMail({
      contactName: current.contact_name,
      username: current.username,
      bureauName: names.get(current.bureau_code ?? '') ?? '',
      url: ctx.config.publicUrl,
    });
    await enqueueMail(trx, ctx, { to: current.email, ...mail });
  });
}

/**
 * The active officers of a bureau that have an e-mail address, for the mails that tell a bureau about its
 * cases (e.g. an enterprise's 撤回). Runs on the caller's transaction or connection.
 */
export async function listActiveOfficerContacts(
  db: Transaction<Database> | Db,
  bureauCode: string,
): Promise<{ username: string; contactName: string; email: string }[]> {
  const rows = await officerAccounts.list(db, { bureauCode, status: 'active' }, 0, 1000);
  return rows
    .filter((r) => r.email)
    .map((r) => ({ username: r.username, contactName: r.contact_name, email: r.email }));
}
