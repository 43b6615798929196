import type { z } from 'zod';
import { embeddedOrgCode, normaliseOrgCode, type registerBodySchema } from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError, fieldError } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { hashPassword } from '../../lib/password';
import { composeMail, formatChinaTime } from '../../locales/mail';
import { recordAudit } from '../audit/audit.service';
import { isUniqueViolation } from '../auth/db-errors';
import {
  createUser,
  isUsernameTaken,
  listOrganisationUsers,
  usernameTakenError,
} from '../auth/users.service';
import { enqueueMail } from '../notifications/notifications.service';
import { findDivision } from '../reference/reference.service';
import { enterprisesRepository, type OrganisationRow } from './enterprises.repository';

type RegisterInput = z.output<typeof registerBodySchema>;

/** The organisation a code names, 9- and 18-character forms of one organisation being the same. */
export async function findOrganisationByCode(
  ctx: ServiceContext,
  rawCode: string,
): Promise<OrganisationRow | undefined> {
  const code = normaliseOrgCode(rawCode);
  return enterprisesRepository.findByCode(ctx.db, code, embeddedOrgCode(code));
}

/** 注册 form: whether the code is registered already, and then only the organisation's name. */
export async function lookupOrganisation(
  ctx: ServiceContext,
  code: string,
): Promise<{ exists: boolean; orgNameZh?: string }> {
  const org = await findOrganisationByCode(ctx, code);
  return org ? { exists: true, orgNameZh: org.name_zh } : { exists: false };
}

/**
 * 注册. The first user of a code creates the organisation and is active. A later user of the same
 * organisation waits (pending) until an active member or an administrator approves; the organisation's
 * fields in its form are ignored, and the organisation's active users are told by e-mail.
 */
export async function register(
  ctx: ServiceContext,
  input: RegisterInput,
): Promise<{ status: 'active' | 'pending'; joinedExisting: boolean; orgNameZh: string }> {
  if (await isUsernameTaken(ctx.db, input.username)) throw usernameTakenError();
  const passwordHash = await hashPassword(input.password);
  try {
    return await registerOnce(ctx, input, passwordHash);
  } catch (err) {
    // Two first registrations of one code at once: the loser joins the organisation the winner created.
    if (isUniqueViolation(err, 'organisations')) return registerOnce(ctx, input, passwordHash);
    throw err;
  }
}

/**
 * A new organisation needs its fields; the form leaves them out only when it believed the code was
 * registered already (joinExisting), so say precisely which are missing.
 */
function newOrganisationFields(input: RegisterInput) {
  const { orgNameZh, divisionCode, orgAddress, orgPostcode } = input;
  if (orgNameZh && divisionCode && orgAddress && orgPostcode) {
    return { orgNameZh, divisionCode, orgAddress, orgPostcode };
  }
  const missing = Object.entries({ orgNameZh, divisionCode, orgAddress, orgPostcode }).filter(([, v]) => !v);
  throw new AppError('VALIDATION_FAILED', {
    fields: missing.map(([path]) => ({
      path,
      message: path === 'divisionCode' ? 'v.division' : 'v.required',
    })),
  });
}

async function registerOnce(ctx: ServiceContext, input: RegisterInput, passwordHash: string) {
  const existing = await findOrganisationByCode(ctx, input.orgCode);
  const newOrg = existing ? null : newOrganisationFields(input);
  if (newOrg && !(await findDivision(ctx, newOrg.divisionCode))?.enabled) {
    throw fieldError('divisionCode', 'v.division');
  }
  const now = ctx.clock.now();
  const contact = {
    contactName: input.contactName,
    mobile: input.mobile,
    email: input.email,
    phone: input.phone ?? null,
    fax: input.fax ?? null,
  };

  return ctx.db.transaction().execute(async (trx) => {
    let org: OrganisationRow;
    if (existing || !newOrg) {
      org = existing!;
    } else {
      org = {
        id: newId(),
        code: input.orgCode,
        org_code9: embeddedOrgCode(input.orgCode),
        name_zh: newOrg.orgNameZh,
        name_en: input.orgNameEn ?? null,
        division_code: newOrg.divisionCode,
        address: newOrg.orgAddress,
        postcode: newOrg.orgPostcode,
        remark: input.orgRemark ?? null,
        created_at: iso(now),
        updated_at: iso(now),
      };
      await enterprisesRepository.insert(trx, org);
    }
    const status = existing ? ('pending' as const) : ('active' as const);
    const userId = await createUser(trx, ctx, {
      username: input.username,
      passwordHash,
      role: 'enterprise',
      status,
      organisationId: org.id,
      bureauCode: null,
      ...contact,
    });
    const self = { userId, username: input.username, role: 'enterprise' };

    if (!existing) {
      await recordAudit(trx, ctx, {
        entityType: 'organisation',
        entityId: org.id,
        action: 'ORGANISATION_CREATED',
        actor: self,
        organisationId: org.id,
        bureauCode: null,
        after: {
          code: org.code,
          nameZh: org.name_zh,
          nameEn: org.name_en,
          divisionCode: org.division_code,
          address: org.address,
          postcode: org.postcode,
          remark: org.remark,
        },
      });
    }
    await recordAudit(trx, ctx, {
      entityType: 'user',
      entityId: userId,
      action: 'USER_REGISTERED',
      actor: self,
      organisationId: org.id,
      bureauCode: null,
      after: { username: input.username, status, joinedExisting: Boolean(existing), ...contact },
    });

    if (existing) {
      await enqueueMail(trx, ctx, {
        to: input.email,
        ...composeMail('registrationPending', {
          username: input.username,
          contactName: input.contactName,
          orgName: org.name_zh,
        }),
      });
      for (const member of await listOrganisationUsers(trx, org.id, ['active'])) {
        if (!member.email) continue;
        await enqueueMail(trx, ctx, {
          to: member.email,
          ...composeMail('joinRequest', {
            recipientName: member.contactName,
            username: input.username,
            contactName: input.contactName,
            email: input.email,
            mobile: input.mobile,
            orgName: org.name_zh,
            at: formatChinaTime(now),
            url: ctx.config.publicUrl,
          }),
        });
      }
    } else {
      await enqueueMail(trx, ctx, {
        to: input.email,
        ...composeMail('registrationActive', {
          username: input.username,
          contactName: input.contactName,
          orgName: org.name_zh,
          url: ctx.config.publicUrl,
        }),
      });
    }
    return { status, joinedExisting: Boolean(existing), orgNameZh: org.name_zh };
  });
}
