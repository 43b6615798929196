import {
  chinaDate,
  recordKindsForClause,
  translate,
  type RecordBodyParsed,
  type RecordKind,
} from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { ServiceContext } from '../../context';
import type { Database, UsageRecordsTable } from '../../db/schema';
import { AppError } from '../../lib/app-error';
import {
  certificateOfBase,
  lockCertificateNumber,
  type CertificateOfBase,
} from '../certificates/certificate-ledger';
import { ledgerProblems, type LedgerProblem } from './record-ledger';
import { usageRecordsRepository as repo } from './usage-records.repository';

/** The columns a record body sets (every kind's columns, the others null). */
export function columnsOf(body: RecordBodyParsed) {
  const none = {
    user_name: null,
    user_address: null,
    user_contact: null,
    user_phone: null,
    period_start: null,
    period_end: null,
    description: null,
    declaration_no: null,
    export_date: null,
    method: null,
    witness: null,
  } satisfies Partial<UsageRecordsTable>;
  switch (body.kind) {
    case 'usage':
      return {
        ...none,
        user_name: body.userName,
        user_address: body.userAddress,
        user_contact: body.userContact,
        user_phone: body.userPhone,
        period_start: body.periodStart,
        period_end: body.periodEnd,
        description: body.description,
      };
    case 'reexport':
      return { ...none, declaration_no: body.declarationNo, description: body.description };
    case 'destruction':
      return { ...none, method: body.method, witness: body.witness, description: body.description };
    case 'writeoff':
      return {
        ...none,
        declaration_no: body.declarationNo,
        export_date: body.exportDate,
        description: body.description,
      };
  }
}

export interface RecordDraft {
  kind: RecordKind;
  lines: { lineNo: number; quantity: string; date: string | null }[];
  exportDate: string | null;
  periodStart: string | null;
}

/**
 * INSIDE the saving transaction: locks the certificate number (so two concurrent saves are serialised),
 * then checks the certificate (not revoked), the kind (write-off only for clause 05), the lines (products of
 * the current version), the dates (not before the issue date, not in the future) and the ledger against every
 * other record of the number. Throws; returns the certificate.
 */
export async function checkRecordInTransaction(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  baseNumber: string,
  draft: RecordDraft,
  excludeRecordId: string | null,
): Promise<CertificateOfBase> {
  await lockCertificateNumber(trx, baseNumber);
  const cert = await certificateOfBase(trx, baseNumber);
  if (!cert) throw new AppError('NOT_FOUND');
  if (cert.current.status === 'revoked')
    throw new AppError('CONFLICT', { message: 'e.record.certificateRevoked' });
  const clause = cert.currentContent.clause.code;
  if (!recordKindsForClause(clause).includes(draft.kind)) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'e.record.kindNotAllowed',
      fields: [{ path: 'kind', message: 'e.record.kindNotAllowed' }],
    });
  }
  const issueDate = cert.originalContent.issueDate;
  const today = chinaDate(ctx.clock.now());
  const fields: LedgerProblem[] = [];
  const checkDate = (path: string, date: string | null) => {
    if (!date) return;
    if (date < issueDate)
      fields.push({ path, message: translate(ctx.locale, 'v.record.dateBeforeIssue', { issueDate }) });
    else if (date > today) fields.push({ path, message: translate(ctx.locale, 'v.record.dateFuture') });
  };
  checkDate('exportDate', draft.exportDate);
  checkDate('periodStart', draft.periodStart);
  const lineNos = new Set(cert.currentContent.products.map((p) => p.lineNo));
  draft.lines.forEach((l, i) => {
    if (!lineNos.has(l.lineNo))
      fields.push({ path: `lines.${i}.lineNo`, message: translate(ctx.locale, 'v.record.lineUnknown') });
    checkDate(`lines.${i}.date`, l.date);
  });
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });

  const all = await repo.ledgerLines(trx, baseNumber);
  const others = excludeRecordId ? all.filter((l) => l.record_id !== excludeRecordId) : all;
  const problems = ledgerProblems(ctx.locale, cert.currentContent.products, others, draft.lines);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'e.record.exceeds',
      fields: problems,
      details: { lines: problems.length },
    });
  }
  return cert;
}
