import { attachmentMaxBytes, type ApplicationAttachment, type AttachmentMimeType } from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError, fieldError, notFound } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { sniffFileType } from '../../lib/file-storage';
import { cleanFilename } from '../../lib/filenames';
import {
  getApplicationForEdit,
  getApplicationForView,
  lockApplicationForEdit,
} from '../applications/application-access';
import { recordAudit } from '../audit/audit.service';
import { isUniqueViolation } from '../auth/db-errors';
import { getUser } from '../auth/users.service';
import { releaseFile, retainFile } from '../files/files.service';
import { attachmentTypesFor, loadClauses, typesCalledFor } from './attachment-types';
import {
  ATTACHMENT_OWNER,
  attachmentsRepository as repo,
  type AttachmentRow,
} from './attachments.repository';

export {
  copyReusableAttachments,
  missingRequiredAttachments,
  releaseApplicationAttachments,
} from './attachments-lifecycle.service';

export interface Upload {
  filename: string | undefined;
  data: Buffer;
}

const fileFacts = (row: AttachmentRow) => ({
  typeCode: row.attachment_type_code,
  filename: row.filename,
  size: row.size,
  mime: row.mime,
  sha256: row.file_sha256,
});

/** Display names of the uploaders: the contact name, else the user name. */
async function uploaderNames(ctx: ServiceContext, rows: AttachmentRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.uploaded_by))) {
    const u = await getUser(ctx.db, id);
    names.set(id, u ? u.contactName || u.username : '');
  }
  return names;
}

function toItem(
  type: { typeCode: string; name: string; required: boolean; reusable: boolean },
  applicable: boolean,
  row: AttachmentRow | undefined,
  names: Map<string, string>,
): ApplicationAttachment {
  return {
    typeCode: type.typeCode,
    name: type.name,
    required: type.required,
    reusable: type.reusable,
    applicable,
    file: row
      ? {
          filename: row.filename,
          size: row.size,
          mime: row.mime as AttachmentMimeType,
          uploadedAt: row.uploaded_at,
          uploadedBy: names.get(row.uploaded_by) ?? '',
          takenOver: row.taken_over_from !== null,
        }
      : null,
  };
}

/**
 * 附件信息 of an application the actor may view: the types its clause (and second-level clause) calls for,
 * 必传 marked, each with its current file; then any file left under a type no longer called for (after a
 * change of the second-level clause), so it can be seen and deleted.
 */
export async function listApplicationAttachments(
  ctx: ServiceContext,
  applicationId: string,
): Promise<ApplicationAttachment[]> {
  const app = await getApplicationForView(ctx, applicationId);
  const clauses = await loadClauses(ctx.db);
  const clause = clauses.find((c) => c.code === app.clauseCode);
  const types = typesCalledFor(clause, app.subClauseCode);
  const rows = await repo.listForApplication(ctx.db, applicationId);
  const byType = new Map(rows.map((r) => [r.attachment_type_code, r]));
  const names = await uploaderNames(ctx, rows);
  const items = types.map((t) => toItem(t, true, byType.get(t.typeCode), names));
  const called = new Set(types.map((t) => t.typeCode));
  // Leftovers, in the reference order of the types, with their names from any clause that lists them.
  const known = new Map(
    clauses.flatMap((c) => c.attachmentRequirements).map((r) => [r.attachmentTypeCode, r] as const),
  );
  for (const row of rows) {
    if (called.has(row.attachment_type_code)) continue;
    const ref = known.get(row.attachment_type_code);
    const type = {
      typeCode: row.attachment_type_code,
      name: ref?.name ?? row.attachment_type_code,
      required: false,
      reusable: ref?.reusable ?? false,
    };
    items.push(toItem(type, false, row, names));
  }
  return items;
}

/**
 * 上传附件: stores a PDF, JPEG or PNG (judged by its content) under one attachment type of an editable
 * application, replacing the file there. The access and the type are checked before the body is read;
 * the file is stored (content-addressed, fsynced) before the row that refers to it commits; the replaced
 * file is released in the same transaction and removed after commit when nothing else refers to it.
 */
