import type { CertificateSummary, RevokeCertificateBody } from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { composeMail, formatChinaTime } from '../../locales/mail';
import { recordAudit } from '../audit/audit.service';
import { listOrganisationUsers } from '../auth/users.service';
import { enqueueMail } from '../notifications/notifications.service';
import { parseContent } from './certificate-content';
import { verificationUrl } from './certificate-pdf';
import { certificatesRepository as repo } from './certificates.repository';
import { ENTITY, loadAccessibleCertificate, toSummary } from './certificates.service';

/**
 * 撤销 (Art. 52) by an officer of the issuing bureau, with a required reason: a compare-and-set valid →
 * revoked, so a certificate already revoked or superseded is refused (409 INVALID_TRANSITION) and two
 * officers revoking at once give one revocation. Audited on the certificate and on its application (whose
 * history then shows it with the reason); the organisation's active users are mailed through the outbox.
 * Verification reads the row, so it answers 已撤销 from the commit on.
 */
export async function revokeCertificate(
  ctx: ServiceContext,
  number: string,
  body: RevokeCertificateBody,
): Promise<CertificateSummary> {
  const actor = ctx.actor;
  if (!actor || actor.role !== 'officer') throw new AppError('FORBIDDEN');
  // An officer sees only the own bureau's certificates: another bureau's is 404 (audited) here.
  const row = await loadAccessibleCertificate(ctx, number, 'CERTIFICATE_REVOKE');
  if (row.status !== 'valid') throw new AppError('INVALID_TRANSITION');
  const reason = body.reason.trim();
  const content = parseContent(row.content);
  const users = await listOrganisationUsers(ctx.db, row.organisation_id, ['active']);
  const at = iso(ctx.clock.now());

  const revoked = await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.revokeIfValid(trx, row.id, { revokedAt: at, revokedBy: actor.userId, reason });
    if (!updated) throw new AppError('INVALID_TRANSITION');
    const scope = { organisationId: row.organisation_id, bureauCode: row.bureau_code };
    await recordAudit(trx, ctx, {
      entityType: ENTITY,
      entityId: row.id,
      action: 'CERTIFICATE_REVOKED',
      ...scope,
      before: { number: row.number, status: row.status },
      after: { number: row.number, status: 'revoked', reason },
    });
    await recordAudit(trx, ctx, {
      entityType: 'application',
      entityId: row.application_id,
      action: 'CERTIFICATE_REVOKED',
      ...scope,
      before: { certificateNumber: row.number, certificateStatus: row.status },
      after: { certificateNumber: row.number, certificateStatus: 'revoked', reason },
    });
    for (const u of users) {
      if (!u.email) continue;
      const mail = composeMail('certificateRevoked', {
        recipientName: u.contactName || u.username,
        number: content.applicationNumber,
        certificateNumber: row.number,
        bureauName: content.bureau.name,
        at: formatChinaTime(at),
        reason,
        verifyUrl: verificationUrl(ctx.config.publicUrl, row.number),
      });
      await enqueueMail(trx, ctx, { to: u.email, ...mail });
    }
    return updated;
  });
  return toSummary(revoked, content);
}
