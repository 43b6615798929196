import {
  canApplyModification,
  isFinalModificationStatus,
  nextModificationStatus,
  type ModificationBlockedReason,
  type ModificationFields,
  type ModificationRequest,
  type ModificationState,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { recordAudit } from '../audit/audit.service';
import { isUniqueViolation } from '../auth/db-errors';
import { parseContent } from '../certificates/certificate-content';
import {
  certificateSummaryOf,
  currentVersionOf,
  findCertificateById,
  type CertificateChanges,
  type CertificateRow,
} from '../certificates/certificate-modified-version';
import { loadAccessibleCertificate } from '../certificates/certificates.service';
import { requireActiveMember } from '../enterprises/membership';
import { modifiableContent, statusOfModification, toRequest } from './modification-view';
import { modificationsRepository as repo, type ModificationRow } from './modifications.repository';

/**
 * 申请修改证明 (SPEC §3.8), the enterprise's side: read the state, 保存 (create or update the one request of
 * the certificate number), 提交. One request per number, ever: the UNIQUE key on base_number decides between
 * two concurrent first saves (the loser gets 409 CONFLICT); every change is a compare-and-set on the state of
 * the workflow table, so nothing moves once the request is approved or refused.
 */

const CERT = 'certificate';
const APP = 'application';

/** Why the enterprise cannot change or send a request now, or null. */
function blockedReasonOf(
  versions: { current: CertificateRow },
  request: ModificationRow | undefined,
): ModificationBlockedReason | null {
  if (versions.current.status === 'revoked') return 'revoked';
  if (versions.current.version !== 'original') return 'used';
  if (request && isFinalModificationStatus(request.status)) return 'used';
  if (request?.status === 'submitted') return 'pending';
  return null;
}

/** The certificate as the actor may see it (404 audited otherwise), its current version and its request. */
async function loadCase(ctx: ServiceContext, number: string, attempted: string) {
  const seen = await loadAccessibleCertificate(ctx, number, attempted);
  const current = (await currentVersionOf(ctx.db, seen.base_number)) ?? seen;
  const request = await repo.findByBase(ctx.db, seen.base_number);
  return { seen, current, request };
}

/** GET /api/certificates/:number/modification. */
export async function getModificationState(ctx: ServiceContext, number: string): Promise<ModificationState> {
  const { current, request } = await loadCase(ctx, number, 'MODIFICATION_VIEW');
  const blockedReason = blockedReasonOf({ current }, request);
  const content = parseContent(current.content);
  return {
    certificate: certificateSummaryOf(current, content),
    current: modifiableContent(content),
    request: request ? await toRequest(ctx, request) : null,
    allowed: blockedReason === null,
    blockedReason,
  };
}

/** The enterprise's own certificate, whose original version is still valid and takes a modification. */
async function loadModifiable(ctx: ServiceContext, number: string, attempted: string) {
  requireActiveMember(ctx);
  const found = await loadCase(ctx, number, attempted);
  const blocked = blockedReasonOf(found, found.request);
  if (blocked === 'revoked' || blocked === 'used')
    throw new AppError('INVALID_TRANSITION', { details: { blocked } });
  return found;
}

function checkLines(original: CertificateRow, fields: ModificationFields): CertificateChanges {
  const lines = parseContent(original.content).products.map((p) => p.lineNo);
  const given = fields.products.map((p) => p.lineNo);
  const same = lines.length === given.length && lines.every((n) => given.includes(n));
  if (!same) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'products', message: 'v.modification.products' }],
    });
  }
  const byLine = new Map(fields.products.map((p) => [p.lineNo, p]));
  return {
    holder: { nameZh: fields.holder.nameZh, nameEn: fields.holder.nameEn, address: fields.holder.address },
    products: lines.map((n) => {
      const p = byLine.get(n)!;
      return {
        lineNo: n,
        productName: p.productName,
        model: p.model,
        brand: p.brand,
        quantity: p.quantity,
        unit: p.unit,
      };
    }),
  };
}