export async function uploadApplicationAttachment(
  ctx: ServiceContext,
  applicationId: string,
  typeCode: string,
  readUpload: () => Promise<Upload>,
): Promise<ApplicationAttachment> {
  const app = await getApplicationForEdit(ctx, applicationId);
  const types = await attachmentTypesFor(ctx.db, app.clauseCode, app.subClauseCode);
  if (!types.some((t) => t.typeCode === typeCode)) {
    throw fieldError('typeCode', 'v.attachment.typeNotForClause');
  }
  const upload = await readUpload();
  if (upload.data.length > attachmentMaxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', { message: 'e.attachment.tooLarge' });
  }
  const mime = sniffFileType(upload.data);
  if (!mime) throw new AppError('UNSUPPORTED_FILE_TYPE', { message: 'e.attachment.fileType' });
  const stored = await ctx.files.put(upload.data);
  const file = { sha256: stored.sha256, size: stored.size, mime };
  const filename = cleanFilename(upload.filename);
  const userId = ctx.actor!.userId;
  const now = iso(ctx.clock.now());

  try {
    await ctx.db.transaction().execute(async (trx) => {
      // Holds the application against 提交 until this commits; 409 if it was submitted meanwhile.
      const locked = await lockApplicationForEdit(trx, ctx, applicationId);
      const current = await attachmentTypesFor(trx, locked.clauseCode, locked.subClauseCode);
      if (!current.some((t) => t.typeCode === typeCode)) {
        throw fieldError('typeCode', 'v.attachment.typeNotForClause');
      }
      const existing = await repo.find(trx, applicationId, typeCode);
      const set = {
        file_sha256: file.sha256,
        filename,
        size: file.size,
        mime,
        uploaded_by: userId,
        uploaded_at: now,
        taken_over_from: null,
      };
      if (!existing) {
        const row: AttachmentRow = {
          id: newId(),
          application_id: applicationId,
          attachment_type_code: typeCode,
          ...set,
        };
        await retainFile(trx, ctx, file, { type: ATTACHMENT_OWNER, id: row.id });
        await repo.insert(trx, row);
        await recordAudit(trx, ctx, {
          entityType: 'application',
          entityId: applicationId,
          action: 'ATTACHMENT_UPLOADED',
          organisationId: locked.organisationId,
          after: fileFacts(row),
        });
        return;
      }
      // The row moves to the new file before the old one is released (the row's foreign key needs it).
      const changed = existing.file_sha256 !== file.sha256;
      if (changed) await retainFile(trx, ctx, file, { type: ATTACHMENT_OWNER, id: existing.id });
      await repo.update(trx, existing.id, set);
      if (changed) {
        await releaseFile(trx, ctx, existing.file_sha256, { type: ATTACHMENT_OWNER, id: existing.id });
      }
      await recordAudit(trx, ctx, {
        entityType: 'application',
        entityId: applicationId,
        action: 'ATTACHMENT_REPLACED',
        organisationId: locked.organisationId,
        before: fileFacts(existing),
        after: fileFacts({ ...existing, ...set }),
      });
    });
  } catch (err) {
    // Two first uploads of one type at the same moment: the second lost the race.
    if (isUniqueViolation(err, 'application_attachments')) throw new AppError('CONFLICT');
    throw err;
  }
  const items = await listApplicationAttachments(ctx, applicationId);
  return items.find((i) => i.typeCode === typeCode)!;
}

/** 删除附件: removes the file of one type from an editable application. */
export async function deleteApplicationAttachment(
  ctx: ServiceContext,
  applicationId: string,
  typeCode: string,
): Promise<void> {
  await getApplicationForEdit(ctx, applicationId);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockApplicationForEdit(trx, ctx, applicationId);
    const existing = await repo.find(trx, applicationId, typeCode);
    if (!existing) throw notFound();
    await repo.remove(trx, existing.id);
    await releaseFile(trx, ctx, existing.file_sha256, { type: ATTACHMENT_OWNER, id: existing.id });
    await recordAudit(trx, ctx, {
      entityType: 'application',
      entityId: applicationId,
      action: 'ATTACHMENT_DELETED',
      organisationId: locked.organisationId,
      before: fileFacts(existing),
    });
  });
}

/** The file of one type of an application the actor may view, to send. */
export async function openApplicationAttachment(
  ctx: ServiceContext,
  applicationId: string,
  typeCode: string,
) {
  await getApplicationForView(ctx, applicationId);
  const row = await repo.find(ctx.db, applicationId, typeCode);
  if (!row) throw notFound();
  if (!(await ctx.files.exists(row.file_sha256))) {
    ctx.log.error(
      { sha256: row.file_sha256, applicationId, typeCode },
      'stored file missing for an attachment',
    );
    throw notFound();
  }
  return {
    filename: row.filename,
    mime: row.mime,
    size: row.size,
    stream: ctx.files.stream(row.file_sha256),
  };
}
