import {
  canApplyRecordEvent,
  fromThousandths,
  toThousandths,
  recordBodySchema,
  recordKindsForClause,
  type CertificateRecordsResponse,
  type RecordBodyParsed,
  type RecordEvent,
  type RecordKind,
  type RecordStatus,
  type UsageRecord,
} from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { ServiceContext } from '../../context';
import type { Database } from '../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { recordAudit } from '../audit/audit.service';
import { certificateOfBase } from '../certificates/certificate-ledger';
import { loadAccessibleCertificate, toSummary } from '../certificates/certificates.service';
import { assessCertificates } from './record-deadlines';
import { presentRecords } from './record-present';
import { checkRecordInTransaction, columnsOf } from './record-validation';
import { usageRecordsRepository as repo, type RecordRow } from './usage-records.repository';

export const RECORD_ENTITY = 'usage_record';

/** Every change is written twice: on the record, and on the application so its history shows it. */
export async function auditRecord(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  row: Pick<RecordRow, 'id' | 'application_id' | 'organisation_id' | 'bureau_code' | 'kind' | 'base_number'>,
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  const scope = { organisationId: row.organisation_id, bureauCode: row.bureau_code };
  await recordAudit(trx, ctx, {
    entityType: RECORD_ENTITY,
    entityId: row.id,
    action,
    before,
    after,
    ...scope,
  });
  await recordAudit(trx, ctx, {
    entityType: 'application',
    entityId: row.application_id,
    action,
    before: null,
    after: { recordId: row.id, kind: row.kind, baseNumber: row.base_number, ...(after ?? {}) },
    ...scope,
  });
}

function enterpriseActor(ctx: ServiceContext) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/**
 * The record if the actor may see it: the holder organisation's active users, the issuing bureau's officers.
 * Anything else — and an unknown id — is 404, written to the audit log.
 */
export async function loadAccessibleRecord(
  ctx: ServiceContext,
  id: string,
  attempted: string,
): Promise<RecordRow> {
  const actor = enterpriseActor(ctx);
  const row = await repo.find(ctx.db, id);
  const allowed =
    row !== undefined &&
    ((actor.role === 'officer' && actor.bureauCode === row.bureau_code) ||
      (actor.role === 'enterprise' &&
        actor.status === 'active' &&
        actor.organisationId === row.organisation_id));
  if (!row || !allowed) {
    await recordAudit(ctx.db, ctx, {
      entityType: RECORD_ENTITY,
      entityId: row?.id ?? null,
      action: 'ACCESS_DENIED',
      after: {
        attempted,
        recordId: id.slice(0, 64),
        targetOrganisationId: row?.organisation_id ?? null,
        targetBureauCode: row?.bureau_code ?? null,
      },
    });
    throw notFound();
  }
  return row;
}

async function presentOne(ctx: ServiceContext, id: string): Promise<UsageRecord> {
  const row = await repo.find(ctx.db, id);
  if (!row) throw notFound();
  return (await presentRecords(ctx.db, ctx.actor?.role ?? null, [row]))[0]!;
}

/** GET /api/certificates/:number/records: products with the ledger, the records, the deadline. */
export async function getCertificateRecords(
  ctx: ServiceContext,
  number: string,
): Promise<CertificateRecordsResponse> {
  const row = await loadAccessibleCertificate(ctx, number, 'RECORDS_VIEW');
  const cert = await certificateOfBase(ctx.db, row.base_number);
  if (!cert) throw notFound();
  const [assessment] = await assessCertificates(ctx, [cert]);
  const rows = await repo.ofBase(ctx.db, row.base_number);
  const records = await presentRecords(ctx.db, ctx.actor?.role ?? null, rows, cert);
  const clauseCode = cert.currentContent.clause.code;
  return {
    certificate: toSummary(cert.current, cert.currentContent),
    clauseCode,
    products: assessment!.products,
    records,
    deadline: assessment!.deadline,
    allowedKinds:
      ctx.actor?.role === 'enterprise' && cert.current.status !== 'revoked'
        ? recordKindsForClause(clauseCode)
        : [],
  };
}

function draftOf(body: RecordBodyParsed) {
  return {
    kind: body.kind,
    lines: body.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity, date: l.date ?? null })),
    exportDate: body.kind === 'writeoff' ? body.exportDate : null,
    periodStart: body.kind === 'usage' ? body.periodStart : null,
  };
}

function linesRows(recordId: string, baseNumber: string, body: RecordBodyParsed) {
  return body.lines.map((l) => ({
    id: newId(),
    record_id: recordId,
    base_number: baseNumber,
    line_no: l.lineNo,
    quantity: l.quantity,
    date: l.date ?? null,
  }));
}

const summaryOf = (body: RecordBodyParsed) => ({
  kind: body.kind,
  lines: body.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity, date: l.date ?? null })),
  ...columnsOf(body),
});

/** POST /api/certificates/:number/records: a new record (未提交) of the holder organisation. */
export async function createRecord(
  ctx: ServiceContext,
  number: string,
  input: unknown,
): Promise<UsageRecord> {
  const body = recordBodySchema.parse(input);
  const actor = enterpriseActor(ctx);
  if (actor.role !== 'enterprise') throw new AppError('FORBIDDEN');
  const certRow = await loadAccessibleCertificate(ctx, number, 'RECORD_CREATE');
  const id = newId();
  const now = iso(ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    const cert = await checkRecordInTransaction(trx, ctx, certRow.base_number, draftOf(body), null);
    const row = {
      id,
      base_number: cert.current.base_number,
      certificate_id: cert.current.id,
      application_id: cert.current.application_id,
      organisation_id: cert.current.organisation_id,
      bureau_code: cert.current.bureau_code,
      kind: body.kind,
      status: 'draft',
      ...columnsOf(body),
      return_reason: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insert(trx, row);
    await repo.replaceLines(trx, id, linesRows(id, row.base_number, body));
    await auditRecord(trx, ctx, row, 'RECORD_CREATED', null, { status: 'draft', ...summaryOf(body) });
  });
  return presentOne(ctx, id);
}

