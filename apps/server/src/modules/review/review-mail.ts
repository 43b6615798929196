import type { Transaction } from 'kysely';
import type { ServiceContext } from '../../context';
import type { Database } from '../../db/schema';
import { composeMail, type MailName, type MailParams } from '../../locales/mail';
import { listOrganisationUsers } from '../auth/users.service';
import { enqueueMail } from '../notifications/notifications.service';

/**
 * Inside the decision's transaction: one mail to every active user of the organisation that has an
 * e-mail address (SPEC §7). The outbox sends it after commit, so a mail server that is down never holds
 * up or undoes the decision.
 */
export async function mailOrganisationUsers<K extends MailName>(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  organisationId: string,
  name: K,
  params: (recipientName: string) => MailParams[K],
): Promise<void> {
  const users = await listOrganisationUsers(trx, organisationId, ['active']);
  for (const u of users) {
    if (!u.email) continue;
    const mail = composeMail(name, params(u.contactName || u.username));
    await enqueueMail(trx, ctx, { to: u.email, ...mail });
  }
}

/** Where the enterprise's users open the case in the portal. */
export const portalApplicationUrl = (ctx: ServiceContext, applicationId: string) =>
  `${ctx.config.publicUrl}/portal/applications/${applicationId}`;

/** The public verification page of a certificate (the QR code on the PDF points there too). */
export const verifyUrl = (ctx: ServiceContext, certificateNumber: string) =>
  `${ctx.config.publicUrl}/verify/${encodeURIComponent(certificateNumber)}`;
