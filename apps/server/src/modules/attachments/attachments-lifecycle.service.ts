import type { Transaction } from 'kysely';
import type { ServiceContext } from '../../context';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/crypto';
import { recordAudit } from '../audit/audit.service';
import { releaseFile, retainFile } from '../files/files.service';
import { attachmentTypesFor, reusableTypeCodes } from './attachment-types';
import { ATTACHMENT_OWNER as OWNER, attachmentsRepository as repo } from './attachments.repository';

/**
 * What the applications module asks of the attachments module over an application's life: taking over
 * the reusable files into a new application, the completeness check of 提交, and the clean-up when a
 * draft is deleted. Each runs with the caller's transaction (or connection): never ctx.db inside it.
 */

/**
 * On creating an application: the reusable types (申请人营业执照, 后续管理承诺书, 产品符合性声明 as shipped)
 * are taken over from the organisation's previous application under the same clause: new rows pointing at
 * the same stored files, each with a file reference of its own, so deleting either application never
 * removes the other's file. A type the new application already has is left alone. Returns the type
 * codes taken over.
 */
export async function copyReusableAttachments(
  trx: Transaction<Database>,
  ctx: Pick<ServiceContext, 'actor' | 'ip' | 'userAgent' | 'clock'>,
  fromApplicationId: string,
  toApplicationId: string,
): Promise<string[]> {
  if (fromApplicationId === toApplicationId) return [];
  const reusable = await reusableTypeCodes(trx);
  const [source, target] = await Promise.all([
    repo.listForApplication(trx, fromApplicationId),
    repo.listForApplication(trx, toApplicationId),
  ]);
  const present = new Set(target.map((r) => r.attachment_type_code));
  const copied: { typeCode: string; filename: string; sha256: string }[] = [];
  for (const row of source) {
    if (!reusable.has(row.attachment_type_code) || present.has(row.attachment_type_code)) continue;
    const id = newId();
    await retainFile(
      trx,
      ctx,
      { sha256: row.file_sha256, size: row.size, mime: row.mime },
      { type: OWNER, id },
    );
    await repo.insert(trx, {
      ...row,
      id,
      application_id: toApplicationId,
      taken_over_from: fromApplicationId,
    });
    copied.push({ typeCode: row.attachment_type_code, filename: row.filename, sha256: row.file_sha256 });
  }
  if (copied.length > 0) {
    await recordAudit(trx, ctx, {
      entityType: 'application',
      entityId: toApplicationId,
      action: 'ATTACHMENTS_TAKEN_OVER',
      after: { fromApplicationId, attachments: copied },
    });
  }
  return copied.map((c) => c.typeCode);
}

/**
 * The required (必传) types of the clause and second-level clause that have no file on the application,
 * in the reference order; [] when complete. With clause 01 + CCC认证检测 the 送样通知书 is among them.
 */
export async function missingRequiredAttachments(
  db: Db | Transaction<Database>,
  input: { applicationId: string; clauseCode: string; subClauseCode: string | null },
): Promise<{ typeCode: string; name: string }[]> {
  const [types, rows] = await Promise.all([
    attachmentTypesFor(db, input.clauseCode, input.subClauseCode),
    repo.listForApplication(db, input.applicationId),
  ]);
  const present = new Set(rows.map((r) => r.attachment_type_code));
  return types
    .filter((t) => t.required && !present.has(t.typeCode))
    .map((t) => ({ typeCode: t.typeCode, name: t.name }));
}

/**
 * On deleting a draft, inside its transaction: removes the application's attachment rows and releases
 * their files (the collector removes content nothing refers to any more).
 */
export async function releaseApplicationAttachments(
  trx: Transaction<Database>,
  ctx: Pick<ServiceContext, 'clock'>,
  applicationId: string,
): Promise<void> {
  const rows = await repo.listForApplication(trx, applicationId);
  for (const row of rows) {
    await repo.remove(trx, row.id);
    await releaseFile(trx, ctx, row.file_sha256, { type: OWNER, id: row.id });
  }
}
