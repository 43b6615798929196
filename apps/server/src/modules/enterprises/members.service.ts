import type { z } from 'zod';
import type { memberSchema, pendingUserSchema } from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { composeMail } from '../../locales/mail';
import { recordAudit } from '../audit/audit.service';
import {
  changeUserStatus,
  getUser,
  listOrganisationUsers,
  listPendingEnterpriseUsers,
  type UserSummary,
} from '../auth/users.service';
import { enqueueMail } from '../notifications/notifications.service';
import { getOrganisation, getOrganisations } from './enterprises.service';
import { requireActiveMember } from './membership';

type Member = z.output<typeof memberSchema>;
type PendingUser = z.output<typeof pendingUserSchema>;
export type MemberDecision = 'approve' | 'reject';

const toMember = (u: UserSummary): Member => ({
  id: u.id,
  username: u.username,
  contactName: u.contactName,
  email: u.email,
  mobile: u.mobile,
  status: u.status,
  createdAt: u.createdAt,
});

/** The organisation's users: active members and applicants, pending or rejected. */
export async function listMembers(ctx: ServiceContext): Promise<Member[]> {
  const { organisationId } = requireActiveMember(ctx);
  const users = await listOrganisationUsers(ctx.db, organisationId, ['pending', 'active', 'rejected']);
  const rank = { pending: 0, active: 1, rejected: 2, disabled: 3 } as const;
  return users.sort((a, b) => rank[a.status] - rank[b.status]).map(toMember);
}

/** Administrator: every user waiting to join an organisation, with the organisation's code and name. */
export async function listPendingUsers(ctx: ServiceContext): Promise<PendingUser[]> {
  const users = await listPendingEnterpriseUsers(ctx.db);
  const orgs = await getOrganisations(
    ctx.db,
    users.flatMap((u) => (u.organisationId ? [u.organisationId] : [])),
  );
  return users.flatMap((u) => {
    const org = u.organisationId ? orgs.get(u.organisationId) : undefined;
    if (!org) return [];
    return [
      {
        id: u.id,
        username: u.username,
        contactName: u.contactName,
        email: u.email,
        mobile: u.mobile,
        orgCode: org.code,
        orgNameZh: org.nameZh,
        createdAt: u.createdAt,
      },
    ];
  });
}

/**
 * Approve (→ active) or reject (→ rejected) a pending applicant. An active member decides for its own
 * organisation only: another organisation's user is "not found", and the attempt is audited. An
 * administrator decides for any organisation. The applicant is told by e-mail.
 */
export async function decideMembership(
  ctx: ServiceContext,
  userId: string,
  decision: MemberDecision,
): Promise<Member> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const scopeOrg = actor.role === 'admin' ? null : requireActiveMember(ctx).organisationId;
  const target = await getUser(ctx.db, userId);
  const visible =
    target !== null &&
    target.role === 'enterprise' &&
    (scopeOrg === null || target.organisationId === scopeOrg);
  if (!target || !visible || !target.organisationId) {
    await recordAudit(ctx.db, ctx, {
      entityType: 'user',
      entityId: userId,
      action: 'ACCESS_DENIED',
      after: {
        attempted: 'MEMBERSHIP_DECISION',
        decision,
        targetOrganisationId: target?.organisationId ?? null,
      },
    });
    throw new AppError('NOT_FOUND');
  }
  if (target.status !== 'pending') throw new AppError('INVALID_TRANSITION');
  const org = await getOrganisation(ctx.db, target.organisationId);
  if (!org) throw new AppError('NOT_FOUND');

  const to = decision === 'approve' ? 'active' : 'rejected';
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await changeUserStatus(trx, ctx, target.id, 'pending', to);
    if (!updated) throw new AppError('INVALID_TRANSITION');
    await recordAudit(trx, ctx, {
      entityType: 'user',
      entityId: target.id,
      action: decision === 'approve' ? 'MEMBERSHIP_APPROVED' : 'MEMBERSHIP_REJECTED',
      organisationId: org.id,
      bureauCode: null,
      before: { username: target.username, status: 'pending' },
      after: { username: target.username, status: to },
    });
    if (target.email) {
      const mail =
        decision === 'approve'
          ? composeMail('membershipApproved', {
              username: target.username,
              contactName: target.contactName,
              orgName: org.nameZh,
              decidedBy: actor.role === 'admin' ? '系统管理员 / the administrator' : actor.username,
              url: ctx.config.publicUrl,
            })
          : composeMail('membershipRejected', {
              username: target.username,
              contactName: target.contactName,
              orgName: org.nameZh,
            });
      await enqueueMail(trx, ctx, { to: target.email, ...mail });
    }
    return toMember(updated);
  });
}
