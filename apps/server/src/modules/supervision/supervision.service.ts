import {
  addDecimals,
  chinaDate,
  compareDecimals,
  recordKindLabels,
  subtractDecimals,
  type OverdueItem,
  type OverdueQuery,
  type OverdueResponse,
  type RecordKind,
  type SupervisionRecordDetail,
  type SupervisionRecordsQuery,
  type SupervisionRecordsResponse,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError, notFound } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { formatChinaTime } from '../../locales/mail';
import { certificateOfBase } from '../certificates/certificate-ledger';
import { toSummary } from '../certificates/certificates.service';
import { mailOrganisationUsers } from '../review/review-mail';
import { assessCertificates } from '../usage-records/record-deadlines';
import { reportingCandidates } from '../usage-records/reporting-state';
import { presentRecords } from '../usage-records/record-present';
import { usageRecordsRepository as repo } from '../usage-records/usage-records.repository';
import { auditRecord, loadAccessibleRecord } from '../usage-records/usage-records.service';

/** 后续监管 (SPEC §4): the bureau's worklist of submitted records, its decisions, and the overdue certificates. */

function officerBureau(ctx: ServiceContext): string {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.role !== 'officer' || !actor.bureauCode) throw new AppError('FORBIDDEN');
  return actor.bureauCode;
}

/** Where the enterprise opens the certificate's records in the portal. */
export const portalRecordsUrl = (ctx: Pick<ServiceContext, 'config'>, certificateNumber: string) =>
  `${ctx.config.publicUrl}/portal/certificates/${encodeURIComponent(certificateNumber)}/records`;

export async function listSupervisionRecords(
  ctx: ServiceContext,
  query: SupervisionRecordsQuery,
): Promise<SupervisionRecordsResponse> {
  const bureauCode = officerBureau(ctx);
  const filter = { bureauCode, status: query.status, kind: query.kind, q: query.q };
  const [{ rows, total }, submitted, overdue] = await Promise.all([
    repo.supervisionPage(ctx.db, filter, (query.page - 1) * query.pageSize, query.pageSize),
    repo.countSubmitted(ctx.db, bureauCode),
    overdueAssessments(ctx, bureauCode),
  ]);
  const records = await presentRecords(ctx.db, 'officer', rows);
  return {
    items: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      certificateNumber: r.certificateNumber,
      baseNumber: r.baseNumber,
      applicationId: r.applicationId,
      applicationNumber: r.applicationNumber,
      clauseCode: r.clauseCode,
      organisationName: r.organisationName,
      organisationCode: r.organisationCode,
      lineCount: r.lines.length,
      totalQuantity: r.totalQuantity,
      submittedAt: r.submittedAt,
      verifiedAt: r.verifiedAt,
      returnedAt: r.returnedAt,
      returnReason: r.returnReason,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    counts: { submitted, overdue: overdue.length },
  };
}

export async function getSupervisionRecord(
  ctx: ServiceContext,
  id: string,
): Promise<SupervisionRecordDetail> {
  officerBureau(ctx);
  const row = await loadAccessibleRecord(ctx, id, 'SUPERVISION_VIEW');
  const cert = await certificateOfBase(ctx.db, row.base_number);
  if (!cert) throw notFound();
  const [assessment] = await assessCertificates(ctx, [cert]);
  const [record] = await presentRecords(ctx.db, 'officer', [row], cert);
  return {
    record: record!,
    certificate: toSummary(cert.current, cert.currentContent),
    products: assessment!.products,
    deadline: assessment!.deadline,
  };
}

