import {
  addDays,
  auditActionLabels,
  chinaDayStartIso,
  type AuditEntry,
  type AuditFilter,
  type AuditListResponse,
  type AuditQuery,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { applicationNumbers, findApplicationIdByNumber } from '../applications/application-refs';
import {
  certificateNumbers,
  certificateRefsOfApplication,
  findCertificateRef,
} from '../certificates/certificate-refs';
import { announcementTitles } from '../announcements/announcements.service';
import { getUser } from '../auth/users.service';
import { getOrganisations, organisationIdsMatching } from '../enterprises/enterprises.service';
import { findOrganisationByCode } from '../enterprises/registration.service';
import { findBureauNames } from '../reference/reference.service';
import { auditRepository, type AuditRow, type AuditRowFilter } from './audit.repository';

/**
 * 审计日志 search for the administrator.
 *
 * What the filters match:
 * - 操作人: the user name the row was written with, case-insensitive, exactly or as a prefix.
 * - 单位: a code that names an organisation (18-character USCC or 9-character organisation code, either
 *   form of one organisation) matches that organisation's rows; any other text matches the organisations
 *   whose name (Chinese or English) or code contains it.
 * - 受理机构: the bureau the row concerns (bureau_code).
 * - 申请编号: rows whose object is the application (entity `application`: its own changes, its products,
 *   attachments, reviews, and the usage records and modifications written on it too) and rows whose object
 *   is any certificate issued for it (entity `certificate`: issue, supersede, revoke, modification).
 * - 证明号: rows whose object is that certificate (entity `certificate`, by 证明号 or id).
 * - An unknown 申请编号 or 证明号 matches nothing.
 * - 时间: China calendar dates, both ends included (Asia/Shanghai day boundaries).
 */

/** The query as audit_log conditions; null when it names an application or certificate that does not exist. */
export async function resolveFilter(
  ctx: ServiceContext,
  f: Partial<AuditFilter>,
): Promise<AuditRowFilter | null> {
  const filter: AuditRowFilter = {
    actorPrefix: f.actor?.toLowerCase(),
    bureauCode: f.bureau,
    action: f.action,
    entityType: f.entityType,
    fromIso: f.from ? chinaDayStartIso(f.from) : undefined,
    beforeIso: f.to ? chinaDayStartIso(addDays(f.to, 1)) : undefined,
  };
  if (f.organisation) {
    const org = await findOrganisationByCode(ctx, f.organisation).catch(() => undefined);
    if (org) filter.organisationIds = [org.id];
    else filter.organisationIdQuery = organisationIdsMatching(ctx.db, f.organisation);
  }
  const entities: { type: string; ids: string[] }[] = [];
  if (f.application) {
    const applicationId = await findApplicationIdByNumber(ctx.db, f.application);
    if (!applicationId) return null;
    const certificates = await certificateRefsOfApplication(ctx.db, applicationId);
    entities.push({ type: 'application', ids: [applicationId] });
    if (certificates.length) entities.push({ type: 'certificate', ids: certificates.map((c) => c.id) });
  }
  if (f.certificate) {
    const certificate = await findCertificateRef(ctx.db, f.certificate);
    if (!certificate) return null;
    if (f.application && !entities.some((e) => e.type === 'certificate' && e.ids.includes(certificate.id))) {
      return null;
    }
    entities.splice(0, entities.length, { type: 'certificate', ids: [certificate.id] });
  }
  if (entities.length) filter.entities = entities;
  return filter;
}

const parseJson = (text: string | null): Record<string, unknown> | null => {
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/** The rows as the console shows them: names of the organisation, bureau and object looked up in batch. */
export async function presentAuditRows(ctx: ServiceContext, rows: AuditRow[]): Promise<AuditEntry[]> {
  const idsOf = (type: string) =>
    rows.filter((r) => r.entity_type === type && r.entity_id).map((r) => r.entity_id!);
  const otherUsers = [
    ...new Set(
      rows
        .filter((r) => r.entity_type === 'user' && r.entity_id && r.entity_id !== r.actor_user_id)
        .map((r) => r.entity_id!),
    ),
  ];
  const [orgs, bureaus, applications, certificates, announcements, users] = await Promise.all([
    getOrganisations(
      ctx.db,
      [...rows.map((r) => r.organisation_id), ...idsOf('organisation')].filter((id): id is string => !!id),
    ),
    findBureauNames(
      ctx,
      rows.map((r) => r.bureau_code).filter((c): c is string => !!c),
    ),
    applicationNumbers(ctx.db, idsOf('application')),
    certificateNumbers(ctx.db, idsOf('certificate')),
    announcementTitles(ctx, idsOf('announcement')),
    Promise.all(otherUsers.map(async (id) => [id, (await getUser(ctx.db, id))?.username] as const)),
  ]);
  const usernames = new Map(users);
  const labelOf = (r: AuditRow): string | null => {
    if (!r.entity_id) return null;
    if (r.entity_type === 'application') return applications.get(r.entity_id) ?? null;
    if (r.entity_type === 'certificate') return certificates.get(r.entity_id) ?? null;
    if (r.entity_type === 'organisation') return orgs.get(r.entity_id)?.nameZh ?? null;
    if (r.entity_type === 'bureau') return bureaus.get(r.entity_id) ?? null;
    if (r.entity_type === 'announcement') return announcements.get(r.entity_id) ?? null;
    if (r.entity_type === 'user') {
      return r.entity_id === r.actor_user_id ? r.actor_username : (usernames.get(r.entity_id) ?? null);
    }
    return null;
  };
  return rows.map((r) => {
    const org = r.organisation_id ? orgs.get(r.organisation_id) : undefined;
    return {
      id: Number(r.id),
      at: r.at,
      actorUsername: r.actor_username,
      actorRole: r.actor_role,
      organisation: r.organisation_id
        ? { id: r.organisation_id, code: org?.code ?? null, name: org?.nameZh ?? null }
        : null,
      bureau: r.bureau_code ? { code: r.bureau_code, name: bureaus.get(r.bureau_code) ?? null } : null,
      entityType: r.entity_type,
      entityId: r.entity_id,
      entityLabel: labelOf(r),
      action: r.action,
      actionLabel: auditActionLabels[r.action]?.zh ?? null,
      before: parseJson(r.before_json),
      after: parseJson(r.after_json),
      ip: r.ip,
    };
  });
}

/** One page of the search, newest first, with the number of matches. */
export async function searchAudit(ctx: ServiceContext, query: AuditQuery): Promise<AuditListResponse> {
  const filter = await resolveFilter(ctx, query);
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (!filter) return empty;
  const offset = (query.page - 1) * query.pageSize;
  const [rows, total] = await Promise.all([
    auditRepository.search(ctx.db, filter, offset, query.pageSize),
    auditRepository.count(ctx.db, filter),
  ]);
  return { items: await presentAuditRows(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

/** The actions the log holds, with their Chinese label where the system has one. */
export async function listAuditActions(ctx: ServiceContext) {
  const actions = await auditRepository.distinctActions(ctx.db);
  return { items: actions.map((action) => ({ action, label: auditActionLabels[action]?.zh ?? null })) };
}