/** PUT /api/certificates/:number/modification: 保存 (creates the draft, or updates a draft / returned one). */
export async function saveModification(
  ctx: ServiceContext,
  number: string,
  fields: ModificationFields,
): Promise<ModificationRequest> {
  const actor = requireActiveMember(ctx);
  const { current, request } = await loadModifiable(ctx, number, 'MODIFICATION_SAVE');
  const changes = checkLines(current, fields);
  const at = iso(ctx.clock.now());
  const scope = { organisationId: current.organisation_id, bureauCode: current.bureau_code };
  const reason = fields.reason;

  if (!request) {
    if (!canApplyModification(null, 'create', 'enterprise')) throw new AppError('INVALID_TRANSITION');
    const id = newId();
    try {
      await ctx.db.transaction().execute(async (trx) => {
        // First statement: the insert (the UNIQUE key on base_number lets one of two concurrent saves win).
        await repo.insert(trx, {
          id,
          base_number: current.base_number,
          certificate_id: current.id,
          application_id: current.application_id,
          organisation_id: current.organisation_id,
          bureau_code: current.bureau_code,
          status: 'draft',
          changes: JSON.stringify(changes),
          reason,
          return_reason: null,
          refuse_reason: null,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
          submitted_at: null,
          decided_at: null,
          decided_by: null,
          new_certificate_id: null,
        });
        await recordAudit(trx, ctx, {
          entityType: CERT,
          entityId: current.id,
          action: 'MODIFICATION_CREATED',
          ...scope,
          after: { number: current.number, modificationId: id, status: 'draft', reason, changes },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err, 'base_number')) throw new AppError('CONFLICT');
      throw err;
    }
    return toRequest(ctx, (await repo.findById(ctx.db, id))!);
  }

  const status = statusOfModification(request);
  if (!canApplyModification(status, 'edit', 'enterprise')) throw new AppError('INVALID_TRANSITION');
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.updateIfStatus(trx, request.id, [status], {
      changes: JSON.stringify(changes),
      reason,
      updated_at: at,
    });
    if (!row) throw new AppError('INVALID_TRANSITION');
    await recordAudit(trx, ctx, {
      entityType: CERT,
      entityId: request.certificate_id,
      action: 'MODIFICATION_UPDATED',
      ...scope,
      before: { status, reason: request.reason, changes: JSON.parse(request.changes) as unknown },
      after: { status, reason, changes },
    });
    return row;
  });
  return toRequest(ctx, updated);
}

/** POST /api/certificates/:number/modification/submit: 提交 to the issuing bureau (draft/returned → submitted). */
export async function submitModification(ctx: ServiceContext, number: string): Promise<ModificationRequest> {
  const { current, request } = await loadModifiable(ctx, number, 'MODIFICATION_SUBMIT');
  if (!request) throw new AppError('INVALID_TRANSITION');
  const status = statusOfModification(request);
  if (!canApplyModification(status, 'submit', 'enterprise')) throw new AppError('INVALID_TRANSITION');
  const next = nextModificationStatus(status, 'submit');
  const original = (await findCertificateById(ctx.db, request.certificate_id)) ?? current;
  const at = iso(ctx.clock.now());
  const scope = { organisationId: request.organisation_id, bureauCode: request.bureau_code };
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.updateIfStatus(trx, request.id, [status], {
      status: next,
      submitted_at: at,
      updated_at: at,
    });
    if (!row) throw new AppError('INVALID_TRANSITION');
    const audit = {
      action: 'MODIFICATION_SUBMITTED',
      ...scope,
      before: { certificateNumber: original.number, modificationStatus: status },
      after: {
        certificateNumber: original.number,
        modificationId: request.id,
        modificationStatus: next,
        resubmission: status === 'returned',
        reason: request.reason,
      },
    };
    await recordAudit(trx, ctx, { entityType: CERT, entityId: original.id, ...audit });
    await recordAudit(trx, ctx, { entityType: APP, entityId: original.application_id, ...audit });
    return row;
  });
  return toRequest(ctx, updated);
}