/** 核查通过 or 退回: compare-and-set on 已提交; a lost race is 409 DECISION_CONFLICT. Mails the organisation. */
export async function decideRecord(
  ctx: ServiceContext,
  id: string,
  decision: 'verify' | 'return',
  reason?: string,
): Promise<SupervisionRecordDetail> {
  officerBureau(ctx);
  const row = await loadAccessibleRecord(ctx, id, decision === 'verify' ? 'RECORD_VERIFY' : 'RECORD_RETURN');
  const cert = await certificateOfBase(ctx.db, row.base_number);
  if (!cert) throw notFound();
  const conflict = () => new AppError('DECISION_CONFLICT', { message: 'e.record.decisionConflict' });
  if (row.status !== 'submitted') throw conflict();
  const at = ctx.clock.now();
  const now = iso(at);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateIfStatus(
      trx,
      row.id,
      ['submitted'],
      decision === 'verify'
        ? { status: 'verified', verified_at: now, verified_by: ctx.actor!.userId, updated_at: now }
        : { status: 'returned', returned_at: now, return_reason: reason ?? '', updated_at: now },
    );
    if (!updated) throw conflict();
    await auditRecord(
      trx,
      ctx,
      row,
      decision === 'verify' ? 'RECORD_VERIFIED' : 'RECORD_RETURNED',
      { status: 'submitted' },
      decision === 'verify' ? { status: 'verified' } : { status: 'returned', reason },
    );
    const kind = recordKindLabels[row.kind as RecordKind];
    const common = {
      certificateNumber: cert.current.number,
      kindZh: kind.zh,
      kindEn: kind.en,
      bureauName: cert.currentContent.bureau.name,
      at: formatChinaTime(at),
      url: portalRecordsUrl(ctx, cert.current.number),
    };
    if (decision === 'verify') {
      await mailOrganisationUsers(trx, ctx, row.organisation_id, 'recordVerified', (recipientName) => ({
        recipientName,
        ...common,
      }));
    } else {
      await mailOrganisationUsers(trx, ctx, row.organisation_id, 'recordReturned', (recipientName) => ({
        recipientName,
        ...common,
        reason: reason ?? '',
      }));
    }
  });
  return getSupervisionRecord(ctx, id);
}

async function overdueAssessments(ctx: ServiceContext, bureauCode: string) {
  // Only the certificates whose deadline can have passed (usage-records/reporting-state.ts), assessed exactly.
  const certs = await reportingCandidates(ctx, bureauCode, chinaDate(ctx.clock.now()));
  const assessed = await assessCertificates(ctx, certs);
  return assessed.filter((a) => a.deadline?.overdue);
}

/** Certificates of the bureau whose reports are overdue, the most overdue first. */
export async function listOverdueItems(ctx: ServiceContext, q?: string): Promise<OverdueItem[]> {
  const bureauCode = officerBureau(ctx);
  const overdue = await overdueAssessments(ctx, bureauCode);
  const text = q?.toLowerCase();
  return overdue
    .map((a) => {
      const content = a.cert.currentContent;
      const outstanding = a.products.reduce((sum, p) => {
        const left = subtractDecimals(p.certified, p.reported);
        return compareDecimals(left, '0') > 0 ? addDecimals(sum, left) : sum;
      }, '0');
      return {
        certificateNumber: a.cert.current.number,
        baseNumber: a.cert.current.base_number,
        applicationId: a.cert.current.application_id,
        applicationNumber: content.applicationNumber,
        clauseCode: content.clause.code,
        organisationName: content.holder.nameZh,
        organisationCode: content.holder.code,
        issueDate: a.cert.originalContent.issueDate,
        dueOn: a.deadline!.dueOn,
        basis: a.deadline!.basis,
        daysOverdue: a.deadline!.daysOverdue,
        outstanding,
      };
    })
    .filter(
      (i) =>
        !text ||
        i.organisationName.toLowerCase().includes(text) ||
        i.organisationCode.toLowerCase().includes(text) ||
        i.certificateNumber.toLowerCase().includes(text),
    )
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.certificateNumber.localeCompare(b.certificateNumber));
}

export async function listOverdue(ctx: ServiceContext, query: OverdueQuery): Promise<OverdueResponse> {
  const items = await listOverdueItems(ctx, query.q);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: items.slice(start, start + query.pageSize),
    total: items.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export const supervisionExportFilename = (ctx: ServiceContext, what: 'records' | 'overdue') =>
  `${what === 'records' ? '后续监管_使用记录' : '后续监管_逾期未报'}_${chinaDate(ctx.clock.now())}.xlsx`;
