import type {
  AdminOrganisationApplication,
  AdminOrganisationDetail,
  AdminOrganisationList,
  AdminUser,
  AdminUserList,
  ApplicationStatus,
  adminOrganisationListQuerySchema,
  adminUserListQuerySchema,
  pageQuerySchema,
  Role,
  UserStatus,
} from '@ccc/domain';
import type { z } from 'zod';
import type { ServiceContext } from '../../context';
import { AppError, notFound } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { recordAudit } from '../audit/audit.service';
import { endAllSessionsOfUser } from '../auth/sessions.service';
import { changeUserStatus, getUser, unlockUser, type UserSummary } from '../auth/users.service';
import { enqueueMail } from '../notifications/notifications.service';
import { divisionPath, findBureauNames, findReferenceNames } from '../reference/reference.service';
import { accountDisabledMail, accountEnabledMail, accountUnlockedMail } from './directory-mail';
import { directoryRepository, type DirectoryUserRow } from './directory.repository';

type OrganisationQuery = z.output<typeof adminOrganisationListQuerySchema>;
type UserQuery = z.output<typeof adminUserListQuerySchema>;
type PageQuery = z.output<typeof pageQuerySchema>;

/** Division paths by code, each looked up once. */
async function divisionNames(ctx: ServiceContext, codes: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const code of new Set(codes)) names.set(code, (await divisionPath(ctx, code)) || code);
  return names;
}

async function presentUsers(ctx: ServiceContext, rows: DirectoryUserRow[]): Promise<AdminUser[]> {
  const bureaus = await findBureauNames(
    ctx,
    rows.flatMap((r) => (r.bureau_code ? [r.bureau_code] : [])),
  );
  const now = ctx.clock.now();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    role: r.role as Role,
    status: r.status as UserStatus,
    contactName: r.contact_name,
    email: r.email,
    mobile: r.mobile,
    phone: r.phone,
    organisationId: r.organisation_id,
    orgCode: r.org_code,
    orgNameZh: r.org_name_zh,
    bureauCode: r.bureau_code,
    bureauName: r.bureau_code ? (bureaus.get(r.bureau_code) ?? r.bureau_code) : null,
    failedLogins: Number(r.failed_logins),
    // A lock that has run out is no lock: the next login tries the password again.
    lockedUntil: r.locked_until && new Date(r.locked_until) > now ? r.locked_until : null,
    lastLoginAt: r.last_login_at ?? null,
    lastLoginIp: r.last_login_ip ?? null,
    createdAt: r.created_at,
  }));
}

