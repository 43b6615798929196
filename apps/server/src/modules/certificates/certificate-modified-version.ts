import { chinaDate, type CertificateSummary } from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { ServiceContext } from '../../context';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import { newId } from '../../lib/crypto';
import { recordAudit } from '../audit/audit.service';
import { parseContent, type CertificateContent } from './certificate-content';
import { certificatesRepository as repo, type CertificateRow } from './certificates.repository';
import { certificateLetters, ENTITY, newVerificationCode, toSummary } from './certificates.service';

/**
 * The modified version of a certificate (申请修改证明, SPEC §3.8) and the reads the modification module needs.
 * A certificate number (its 12 digits) has at most two versions: the original (N) and the modified one (M).
 */

type Tx = Transaction<Database> | Db;

/** What the one modification may change (SPEC §3.8): the subject information and, per line, the product. */
export interface CertificateChanges {
  holder: { nameZh: string; nameEn: string | null; address: string };
  products: {
    lineNo: number;
    productName: string;
    model: string;
    brand: string | null;
    quantity: string;
    unit: string;
  }[];
}

export async function findCertificateById(db: Tx, id: string): Promise<CertificateRow | undefined> {
  return repo.findById(db, id);
}

export async function findCertificatesByIds(
  db: Tx,
  ids: readonly string[],
): Promise<Map<string, CertificateRow>> {
  const rows = await repo.findByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** The version of a certificate number that is current: the one not superseded (the newest as a fallback). */
export async function currentVersionOf(db: Tx, baseNumber: string): Promise<CertificateRow | undefined> {
  const rows = await repo.findVersionsOfBase(db, baseNumber);
  return rows.find((r) => r.status !== 'superseded') ?? rows[rows.length - 1];
}

export { toSummary as certificateSummaryOf };
export type { CertificateRow };

/** The content a certificate's changes apply to, with the changes applied (lines matched by lineNo). */
export function applyChanges(content: CertificateContent, changes: CertificateChanges): CertificateContent {
  const byLine = new Map(changes.products.map((p) => [p.lineNo, p]));
  return {
    ...content,
    holder: { ...content.holder, ...changes.holder },
    products: content.products.map((p) => {
      const c = byLine.get(p.lineNo);
      return c
        ? {
            ...p,
            productName: c.productName,
            model: c.model,
            brand: c.brand,
            quantity: c.quantity,
            unit: c.unit,
          }
        : p;
    }),
  };
}

/**
 * Issues the modified version INSIDE the approving transaction (after its compare-and-set): the same 12
 * characters with the modified-version letter (setting certificate.letter.modified, default M), the original's
 * frozen content with the approved changes, a new verification code; the original becomes superseded (compare-
 * and-set valid → superseded: a certificate revoked meanwhile refuses the approval with INVALID_TRANSITION).
 * UNIQUE(base_number, version) forbids a second modified version.
 */
export async function issueModifiedCertificate(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  original: CertificateRow,
  changes: CertificateChanges,
  at: string,
): Promise<{ id: string; number: string; summary: CertificateSummary }> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (original.version !== 'original') throw new AppError('INVALID_TRANSITION');
  const letters = await certificateLetters(trx);
  const number = `${letters.modified}${original.base_number}`;
  const content: CertificateContent = {
    ...applyChanges(parseContent(original.content), changes),
    number,
    version: 'modified',
    issueDate: chinaDate(new Date(at)),
    issuedAt: at,
  };
  const superseded = await repo.supersedeIfValid(trx, original.id, { at, byNumber: number });
  if (!superseded) throw new AppError('INVALID_TRANSITION');
  const id = newId();
  const row: CertificateRow = {
    id,
    number,
    base_number: original.base_number,
    version: 'modified',
    status: 'valid',
    application_id: original.application_id,
    organisation_id: original.organisation_id,
    bureau_code: original.bureau_code,
    verification_code: newVerificationCode(),
    content: JSON.stringify(content),
    issued_at: at,
    issued_by: actor.userId,
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
    superseded_at: null,
    superseded_by: null,
  };
  await repo.insert(trx, row);
  const scope = { organisationId: original.organisation_id, bureauCode: original.bureau_code };
  await recordAudit(trx, ctx, {
    entityType: ENTITY,
    entityId: original.id,
    action: 'CERTIFICATE_SUPERSEDED',
    ...scope,
    before: { number: original.number, status: 'valid' },
    after: { number: original.number, status: 'superseded', supersededBy: number },
  });
  await recordAudit(trx, ctx, {
    entityType: ENTITY,
    entityId: id,
    action: 'CERTIFICATE_ISSUED',
    ...scope,
    after: {
      number,
      version: 'modified',
      replaces: original.number,
      applicationId: original.application_id,
      applicationNumber: content.applicationNumber,
      status: 'valid',
    },
  });
  return { id, number, summary: toSummary(row, content) };
}
