import type { ServiceContext } from '../../context';
import { AppError, notFound } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { sniffFileType } from '../../lib/file-storage';
import { recordAudit } from '../audit/audit.service';
import { announcementsRepository, type AttachmentRow } from './announcements.repository';
import { releaseFile, retainFile } from '../files/files.service';
import { ATTACHMENT_OWNER, isPublicAt, loadAnnouncement, toAttachment } from './announcements.service';
import { cleanFilename } from '../../lib/filenames';

/** The largest attachment accepted (the multipart limit in app.ts is the same). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface Upload {
  filename: string | undefined;
  data: Buffer;
}

/**
 * Attaches a PDF, JPEG or PNG, judged by its content, never by its name. The file is stored
 * (content-addressed, fsynced) before the row that refers to it commits.
 */
export async function addAnnouncementAttachment(ctx: ServiceContext, announcementId: string, upload: Upload) {
  if (upload.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const mime = sniffFileType(upload.data);
  if (!mime) throw new AppError('UNSUPPORTED_FILE_TYPE');
  if (!(await announcementsRepository.findById(ctx.db, announcementId))) throw notFound();

  const stored = await ctx.files.put(upload.data);
  const now = iso(ctx.clock.now());
  const row: AttachmentRow = {
    id: newId(),
    announcement_id: announcementId,
    file_sha256: stored.sha256,
    filename: cleanFilename(upload.filename),
    size: stored.size,
    mime,
    created_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await loadAnnouncement(trx, announcementId);
    await retainFile(
      trx,
      ctx,
      { sha256: stored.sha256, size: stored.size, mime },
      { type: ATTACHMENT_OWNER, id: row.id },
    );
    await announcementsRepository.insertAttachment(trx, row);
    await announcementsRepository.update(trx, announcementId, { updated_at: now });
    await recordAudit(trx, ctx, {
      entityType: 'announcement',
      entityId: announcementId,
      action: 'ANNOUNCEMENT_ATTACHMENT_ADDED',
      after: { attachmentId: row.id, filename: row.filename, size: row.size, mime, sha256: stored.sha256 },
    });
  });
  return toAttachment(row);
}

/** Removes one attachment; its stored file goes only when nothing else refers to the same content. */
export async function removeAnnouncementAttachment(
  ctx: ServiceContext,
  announcementId: string,
  attachmentId: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadAnnouncement(trx, announcementId);
    const att = await announcementsRepository.findAttachment(trx, announcementId, attachmentId);
    if (!att) throw notFound();
    await announcementsRepository.deleteAttachment(trx, att.id);
    await announcementsRepository.update(trx, announcementId, { updated_at: iso(ctx.clock.now()) });
    await releaseFile(trx, ctx, att.file_sha256, { type: ATTACHMENT_OWNER, id: att.id });
    await recordAudit(trx, ctx, {
      entityType: 'announcement',
      entityId: announcementId,
      action: 'ANNOUNCEMENT_ATTACHMENT_REMOVED',
      before: { attachmentId: att.id, filename: att.filename, size: att.size, mime: att.mime },
    });
  });
}

/**
 * An attachment to send. The public reaches only a published announcement's files once its publication
 * time has come; a draft's or a scheduled one's are "not found" to them.
 */
export async function openAnnouncementAttachment(
  ctx: ServiceContext,
  announcementId: string,
  attachmentId: string,
  audience: 'public' | 'admin',
) {
  const announcement = await announcementsRepository.findById(ctx.db, announcementId);
  if (!announcement) throw notFound();
  if (audience === 'public' && !isPublicAt(announcement, iso(ctx.clock.now()))) throw notFound();
  const att = await announcementsRepository.findAttachment(ctx.db, announcementId, attachmentId);
  if (!att) throw notFound();
  if (!(await ctx.files.exists(att.file_sha256))) {
    ctx.log.error({ sha256: att.file_sha256, attachmentId }, 'stored file missing for an attachment');
    throw notFound();
  }
  return {
    filename: att.filename,
    mime: att.mime,
    size: att.size,
    stream: ctx.files.stream(att.file_sha256),
  };
}
