import { randomInt } from 'node:crypto';
import {
  CERTIFICATE_COUNTER,
  chinaDate,
  chinaDateParts,
  formatCertificateNumber,
  MAX_SERIAL,
  parseCertificateNumber,
  VERIFICATION_CODE_PATTERN,
  type CertificateStatus,
  type CertificateSummary,
  type CertificateVersion,
} from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { ServiceContext } from '../../context';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { AppError, notFound } from '../../lib/app-error';
import { newId } from '../../lib/crypto';
import { listApplicationProducts } from '../applications/application-detail.service';
import type { ApplicationRow } from '../applications/applications.repository';
import { recordAudit } from '../audit/audit.service';
import { getOrganisation } from '../enterprises/enterprises.service';
import { takeSerial } from '../counters/counters.service';
import { findBureauNames, findReferenceNames } from '../reference/reference.service';
import { labelled } from '../applications/application-labels';
import { parseContent, type CertificateContent } from './certificate-content';
import { renderCertificatePdf } from './certificate-pdf';
import { certificatesRepository as repo, LETTER_KEYS, type CertificateRow } from './certificates.repository';

/** 证明: issue (inside the 批准发证 transaction), read, the PDF. Revocation and verification have their own files. */

type Tx = Transaction<Database> | Db;
export const ENTITY = 'certificate';

// ---------------------------------------------------------------- letters (configuration)

const DEFAULT_LETTERS: Record<CertificateVersion, string> = { original: 'N', modified: 'M' };

/** The 证明号 letters from the settings table, 'N' and 'M' when not configured (DOMAIN.md "Numbers"). */
export async function certificateLetters(db: Tx): Promise<Record<CertificateVersion, string>> {
  const rows = await repo.letterSettings(db);
  const pick = (version: CertificateVersion) => {
    const value = rows
      .find((r) => r.key === LETTER_KEYS[version])
      ?.value.trim()
      .toUpperCase();
    return value && /^[A-Z]$/.test(value) ? value : DEFAULT_LETTERS[version];
  };
  return { original: pick('original'), modified: pick('modified') };
}

// ---------------------------------------------------------------- issue

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** 8 characters of VERIFICATION_CODE_PATTERN, each drawn uniformly with the crypto RNG. */
export function newVerificationCode(): string {
  const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  if (!VERIFICATION_CODE_PATTERN.test(code)) throw new Error('verification code alphabet out of step');
  return code;
}

/**
 * Issues the original certificate of an application that was just approved: called by the review module
 * INSIDE its 批准发证 transaction, after its compare-and-set. Reads everything through `trx` (on SQLite the
 * pool would wait for this very transaction), freezes what the certificate says, then takes the year's serial
 * (the counter's row lock is held only to the commit, which follows at once) and stores the certificate.
 */
export async function issueCertificate(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  application: ApplicationRow,
  at: string,
): Promise<{ id: string; number: string }> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const reference = { db: trx };
  const [organisation, names, bureaus, products, letters] = await Promise.all([
    getOrganisation(trx, application.organisation_id),
    findReferenceNames(reference),
    findBureauNames(reference, [application.bureau_code]),
    listApplicationProducts(trx, application.id),
    certificateLetters(trx),
  ]);
  if (!organisation) throw new Error(`organisation ${application.organisation_id} vanished`);

  const issuedAt = new Date(at);
  const serial = await takeSerial(trx, {
    name: CERTIFICATE_COUNTER,
    period: String(chinaDateParts(issuedAt).year),
    max: MAX_SERIAL,
    label: ctx.locale === 'en-US' ? 'certificate numbers' : '证明号',
  });
  const number = formatCertificateNumber({
    letter: letters.original,
    bureauPrefix: application.bureau_code.slice(0, 4),
    yy: String(chinaDateParts(issuedAt).year % 100).padStart(2, '0'),
    serial,
  });
  // What the application was submitted with, not what the reference data says today.
  const labels = labelled(application, names, bureaus);
  const named = (code: string | null, name: string | null) => (code ? { code, name: name ?? code } : null);
  const content: CertificateContent = {
    format: 1,
    number,
    version: 'original',
    applicationNumber: application.number,
    holder: {
      nameZh: organisation.nameZh,
      nameEn: organisation.nameEn,
      code: organisation.code,
      address: organisation.address,
    },
    // The reference data has Chinese clause names only; nameEn stays null until it carries English ones.
    clause: {
      code: application.clause_code,
      nameZh: labels.clause,
      nameEn: null,
    },
    subClause: named(application.sub_clause_code, labels.subClause),
    applicantType: named(application.applicant_type_code, labels.applicantType),
    products: products.map((p) => ({
      lineNo: p.lineNo,
      hsCode: p.hsCode,
      hsName: p.hsName,
      productName: p.productName,
      model: p.model,
      brand: p.brand,
      quantity: p.quantity,
      unit: p.unit,
    })),
    bureau: {
      code: application.bureau_code,
      name: labels.bureau,
    },
    issueDate: chinaDate(issuedAt),
    issuedAt: at,
  };
  const id = newId();
  await repo.insert(trx, {
    id,
    number,
    base_number: number.slice(1),
    version: 'original',
    status: 'valid',
    application_id: application.id,
    organisation_id: application.organisation_id,
    bureau_code: application.bureau_code,
    verification_code: newVerificationCode(),
    content: JSON.stringify(content),
    issued_at: at,
    issued_by: actor.userId,
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
    superseded_at: null,
    superseded_by: null,
  });
  await recordAudit(trx, ctx, {
    entityType: ENTITY,
    entityId: id,
    action: 'CERTIFICATE_ISSUED',
    organisationId: application.organisation_id,
    bureauCode: application.bureau_code,
    after: { number, applicationId: application.id, applicationNumber: application.number, status: 'valid' },
  });
  return { id, number };
}