async function loadForEvent(ctx: ServiceContext, id: string, event: RecordEvent): Promise<RecordRow> {
  const row = await loadAccessibleRecord(ctx, id, `RECORD_${event.toUpperCase()}`);
  if (!canApplyRecordEvent(row.status as RecordStatus, event, ctx.actor!.role)) {
    if (ctx.actor!.role !== 'enterprise') throw new AppError('FORBIDDEN');
    throw new AppError('INVALID_TRANSITION', { message: 'e.record.invalidState' });
  }
  return row;
}

/** PUT /api/records/:id: 修改 a draft or returned record (the kind stays). */
export async function updateRecord(ctx: ServiceContext, id: string, input: unknown): Promise<UsageRecord> {
  const body = recordBodySchema.parse(input);
  const row = await loadForEvent(ctx, id, 'edit');
  if (body.kind !== row.kind)
    throw new AppError('VALIDATION_FAILED', {
      message: 'e.record.kindChanged',
      fields: [{ path: 'kind', message: 'e.record.kindChanged' }],
    });
  await ctx.db.transaction().execute(async (trx) => {
    await checkRecordInTransaction(trx, ctx, row.base_number, draftOf(body), row.id);
    const before = (await repo.linesOf(trx, [row.id])).map((l) => ({
      lineNo: l.line_no,
      quantity: l.quantity,
    }));
    const updated = await repo.updateIfStatus(trx, row.id, ['draft', 'returned'], {
      ...columnsOf(body),
      updated_at: iso(ctx.clock.now()),
    });
    if (!updated) throw new AppError('INVALID_TRANSITION', { message: 'e.record.invalidState' });
    await repo.replaceLines(trx, row.id, linesRows(row.id, row.base_number, body));
    await auditRecord(trx, ctx, row, 'RECORD_UPDATED', { lines: before }, summaryOf(body));
  });
  return presentOne(ctx, id);
}

/** DELETE /api/records/:id: 删除 an unsent record (未提交 only). */
export async function deleteRecord(ctx: ServiceContext, id: string): Promise<void> {
  const row = await loadForEvent(ctx, id, 'delete');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteLines(trx, row.id);
    const gone = await repo.deleteIfStatus(trx, row.id, ['draft']);
    if (!gone) throw new AppError('INVALID_TRANSITION', { message: 'e.record.invalidState' });
    await auditRecord(trx, ctx, row, 'RECORD_DELETED', { status: row.status }, null);
  });
}

/** POST /api/records/:id/submit: 提交 to the bureau (from 未提交 or 已退回), the checks made again. */
export async function submitRecord(ctx: ServiceContext, id: string): Promise<UsageRecord> {
  const row = await loadForEvent(ctx, id, 'submit');
  await ctx.db.transaction().execute(async (trx) => {
    const lines = await repo.linesOf(trx, [row.id]);
    await checkRecordInTransaction(
      trx,
      ctx,
      row.base_number,
      {
        kind: row.kind as RecordKind,
        lines: lines.map((l) => ({ lineNo: l.line_no, quantity: l.quantity, date: l.date })),
        exportDate: row.export_date,
        periodStart: row.period_start,
      },
      row.id,
    );
    const now = iso(ctx.clock.now());
    const updated = await repo.updateIfStatus(trx, row.id, ['draft', 'returned'], {
      status: 'submitted',
      submitted_at: now,
      updated_at: now,
    });
    if (!updated) throw new AppError('INVALID_TRANSITION', { message: 'e.record.invalidState' });
    await auditRecord(trx, ctx, row, 'RECORD_SUBMITTED', { status: row.status }, { status: 'submitted' });
  });
  return presentOne(ctx, id);
}

/** GET /api/records/:id */
export async function getRecord(ctx: ServiceContext, id: string): Promise<UsageRecord> {
  const row = await loadAccessibleRecord(ctx, id, 'RECORD_VIEW');
  return (await presentRecords(ctx.db, ctx.actor?.role ?? null, [row]))[0]!;
}

/**
 * For a modification of the certificate (申请修改证明): the lines whose new quantity would fall below what
 * the records already report (used + re-exported + destroyed, every record not deleted). Call it inside the
 * transaction after lockCertificateNumber, so no record is saved meanwhile.
 */
export async function linesBelowReported(
  trx: Transaction<Database>,
  baseNumber: string,
  products: readonly { lineNo: number; quantity: string }[],
): Promise<{ lineNo: number; quantity: string; reported: string }[]> {
  const sums = new Map<number, bigint>();
  for (const l of await repo.ledgerLines(trx, baseNumber)) {
    if (l.kind === 'writeoff') continue;
    sums.set(l.line_no, (sums.get(l.line_no) ?? 0n) + toThousandths(l.quantity));
  }
  return products.flatMap((p) => {
    const reported = sums.get(p.lineNo) ?? 0n;
    return toThousandths(p.quantity) < reported
      ? [{ lineNo: p.lineNo, quantity: p.quantity, reported: fromThousandths(reported) }]
      : [];
  });
}
