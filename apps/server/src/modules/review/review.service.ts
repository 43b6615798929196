import {
  canApply,
  chinaDate,
  nextApplicationStatus,
  type ApplicationEvent,
  type ApplicationStatus,
  type ReviewDetail,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { formatChinaTime } from '../../locales/mail';
import {
  decideApplicationIfState,
  getApplicationDetail,
  loadViewableApplication,
  setApplicationCertificateNumber,
  statusOf,
  type DecisionColumns,
} from '../applications/applications-bureau.service';
import { listAuditOfEntity, recordAudit } from '../audit/audit.service';
import { loadWorkingCalendar } from '../calendar/calendar.service';
import { getCertificateOfApplication, issueCertificate } from '../certificates/certificates.service';
import { findBureau, findBureauNames } from '../reference/reference.service';
import { lastReturnOf } from './last-return';
import { mailOrganisationUsers, portalApplicationUrl, verifyUrl } from './review-mail';
import { clockSpan, computeServiceClock, roundDays, type ServiceLevels } from './service-clock';

/**
 * 受理与审核 (SPEC §4): what the officer sees of a case, and the four decisions. Each decision goes through
 * the shared workflow table and is ONE transaction that starts with a compare-and-set on the state the
 * officer saw: of two officers deciding at once exactly one wins, the other gets 409 DECISION_CONFLICT, as
 * does a decision on a case the enterprise withdrew meanwhile. The decision is audited with its reason, and
 * the organisation's users are mailed through the outbox in the same transaction.
 */

export type Decision = Extract<ApplicationEvent, 'accept' | 'return' | 'approve' | 'refuse'>;

const ENTITY = 'application';

const AUDIT_ACTIONS: Record<Decision, string> = {
  accept: 'APPLICATION_ACCEPTED',
  return: 'APPLICATION_RETURNED',
  approve: 'APPLICATION_APPROVED',
  refuse: 'APPLICATION_REFUSED',
};

/** Defaults of DOMAIN.md, for a bureau that vanished from the reference data. */
const DEFAULT_LEVELS: ServiceLevels = { acceptDays: 2, decideDays: 5 };

/** The service levels (acceptDays, decideDays) of a bureau. */
export async function serviceLevelsOf(ctx: ServiceContext, bureauCode: string): Promise<ServiceLevels> {
  const bureau = await findBureau(ctx, bureauCode);
  return bureau ? { acceptDays: bureau.acceptDays, decideDays: bureau.decideDays } : DEFAULT_LEVELS;
}

/** The officer's own bureau, from the session (never from the request). */
export function officerBureau(ctx: ServiceContext): string {
  const code = ctx.actor?.role === 'officer' ? ctx.actor.bureauCode : null;
  if (!code) throw new AppError('FORBIDDEN');
  return code;
}

/** 查看 by the bureau: the application, its service clock, the last 退回 with what changed, the certificate. */
export async function getReviewDetail(ctx: ServiceContext, id: string): Promise<ReviewDetail> {
  officerBureau(ctx);
  // 404 (audited) for another bureau's case, a draft, or an unknown id.
  const row = await loadViewableApplication(ctx, id, 'REVIEW_VIEW');
  const [application, entries, levels, certificate] = await Promise.all([
    getApplicationDetail(ctx, id),
    listAuditOfEntity(ctx, ENTITY, id),
    serviceLevelsOf(ctx, row.bureau_code),
    row.certificate_number ? getCertificateOfApplication(ctx, id) : Promise.resolve(null),
  ]);
  let clock: ReviewDetail['clock'] = null;
  if (row.submitted_at) {
    const now = ctx.clock.now();
    const span = clockSpan([chinaDate(new Date(row.submitted_at))], chinaDate(now), levels);
    const calendar = await loadWorkingCalendar(ctx, span.from, span.to);
    clock = computeServiceClock(
      {
        status: row.status,
        submittedAt: row.submitted_at,
        returnedAt: row.returned_at,
        clockDaysUsed: Number(row.clock_days_used),
      },
      now,
      levels,
      calendar,
    );
  }
  return {
    application,
    clock,
    lastReturn: lastReturnOf(row.status, entries),
    certificate,
  };
}

/**
 * `expectedStatus`, when the client sends it, is the state the officer saw: a case that moved on meanwhile
 * is a conflict even where the decision would be allowed from the new state (退回 of a case that another
 * officer just accepted).
 *
 * 受理 (待受理 → 审核中), 退回 with a reason (待受理/审核中 → 已退回, the clock pauses), 批准发证 (审核中 →
 * 已发证, the certificate is issued in the same transaction), 不予免办 with a reason (审核中 → 不予免办).
 */
export async function decide(
  ctx: ServiceContext,
  id: string,
  decision: Decision,
  input: { reason?: string; expectedStatus?: ApplicationStatus } = {},
): Promise<ReviewDetail> {
  officerBureau(ctx);
  const { reason, expectedStatus } = input;
  const row = await loadViewableApplication(ctx, id, AUDIT_ACTIONS[decision]);
  const status = statusOf(row);
  const submittedAt = row.submitted_at;
  const stale = expectedStatus !== undefined && expectedStatus !== status;
  if (stale || !canApply(status, decision, 'officer') || !submittedAt) {
    throw new AppError('DECISION_CONFLICT');
  }
  const next = nextApplicationStatus(status, decision)!;
  const now = ctx.clock.now();
  const at = iso(now);

  // Read before the transaction (on SQLite, ctx.db inside it would wait for the transaction).
  const [bureauNames, calendar] = await Promise.all([
    findBureauNames(ctx, [row.bureau_code]),
    decision === 'accept'
      ? Promise.resolve(null)
      : loadWorkingCalendar(ctx, chinaDate(new Date(submittedAt)), chinaDate(now)),
  ]);
  const bureauName = bureauNames.get(row.bureau_code) ?? row.bureau_code;
  const set: DecisionColumns = { status: next, updated_at: at };
  let clockDays = 0;
  if (decision === 'accept') set.accepted_at = at;
  if (decision === 'return') {
    set.return_reason = reason!;
    set.returned_at = at;
    clockDays = roundDays(submittedAt, now, calendar!);
  }
  if (decision === 'approve' || decision === 'refuse') {
    set.decided_at = at;
    // 办结: the working days the bureau held the case over all its rounds (earlier rounds + this one), frozen
    // for the statistics. The compare-and-set below guarantees clock_days_used is still the one read here
    // (only a 退回 changes it, and that changes the status too).
    set.decision_working_days = Number(row.clock_days_used) + roundDays(submittedAt, now, calendar!);
  }
  if (decision === 'refuse') set.refuse_reason = reason!;

  await ctx.db.transaction().execute(async (trx) => {
    // First statement: the compare-and-set (on SQLite its write takes the write lock).
    const updated = await decideApplicationIfState(trx, id, { status, submittedAt }, set, clockDays);
    if (!updated) throw new AppError('DECISION_CONFLICT');
    let certificate: { id: string; number: string } | null = null;
    if (decision === 'approve') {
      const issued = await issueCertificate(trx, ctx, updated, at);
      await setApplicationCertificateNumber(trx, id, issued.number);
      certificate = issued;
    }
    await recordAudit(trx, ctx, {
      entityType: ENTITY,
      entityId: id,
      action: AUDIT_ACTIONS[decision],
      organisationId: row.organisation_id,
      bureauCode: row.bureau_code,
      before: { number: row.number, status },
      after: {
        number: row.number,
        status: next,
        ...(reason !== undefined ? { reason } : {}),
        ...(certificate ? { certificateNumber: certificate.number, certificateId: certificate.id } : {}),
        ...(decision === 'return' ? { clockDays, clockDaysUsed: Number(updated.clock_days_used) } : {}),
      },
    });

    const base = { number: row.number, bureauName, at: formatChinaTime(at) };
    const url = portalApplicationUrl(ctx, id);
    const org = row.organisation_id;
    if (decision === 'accept') {
      await mailOrganisationUsers(trx, ctx, org, 'applicationAccepted', (recipientName) => ({
        recipientName,
        ...base,
        url,
      }));
    } else if (decision === 'return') {
      await mailOrganisationUsers(trx, ctx, org, 'applicationReturned', (recipientName) => ({
        recipientName,
        ...base,
        reason: reason!,
        url,
      }));
    } else if (decision === 'refuse') {
      await mailOrganisationUsers(trx, ctx, org, 'applicationRefused', (recipientName) => ({
        recipientName,
        ...base,
        reason: reason!,
        url,
      }));
    } else if (certificate) {
      const number = certificate.number;
      await mailOrganisationUsers(trx, ctx, org, 'certificateIssued', (recipientName) => ({
        recipientName,
        ...base,
        certificateNumber: number,
        certificateUrl: url,
        verifyUrl: verifyUrl(ctx, number),
      }));
    }
  });
  return getReviewDetail(ctx, id);
}