// ---------------------------------------------------------------- read

export function toSummary(row: CertificateRow, content = parseContent(row.content)): CertificateSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status as CertificateStatus,
    version: row.version as CertificateVersion,
    applicationId: row.application_id,
    applicationNumber: content.applicationNumber,
    organisationId: row.organisation_id,
    holderNameZh: content.holder.nameZh,
    holderNameEn: content.holder.nameEn,
    bureauCode: row.bureau_code,
    bureauName: content.bureau.name,
    issuedAt: row.issued_at,
    issueDate: content.issueDate,
    verificationCode: row.verification_code,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
  };
}

/** The application's newest certificate version, or null (no access check: the caller has made it). */
export async function getCertificateOfApplication(
  ctx: Pick<ServiceContext, 'db'>,
  applicationId: string,
): Promise<CertificateSummary | null> {
  const row = await repo.findLatestOfApplication(ctx.db, applicationId);
  return row ? toSummary(row) : null;
}

/** The status of each known number (the bureau's search shows it beside the 证明号). */
export async function certificateStatusesByNumber(
  ctx: Pick<ServiceContext, 'db'>,
  numbers: string[],
): Promise<Map<string, CertificateStatus>> {
  const rows = await repo.statusesByNumber(ctx.db, [...new Set(numbers)]);
  return new Map(rows.map((r) => [r.number, r.status as CertificateStatus]));
}

/** A number as typed (any case, spaces around) in its stored form, or null when it cannot be one. */
export function normaliseNumber(text: string): string | null {
  const upper = text.trim().toUpperCase();
  return parseCertificateNumber(upper) ? upper : null;
}

/**
 * The certificate if the actor may see it: the holder organisation's active users, the issuing bureau's
 * officers, administrators. Anything else — and an unknown number — is 404, written to the audit log.
 */
export async function loadAccessibleCertificate(
  ctx: ServiceContext,
  numberText: string,
  attempted: string,
): Promise<CertificateRow> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const number = normaliseNumber(numberText);
  const row = number ? await repo.findByNumber(ctx.db, number) : undefined;
  const allowed =
    row !== undefined &&
    (actor.role === 'admin' ||
      (actor.role === 'officer' && actor.bureauCode === row.bureau_code) ||
      (actor.role === 'enterprise' &&
        actor.status === 'active' &&
        actor.organisationId === row.organisation_id));
  if (!row || !allowed) {
    await recordAudit(ctx.db, ctx, {
      entityType: ENTITY,
      entityId: row?.id ?? null,
      action: 'ACCESS_DENIED',
      after: {
        attempted,
        number: number ?? numberText.slice(0, 40),
        targetOrganisationId: row?.organisation_id ?? null,
        targetBureauCode: row?.bureau_code ?? null,
      },
    });
    throw notFound();
  }
  return row;
}

export async function getCertificate(ctx: ServiceContext, number: string): Promise<CertificateSummary> {
  return toSummary(await loadAccessibleCertificate(ctx, number, 'CERTIFICATE_VIEW'));
}

/** The PDF of a certificate the actor may see, with its file name. */
export async function getCertificatePdf(
  ctx: ServiceContext,
  number: string,
): Promise<{ filename: string; pdf: Buffer }> {
  const row = await loadAccessibleCertificate(ctx, number, 'CERTIFICATE_PDF');
  return { filename: `${row.number}.pdf`, pdf: await certificatePdfOf(ctx, row) };
}

/** Renders a certificate row (no access check); its status marks a certificate that is no longer valid. */
export function certificatePdfOf(ctx: Pick<ServiceContext, 'config'>, row: CertificateRow): Promise<Buffer> {
  const statusAt =
    row.status === 'revoked' ? row.revoked_at : row.status === 'superseded' ? row.superseded_at : null;
  return renderCertificatePdf({
    content: parseContent(row.content),
    verificationCode: row.verification_code,
    publicUrl: ctx.config.publicUrl,
    status: row.status as CertificateStatus,
    statusDate: statusAt ? chinaDate(new Date(statusAt)) : null,
  });
}
