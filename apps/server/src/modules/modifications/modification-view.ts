import {
  modificationFieldLabels,
  type ModificationComparison,
  type ModificationContent,
  type ModificationRequest,
  type ModificationStatus,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { parseContent, type CertificateContent } from '../certificates/certificate-content';
import {
  applyChanges,
  findCertificatesByIds,
  type CertificateChanges,
  type CertificateRow,
} from '../certificates/certificate-modified-version';
import { getOrganisations } from '../enterprises/enterprises.service';
import type { ModificationRow } from './modifications.repository';

/** How a modification request reads: the API shape, the modifiable content, the comparison. */

export const statusOfModification = (row: Pick<ModificationRow, 'status'>) =>
  row.status as ModificationStatus;

/** The modifiable part of a certificate's content. */
export function modifiableContent(content: CertificateContent): ModificationContent {
  return {
    holder: { nameZh: content.holder.nameZh, nameEn: content.holder.nameEn, address: content.holder.address },
    products: content.products.map((p) => ({
      lineNo: p.lineNo,
      hsCode: p.hsCode,
      hsName: p.hsName,
      productName: p.productName,
      model: p.model,
      brand: p.brand,
      quantity: p.quantity,
      unit: p.unit,
    })),
  };
}

/** The stored `changes` JSON (written only by this module from the validated body). */
export function parseChanges(json: string): CertificateChanges {
  return JSON.parse(json) as CertificateChanges;
}

/** The request's content as it would read: the original's content with the changes applied. */
export function requestedContent(original: CertificateRow, row: ModificationRow): ModificationContent {
  return modifiableContent(applyChanges(parseContent(original.content), parseChanges(row.changes)));
}

/** Only the fields that differ, products as 'products.<lineNo>.<field>'. */
export function compareContent(
  before: ModificationContent,
  after: ModificationContent,
): ModificationComparison[] {
  const out: ModificationComparison[] = [];
  for (const key of ['nameZh', 'nameEn', 'address'] as const) {
    if (before.holder[key] !== after.holder[key]) {
      const field = `holder.${key}` as const;
      out.push({
        field,
        label: modificationFieldLabels[field],
        before: before.holder[key],
        after: after.holder[key],
      });
    }
  }
  const afterByLine = new Map(after.products.map((p) => [p.lineNo, p]));
  for (const b of before.products) {
    const a = afterByLine.get(b.lineNo);
    if (!a) continue;
    for (const key of ['productName', 'model', 'brand', 'quantity', 'unit'] as const) {
      if (b[key] === a[key]) continue;
      const label = modificationFieldLabels[key];
      out.push({
        field: `products.${b.lineNo}.${key}`,
        label: { zh: `产品${b.lineNo} ${label.zh}`, en: `Product ${b.lineNo} ${label.en}` },
        before: b[key],
        after: a[key],
      });
    }
  }
  return out;
}

/** The API shape of rows, with the certificates and organisations they name read in bulk. */
export async function toRequests(
  ctx: Pick<ServiceContext, 'db'>,
  rows: ModificationRow[],
): Promise<ModificationRequest[]> {
  const certIds = rows.flatMap((r) =>
    r.new_certificate_id ? [r.certificate_id, r.new_certificate_id] : [r.certificate_id],
  );
  const [certs, orgs] = await Promise.all([
    findCertificatesByIds(ctx.db, certIds),
    getOrganisations(
      ctx.db,
      rows.map((r) => r.organisation_id),
    ),
  ]);
  return rows.map((r) => {
    const original = certs.get(r.certificate_id);
    if (!original) throw new Error(`certificate ${r.certificate_id} vanished`);
    const content = parseContent(original.content);
    return {
      id: r.id,
      baseNumber: r.base_number,
      certificateNumber: original.number,
      newCertificateNumber: r.new_certificate_id ? (certs.get(r.new_certificate_id)?.number ?? null) : null,
      applicationId: r.application_id,
      applicationNumber: content.applicationNumber,
      organisationId: r.organisation_id,
      organisationName: orgs.get(r.organisation_id)?.nameZh ?? content.holder.nameZh,
      bureauCode: r.bureau_code,
      status: statusOfModification(r),
      changes: modifiableContent(applyChanges(content, parseChanges(r.changes))),
      reason: r.reason ?? '',
      returnReason: r.return_reason,
      refuseReason: r.refuse_reason,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      submittedAt: r.submitted_at,
      decidedAt: r.decided_at,
    };
  });
}

export async function toRequest(
  ctx: Pick<ServiceContext, 'db'>,
  row: ModificationRow,
): Promise<ModificationRequest> {
  return (await toRequests(ctx, [row]))[0]!;
}
