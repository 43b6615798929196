import {
  addDecimals,
  recordActions,
  type RecordKind,
  type RecordStatus,
  type Role,
  type UsageRecord,
} from '@ccc/domain';
import type { Db } from '../../db/database';
import { parseContent } from '../certificates/certificate-content';
import { currentVersionsOfBases, type CertificateOfBase } from '../certificates/certificate-ledger';
import { usageRecordsRepository as repo, type RecordRow } from './usage-records.repository';

/** Records as the API shows them: lines with the product of the current version, organisation, actions. */
export async function presentRecords(
  db: Db,
  role: Role | null,
  rows: readonly RecordRow[],
  known?: CertificateOfBase,
): Promise<UsageRecord[]> {
  if (rows.length === 0) return [];
  const [lines, orgs, currents] = await Promise.all([
    repo.linesOf(
      db,
      rows.map((r) => r.id),
    ),
    repo.organisations(db, [...new Set(rows.map((r) => r.organisation_id))]),
    known
      ? Promise.resolve(new Map([[known.current.base_number, known.current]]))
      : currentVersionsOfBases(
          db,
          rows.map((r) => r.base_number),
        ),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const contents = new Map(
    [...currents].map(([base, row]) => [base, { row, content: parseContent(row.content) }]),
  );
  return rows.map((r) => {
    const cert = contents.get(r.base_number);
    const products = new Map((cert?.content.products ?? []).map((p) => [p.lineNo, p]));
    const own = lines.filter((l) => l.record_id === r.id);
    const org = orgById.get(r.organisation_id);
    const status = r.status as RecordStatus;
    return {
      id: r.id,
      kind: r.kind as RecordKind,
      status,
      baseNumber: r.base_number,
      certificateNumber: cert?.row.number ?? r.base_number,
      applicationId: r.application_id,
      applicationNumber: cert?.content.applicationNumber ?? '',
      clauseCode: cert?.content.clause.code ?? '',
      organisationId: r.organisation_id,
      organisationName: org?.name_zh ?? '',
      organisationCode: org?.code ?? '',
      bureauCode: r.bureau_code,
      userName: r.user_name,
      userAddress: r.user_address,
      userContact: r.user_contact,
      userPhone: r.user_phone,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      description: r.description,
      declarationNo: r.declaration_no,
      exportDate: r.export_date,
      method: r.method,
      witness: r.witness,
      returnReason: r.return_reason,
      lines: own.map((l) => {
        const p = products.get(l.line_no);
        return {
          lineNo: l.line_no,
          hsCode: p?.hsCode ?? '',
          productName: p?.productName ?? '',
          model: p?.model ?? '',
          unit: p?.unit ?? '',
          quantity: l.quantity,
          date: l.date,
        };
      }),
      totalQuantity: addDecimals('0', ...own.map((l) => l.quantity)),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      submittedAt: r.submitted_at,
      verifiedAt: r.verified_at,
      returnedAt: r.returned_at,
      actions: role ? recordActions(status, role) : ['view'],
    };
  });
}
