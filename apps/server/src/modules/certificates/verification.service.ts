import {
  chinaDate,
  type CertificateStatus,
  type CertificateVersion,
  type VerificationResult,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { iso } from '../../lib/clock';
import { newId, safeEqual } from '../../lib/crypto';
import { parseContent } from './certificate-content';
import { certificatesRepository as repo } from './certificates.repository';
import { normaliseNumber } from './certificates.service';

/**
 * 证明查询 (SPEC §5), public: whether a number is a genuine certificate and its current status, holder,
 * issue date and bureau; the products only with the verification code printed on it. Every check is
 * recorded (who asked from which address, for which number, what they were told). A text that cannot be a
 * 证明号 is answered like an unknown number (found: false) and recorded too.
 */

export type VerificationChannel = 'web' | 'api';

export async function verifyCertificate(
  ctx: ServiceContext,
  input: { number: string; code: string | undefined; channel: VerificationChannel },
): Promise<VerificationResult> {
  const number = normaliseNumber(input.number);
  const shown = number ?? input.number.trim().toUpperCase();
  const row = number ? await repo.findByNumber(ctx.db, number) : undefined;
  const checkedAt = iso(ctx.clock.now());
  const code = input.code;
  const codeValid = code === undefined ? null : row !== undefined && safeEqual(code, row.verification_code);

  await repo.insertCheck(ctx.db, {
    id: newId(),
    checked_at: checkedAt,
    ip: ctx.ip,
    number: shown.slice(0, 40),
    certificate_id: row?.id ?? null,
    result: row?.status ?? 'not_found',
    with_code: code === undefined ? 0 : 1,
    code_valid: codeValid === null ? null : codeValid ? 1 : 0,
    channel: input.channel,
  });

  if (!row) {
    return {
      number: shown,
      found: false,
      status: null,
      version: null,
      holderNameZh: null,
      holderNameEn: null,
      issueDate: null,
      bureauName: null,
      revokedOn: null,
      supersededBy: null,
      codeValid,
      products: null,
      checkedAt,
    };
  }
  const content = parseContent(row.content);
  return {
    number: row.number,
    found: true,
    status: row.status as CertificateStatus,
    version: row.version as CertificateVersion,
    holderNameZh: content.holder.nameZh,
    holderNameEn: content.holder.nameEn,
    issueDate: content.issueDate,
    bureauName: content.bureau.name,
    revokedOn: row.revoked_at ? chinaDate(new Date(row.revoked_at)) : null,
    // superseded_by holds the number of the version that replaced this one.
    supersededBy: row.superseded_by,
    codeValid,
    products:
      codeValid === true
        ? content.products.map((p) => ({
            lineNo: p.lineNo,
            hsCode: p.hsCode,
            productName: p.productName,
            model: p.model,
            quantity: p.quantity,
            unit: p.unit,
          }))
        : null,
    checkedAt,
  };
}
