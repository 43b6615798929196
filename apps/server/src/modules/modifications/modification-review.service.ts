import {
  translate,
  canApplyModification,
  nextModificationStatus,
  type BureauModificationList,
  type BureauModificationQuery,
  type ModificationReview,
  type ModificationStatus,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError, notFound } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { formatChinaTime } from '../../locales/mail';
import { setApplicationCertificateNumber } from '../applications/applications-bureau.service';
import { recordAudit } from '../audit/audit.service';
import { parseContent } from '../certificates/certificate-content';
import { lockCertificateNumber } from '../certificates/certificate-ledger';
import { linesBelowReported } from '../usage-records/usage-records.service';
import {
  certificateSummaryOf,
  currentVersionOf,
  findCertificateById,
  issueModifiedCertificate,
} from '../certificates/certificate-modified-version';
import { getOrganisations } from '../enterprises/enterprises.service';
import { mailOrganisationUsers, portalApplicationUrl, verifyUrl } from '../review/review-mail';
import {
  compareContent,
  modifiableContent,
  parseChanges,
  requestedContent,
  statusOfModification,
  toRequest,
  toRequests,
} from './modification-view';
import { modificationsRepository as repo, type ModificationRow } from './modifications.repository';

/**
 * 申请修改证明, the bureau's side (SPEC §3.8): the officer's list of the bureau's requests, the request with a
 * field-by-field comparison, and the decisions 批准 (issues the modified version in the same transaction),
 * 退回 with a reason, 不予修改 with a reason (final). Each decision is one transaction that starts with a
 * compare-and-set on the state the officer saw: a lost race is 409 DECISION_CONFLICT.
 */

export type ModificationDecision = 'approve' | 'return' | 'refuse';

const AUDIT_ACTIONS: Record<ModificationDecision, string> = {
  approve: 'MODIFICATION_APPROVED',
  return: 'MODIFICATION_RETURNED',
  refuse: 'MODIFICATION_REFUSED',
};

function officerBureau(ctx: ServiceContext): string {
  const code = ctx.actor?.role === 'officer' ? ctx.actor.bureauCode : null;
  if (!code) throw new AppError('FORBIDDEN');
  return code;
}

