import {
  applicationActions,
  type ApplicationDetail,
  type ApplicationHistoryEntry,
  type ApplicationStatus,
  type Product,
} from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { ServiceContext } from '../../context';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { listApplicationAttachments } from '../attachments/attachments.service';
import { listAuditOfEntity, type AuditEntry } from '../audit/audit.service';
import { getUser } from '../auth/users.service';
import { getOrganisation } from '../enterprises/enterprises.service';
import { divisionPath, findBureauNames, findReferenceNames } from '../reference/reference.service';
import { labelled } from './application-labels';
import { loadViewableApplication } from './application-access';
import { toFields } from './application-form';
import { applicationsRepository as repo, type ProductRow } from './applications.repository';

/** 查看: the read-only application with its products, attachments and complete history. */

export const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  lineNo: r.line_no,
  hsCode: r.hs_code,
  hsName: r.hs_name,
  productName: r.product_name,
  model: r.model,
  brand: r.brand,
  quantity: r.quantity,
  unit: r.unit,
  manufacturer: r.manufacturer,
  originCountry: r.origin_country,
  purpose: r.purpose,
});

/**
 * The product lines of an application in line order, for other modules (the certificate freezes them).
 * Inside a transaction pass it as `db`: on SQLite a read through the pool would wait for that transaction.
 */
export async function listApplicationProducts(
  db: Transaction<Database> | Db,
  applicationId: string,
): Promise<Product[]> {
  return (await repo.products(db, applicationId)).map(toProduct);
}

/** Actions that are an audit concern, not part of the application's story. */
const HIDDEN_ACTIONS = new Set(['ACCESS_DENIED']);

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function subjectOf(e: AuditEntry): string | null {
  const data = { ...(e.before ?? {}), ...(e.after ?? {}) };
  const product = str(data.productName);
  if (product) return typeof data.lineNo === 'number' ? `${data.lineNo}. ${product}` : product;
  const attachment = str(data.attachmentTypeName) ?? str(data.typeName) ?? str(data.filename);
  return attachment;
}

async function history(ctx: ServiceContext, id: string): Promise<ApplicationHistoryEntry[]> {
  const entries = (await listAuditOfEntity(ctx, 'application', id)).filter(
    (e) => !HIDDEN_ACTIONS.has(e.action),
  );
  const actorIds = [...new Set(entries.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const users = new Map(
    (await Promise.all(actorIds.map((uid) => getUser(ctx.db, uid)))).flatMap((u) => (u ? [[u.id, u]] : [])),
  );
  return entries.map((e) => ({
    at: e.at,
    action: e.action,
    actorUsername: e.actorUsername,
    actorName: (e.actorUserId && users.get(e.actorUserId)?.contactName) || null,
    actorRole: e.actorRole,
    reason: str(e.after?.reason),
    subject: subjectOf(e),
  }));
}

export async function getApplicationDetail(ctx: ServiceContext, id: string): Promise<ApplicationDetail> {
  const row = await loadViewableApplication(ctx, id);
  const [products, attachments, entries, names, bureaus, org, creator, locationPath, usePath] =
    await Promise.all([
      repo.products(ctx.db, id),
      listApplicationAttachments(ctx, id),
      history(ctx, id),
      findReferenceNames(ctx),
      findBureauNames(ctx, [row.bureau_code]),
      getOrganisation(ctx.db, row.organisation_id),
      getUser(ctx.db, row.created_by),
      divisionPath(ctx, row.location_division_code),
      row.use_division_code ? divisionPath(ctx, row.use_division_code) : Promise.resolve(null),
    ]);
  const labels = labelled(row, names, bureaus);
  const named = (code: string | null, name: string | null) => ({ code, name: code ? name : null });
  const status = row.status as ApplicationStatus;
  return {
    id: row.id,
    number: row.number,
    status,
    actions: ctx.actor ? applicationActions(status, ctx.actor.role) : ['view'],
    certificateNumber: row.certificate_number,
    returnReason: row.return_reason,
    refuseReason: row.refuse_reason,
    organisation: {
      id: row.organisation_id,
      code: org?.code ?? '',
      nameZh: org?.nameZh ?? '',
      nameEn: org?.nameEn ?? null,
    },
    fields: toFields(row),
    names: {
      clause: named(row.clause_code, labels.clause),
      subClause: named(row.sub_clause_code, labels.subClause),
      applicantType: named(row.applicant_type_code, labels.applicantType),
      locationAddressType: named(row.location_address_type_code, labels.addressType),
      locationDivision: locationPath,
      useDivision: usePath,
      bureau: labels.bureau,
    },
    products: products.map(toProduct),
    attachments,
    history: entries,
    createdAt: row.created_at,
    createdBy: { username: creator?.username ?? null, contactName: creator?.contactName ?? null },
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
  };
}