/** 单位管理: organisations newest first, searched by code, name, or a member's user name or e-mail. */
export async function listOrganisations(
  ctx: ServiceContext,
  query: OrganisationQuery,
): Promise<AdminOrganisationList> {
  const q = query.q || undefined;
  const [rows, total] = await Promise.all([
    directoryRepository.listOrganisations(ctx.db, q, (query.page - 1) * query.pageSize, query.pageSize),
    directoryRepository.countOrganisations(ctx.db, q),
  ]);
  const divisions = await divisionNames(
    ctx,
    rows.map((r) => r.division_code),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      divisionCode: r.division_code,
      divisionName: divisions.get(r.division_code) ?? r.division_code,
      userCount: Number(r.user_count ?? 0),
      applicationCount: Number(r.application_count ?? 0),
      createdAt: r.created_at,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One organisation with all its users (oldest first); its applications are paged separately. */
export async function getOrganisationDetail(
  ctx: ServiceContext,
  id: string,
): Promise<AdminOrganisationDetail> {
  const org = await directoryRepository.findOrganisation(ctx.db, id);
  if (!org) throw notFound();
  const [users, applicationCount, division] = await Promise.all([
    directoryRepository.usersOfOrganisation(ctx.db, id),
    directoryRepository.countApplicationsOf(ctx.db, id),
    divisionPath(ctx, org.division_code),
  ]);
  return {
    id: org.id,
    code: org.code,
    orgCode9: org.org_code9,
    nameZh: org.name_zh,
    nameEn: org.name_en,
    divisionCode: org.division_code,
    divisionName: division || org.division_code,
    address: org.address,
    postcode: org.postcode,
    remark: org.remark,
    userCount: users.length,
    applicationCount,
    createdAt: org.created_at,
    updatedAt: org.updated_at,
    users: await presentUsers(ctx, users),
  };
}

/** An organisation's applications, newest first, with clause and bureau names. */
export async function listOrganisationApplications(ctx: ServiceContext, id: string, query: PageQuery) {
  if (!(await directoryRepository.findOrganisation(ctx.db, id))) throw notFound();
  const [rows, total, names] = await Promise.all([
    directoryRepository.listApplicationsOf(ctx.db, id, (query.page - 1) * query.pageSize, query.pageSize),
    directoryRepository.countApplicationsOf(ctx.db, id),
    findReferenceNames(ctx),
  ]);
  const bureaus = await findBureauNames(
    ctx,
    rows.map((r) => r.bureau_code),
  );
  const items: AdminOrganisationApplication[] = rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status as ApplicationStatus,
    clauseCode: r.clause_code,
    clauseName: names.clauses.get(r.clause_code) ?? r.clause_code,
    bureauCode: r.bureau_code,
    bureauName: bureaus.get(r.bureau_code) ?? r.bureau_code,
    submittedAt: r.submitted_at,
    certificateNumber: r.certificate_number,
    createdAt: r.created_at,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** 用户管理: users of every role, newest first. */
export async function listUsers(ctx: ServiceContext, query: UserQuery): Promise<AdminUserList> {
  const filter = { q: query.q || undefined, role: query.role, status: query.status };
  const [rows, total] = await Promise.all([
    directoryRepository.listUsers(ctx.db, filter, (query.page - 1) * query.pageSize, query.pageSize),
    directoryRepository.countUsers(ctx.db, filter),
  ]);
  return { items: await presentUsers(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getAdminUser(ctx: ServiceContext, id: string): Promise<AdminUser> {
  const row = await directoryRepository.findUser(ctx.db, id);
  if (!row) throw notFound();
  return (await presentUsers(ctx, [row]))[0]!;
}

type AccountAction = 'disable' | 'enable' | 'unlock';

const auditActions: Record<AccountAction, string> = {
  disable: 'USER_DISABLED',
  enable: 'USER_ENABLED',
  unlock: 'USER_UNLOCKED',
};
const mails = { disable: accountDisabledMail, enable: accountEnabledMail, unlock: accountUnlockedMail };

/** What the audit log keeps of the account's state before and after an action. */
const accountView = (u: { status: string }, lock: { failedLogins: number; lockedUntil: string | null }) => ({
  status: u.status,
  failedLogins: lock.failedLogins,
  lockedUntil: lock.lockedUntil,
});

/**
 * 停用 / 启用 / 解锁 a user of any role, inside one transaction with its audit row and its mail.
 * Disabling ends every session of the user at once; login refuses a disabled account. Only an active
 * account can be disabled (a pending user is approved or rejected as a join request), only a disabled one
 * enabled, and no administrator can disable their own account. Asking for the state the account is already
 * in changes nothing (no audit row, no mail).
 */
export async function changeAccount(
  ctx: ServiceContext,
  id: string,
  action: AccountAction,
): Promise<AdminUser> {
  if (action === 'disable' && id === ctx.actor?.userId) {
    throw new AppError('INVALID_TRANSITION', { message: 'e.user.selfDisable' });
  }
  const current = await directoryRepository.findUser(ctx.db, id);
  if (!current) throw notFound();
  const nowIso = iso(ctx.clock.now());

  await ctx.db.transaction().execute(async (trx) => {
    const before = await getUser(trx, id);
    if (!before) throw notFound();
    const lockBefore = { failedLogins: Number(current.failed_logins), lockedUntil: current.locked_until };
    let after: Record<string, unknown>;
    if (action === 'unlock') {
      // Nothing to clear is no change: no audit row, no mail.
      if (!(await unlockUser(trx, ctx, id))) return;
      after = accountView(before, { failedLogins: 0, lockedUntil: null });
    } else {
      const [from, to]: [UserStatus, UserStatus] =
        action === 'disable' ? ['active', 'disabled'] : ['disabled', 'active'];
      // Asked twice (a double click, two administrators): the account is already as asked, nothing changes.
      if (before.status === to) return;
      if (before.status !== from) {
        throw new AppError('INVALID_TRANSITION', {
          message: action === 'disable' ? 'e.user.notActive' : 'e.user.notDisabled',
        });
      }
      // Compare-and-set: a concurrent change of the same account answers CONFLICT instead of overwriting it.
      if (!(await changeUserStatus(trx, ctx, id, from, to))) throw new AppError('CONFLICT');
      const signedOut = action === 'disable' ? await endAllSessionsOfUser(trx, id) : 0;
      after = { ...accountView({ status: to }, lockBefore), ...(action === 'disable' ? { signedOut } : {}) };
    }
    await recordAudit(trx, ctx, {
      entityType: 'user',
      entityId: id,
      action: auditActions[action],
      before: { username: before.username, role: before.role, ...accountView(before, lockBefore) },
      after,
      organisationId: before.organisationId,
      bureauCode: before.bureauCode,
    });
    await enqueueMail(trx, ctx, {
      to: before.email,
      ...mailFor(action, before, nowIso, ctx.config.publicUrl),
    });
  });
  return getAdminUser(ctx, id);
}

function mailFor(action: AccountAction, user: UserSummary, at: string, url: string) {
  return mails[action]({ contactName: user.contactName, username: user.username, at, url });
}