/** GET /api/bureau/modifications: the bureau's submitted (ever) requests, oldest submission first. */
export async function listBureauModifications(
  ctx: ServiceContext,
  query: BureauModificationQuery,
): Promise<BureauModificationList> {
  const bureauCode = officerBureau(ctx);
  const offset = (query.page - 1) * query.pageSize;
  const [rows, total] = await Promise.all([
    repo.listOfBureau(ctx.db, bureauCode, query.status, { limit: query.pageSize, offset }),
    repo.countOfBureau(ctx.db, bureauCode, query.status),
  ]);
  const [requests, orgs] = await Promise.all([
    toRequests(ctx, rows),
    getOrganisations(
      ctx.db,
      rows.map((r) => r.organisation_id),
    ),
  ]);
  return {
    items: requests.map((r) => ({
      id: r.id,
      certificateNumber: r.certificateNumber,
      newCertificateNumber: r.newCertificateNumber,
      applicationNumber: r.applicationNumber,
      organisationCode: orgs.get(r.organisationId)?.code ?? '',
      organisationName: r.organisationName,
      status: r.status,
      submittedAt: r.submittedAt,
      decidedAt: r.decidedAt,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A request of the officer's bureau that was submitted at least once; else 404, audited. */
async function loadBureauRequest(
  ctx: ServiceContext,
  id: string,
  attempted: string,
): Promise<ModificationRow> {
  const bureauCode = officerBureau(ctx);
  const row = await repo.findById(ctx.db, id);
  if (!row || row.bureau_code !== bureauCode || !row.submitted_at) {
    await recordAudit(ctx.db, ctx, {
      entityType: 'certificate',
      entityId: row?.certificate_id ?? null,
      action: 'ACCESS_DENIED',
      after: { attempted, modificationId: id.slice(0, 64), targetBureauCode: row?.bureau_code ?? null },
    });
    throw notFound();
  }
  return row;
}

/** GET /api/bureau/modifications/:id: the request, the certificate's current version, the comparison. */
export async function getModificationReview(ctx: ServiceContext, id: string): Promise<ModificationReview> {
  const row = await loadBureauRequest(ctx, id, 'MODIFICATION_REVIEW_VIEW');
  const original = await findCertificateById(ctx.db, row.certificate_id);
  if (!original) throw new Error(`certificate ${row.certificate_id} vanished`);
  const current = (await currentVersionOf(ctx.db, row.base_number)) ?? original;
  const before = modifiableContent(parseContent(original.content));
  const after = requestedContent(original, row);
  return {
    request: await toRequest(ctx, row),
    certificate: certificateSummaryOf(current),
    comparison: compareContent(before, after),
    before,
    after,
  };
}

/** 批准 / 退回 / 不予修改 (officer of the issuing bureau). */
export async function decideModification(
  ctx: ServiceContext,
  id: string,
  decision: ModificationDecision,
  input: { reason?: string; expectedStatus?: ModificationStatus } = {},
): Promise<ModificationReview> {
  const actor = ctx.actor!;
  const row = await loadBureauRequest(ctx, id, AUDIT_ACTIONS[decision]);
  const status = statusOfModification(row);
  const stale = input.expectedStatus !== undefined && input.expectedStatus !== status;
  if (stale || !canApplyModification(status, decision, 'officer')) throw new AppError('DECISION_CONFLICT');
  const next = nextModificationStatus(status, decision);
  const reason = input.reason?.trim();
  const original = await findCertificateById(ctx.db, row.certificate_id);
  if (!original) throw new Error(`certificate ${row.certificate_id} vanished`);
  const content = parseContent(original.content);
  const at = iso(ctx.clock.now());
  const scope = { organisationId: row.organisation_id, bureauCode: row.bureau_code };

  await ctx.db.transaction().execute(async (trx) => {
    // First statement: the compare-and-set (on SQLite its write takes the write lock).
    const updated = await repo.updateIfStatus(trx, id, [status], {
      status: next,
      updated_at: at,
      ...(decision === 'return' ? { return_reason: reason! } : { decided_at: at, decided_by: actor.userId }),
      ...(decision === 'refuse' ? { refuse_reason: reason! } : {}),
    });
    if (!updated) throw new AppError('DECISION_CONFLICT');
    let issued: { id: string; number: string } | null = null;
    if (decision === 'approve') {
      // Records may already report more than a lowered quantity: no version may certify less than that.
      const changes = parseChanges(row.changes);
      await lockCertificateNumber(trx, original.base_number);
      const below = await linesBelowReported(trx, original.base_number, changes.products);
      if (below.length) {
        throw new AppError('VALIDATION_FAILED', {
          fields: below.map((b) => ({
            path: `products.${b.lineNo}.quantity`,
            message: translate(ctx.locale, 'v.modification.belowReported', { ...b }),
          })),
        });
      }
      issued = await issueModifiedCertificate(trx, ctx, original, parseChanges(row.changes), at);
      await repo.updateIfStatus(trx, id, [next], { new_certificate_id: issued.id });
      await setApplicationCertificateNumber(trx, row.application_id, issued.number);
    }
    const audit = {
      action: AUDIT_ACTIONS[decision],
      ...scope,
      before: { certificateNumber: original.number, modificationStatus: status },
      after: {
        certificateNumber: original.number,
        modificationId: id,
        modificationStatus: next,
        ...(reason ? { reason } : {}),
        ...(issued ? { newCertificateNumber: issued.number, newCertificateId: issued.id } : {}),
      },
    };
    await recordAudit(trx, ctx, { entityType: 'certificate', entityId: original.id, ...audit });
    await recordAudit(trx, ctx, { entityType: 'application', entityId: row.application_id, ...audit });

    const base = {
      certificateNumber: original.number,
      bureauName: content.bureau.name,
      at: formatChinaTime(at),
      url: portalApplicationUrl(ctx, row.application_id),
    };
    if (issued) {
      const newNumber = issued.number;
      await mailOrganisationUsers(trx, ctx, row.organisation_id, 'modificationApproved', (recipientName) => ({
        recipientName,
        ...base,
        newCertificateNumber: newNumber,
        verifyUrl: verifyUrl(ctx, newNumber),
      }));
    } else {
      const name = decision === 'return' ? 'modificationReturned' : 'modificationRefused';
      await mailOrganisationUsers(trx, ctx, row.organisation_id, name, (recipientName) => ({
        recipientName,
        ...base,
        reason: reason!,
      }));
    }
  });
  return getModificationReview(ctx, id);
}
