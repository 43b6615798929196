import type { z } from 'zod';
import type { ProfileResponse, profileUpdateBodySchema } from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError, fieldError } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { composeMail, formatChinaTime } from '../../locales/mail';
import { recordAudit } from '../audit/audit.service';
import { getUser, listOrganisationUsers, updateUserContact } from '../auth/users.service';
import { enqueueMail } from '../notifications/notifications.service';
import { divisionPath, findDivision } from '../reference/reference.service';
import {
  enterprisesRepository,
  type OrganisationFieldsRow,
  type OrganisationRow,
} from './enterprises.repository';
import { requireActiveMember } from './membership';

type ProfileUpdate = z.output<typeof profileUpdateBodySchema>;

/** The organisation-level fields (SPEC §2), with their labels for the change notice. */
const ORG_FIELDS: { key: keyof OrganisationFieldsRow; labelZh: string; labelEn: string }[] = [
  { key: 'name_zh', labelZh: '申请单位', labelEn: 'Organisation name' },
  { key: 'name_en', labelZh: '申请单位英文名称', labelEn: 'English name' },
  { key: 'division_code', labelZh: '所在地区', labelEn: 'Administrative division' },
  { key: 'address', labelZh: '申请单位地址', labelEn: 'Address' },
  { key: 'postcode', labelZh: '申请单位邮编', labelEn: 'Postcode' },
  { key: 'remark', labelZh: '申请单位信息备注', labelEn: 'Remark' },
];

async function divisionLabel(ctx: ServiceContext, code: string): Promise<string> {
  const path = await divisionPath(ctx, code);
  return path ? `${path}（${code}）` : code;
}

async function loadOwn(ctx: ServiceContext) {
  const { userId, organisationId } = requireActiveMember(ctx);
  const user = await getUser(ctx.db, userId);
  const org = await enterprisesRepository.findById(ctx.db, organisationId);
  if (!user || !org) throw new AppError('NOT_FOUND');
  return { user, org };
}

/** 修改企业信息: the user's own contact fields and the organisation's shared fields. */
export async function getProfile(ctx: ServiceContext): Promise<ProfileResponse> {
  const { user, org } = await loadOwn(ctx);
  const divisionName = await divisionPath(ctx, org.division_code);
  return {
    username: user.username,
    orgCode: org.code,
    orgNameZh: org.name_zh,
    orgNameEn: org.name_en,
    divisionCode: org.division_code,
    divisionName: divisionName || null,
    orgAddress: org.address,
    orgPostcode: org.postcode,
    orgRemark: org.remark,
    contactName: user.contactName,
    mobile: user.mobile,
    email: user.email,
    phone: user.phone,
    fax: user.fax,
  };
}

/**
 * 保存. Organisation fields change for every user of the organisation: the change is audited with before and
 * after, and every other active user of the organisation is told by e-mail what changed.
 */
export async function updateProfile(ctx: ServiceContext, input: ProfileUpdate): Promise<ProfileResponse> {
  const { user, org } = await loadOwn(ctx);
  if (input.divisionCode !== org.division_code && !(await findDivision(ctx, input.divisionCode))?.enabled) {
    throw fieldError('divisionCode', 'v.division');
  }
  const next: OrganisationFieldsRow = {
    name_zh: input.orgNameZh,
    name_en: input.orgNameEn ?? null,
    division_code: input.divisionCode,
    address: input.orgAddress,
    postcode: input.orgPostcode,
    remark: input.orgRemark ?? null,
  };
  const changed = ORG_FIELDS.filter((f) => (org[f.key] ?? null) !== (next[f.key] ?? null));
  const contact = {
    contactName: input.contactName,
    mobile: input.mobile,
    email: input.email,
    phone: input.phone ?? null,
    fax: input.fax ?? null,
  };
  const contactBefore = {
    contactName: user.contactName,
    mobile: user.mobile,
    email: user.email,
    phone: user.phone,
    fax: user.fax,
  };
  const contactChanged = (Object.keys(contact) as (keyof typeof contact)[]).filter(
    (k) => contact[k] !== contactBefore[k],
  );
  const changes = await Promise.all(
    changed.map(async (f) => ({
      labelZh: f.labelZh,
      labelEn: f.labelEn,
      before: f.key === 'division_code' ? await divisionLabel(ctx, org.division_code) : (org[f.key] ?? ''),
      after: f.key === 'division_code' ? await divisionLabel(ctx, input.divisionCode) : (next[f.key] ?? ''),
    })),
  );
  const now = ctx.clock.now();

  await ctx.db.transaction().execute(async (trx) => {
    if (changed.length > 0) {
      await enterprisesRepository.update(trx, org.id, next, iso(now));
      await recordAudit(trx, ctx, {
        entityType: 'organisation',
        entityId: org.id,
        action: 'ORGANISATION_UPDATED',
        organisationId: org.id,
        before: pick(
          org,
          changed.map((f) => f.key),
        ),
        after: pick(
          next,
          changed.map((f) => f.key),
        ),
      });
      const others = (await listOrganisationUsers(trx, org.id, ['active'])).filter((u) => u.id !== user.id);
      for (const other of others) {
        if (!other.email) continue;
        await enqueueMail(trx, ctx, {
          to: other.email,
          ...composeMail('organisationChanged', {
            recipientName: other.contactName,
            orgCode: org.code,
            changedBy: `${user.username}（${user.contactName}）`,
            at: formatChinaTime(now),
            changes,
          }),
        });
      }
    }
    if (contactChanged.length > 0) {
      await updateUserContact(trx, ctx, user.id, contact);
      await recordAudit(trx, ctx, {
        entityType: 'user',
        entityId: user.id,
        action: 'PROFILE_UPDATED',
        organisationId: org.id,
        before: Object.fromEntries(contactChanged.map((k) => [k, contactBefore[k]])),
        after: Object.fromEntries(contactChanged.map((k) => [k, contact[k]])),
      });
    }
  });
  return getProfile(ctx);
}

function pick(row: OrganisationFieldsRow | OrganisationRow, keys: (keyof OrganisationFieldsRow)[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
}
