import type { Transaction } from 'kysely';
import type {
  AnnouncementDetail,
  AnnouncementStatus,
  AnnouncementSummary,
  announcementBodySchema,
  announcementListQuerySchema,
} from '@ccc/domain';
import type { z } from 'zod';
import type { ServiceContext } from '../../context';
import type { Database } from '../../db/schema';
import { AppError, fieldError, notFound } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { recordAudit } from '../audit/audit.service';
import { releaseFile } from '../files/files.service';
import {
  announcementsRepository,
  type AnnouncementRow,
  type AttachmentRow,
} from './announcements.repository';
import { sanitizeAnnouncementHtml } from './sanitize-announcement-html';

type ListQuery = z.output<typeof announcementListQuerySchema>;
type AnnouncementInput = z.output<typeof announcementBodySchema>;

/** How announcement attachments appear in file_references. */
export const ATTACHMENT_OWNER = 'announcement_attachment';

export const toAttachment = (a: AttachmentRow) => ({
  id: a.id,
  filename: a.filename,
  size: a.size,
  mime: a.mime,
});

/** draft, or published — 待发布 (scheduled) while its publication time is still ahead of `now`. */
export function statusAt(
  row: Pick<AnnouncementRow, 'status' | 'published_at'>,
  now: string,
): AnnouncementStatus {
  if (row.status !== 'published') return 'draft';
  return row.published_at && row.published_at > now ? 'scheduled' : 'published';
}

/** Whether the public may see it: published, and its publication time has come. */
export const isPublicAt = (row: Pick<AnnouncementRow, 'status' | 'published_at'>, now: string) =>
  statusAt(row, now) === 'published';

function toSummary(
  row: Omit<AnnouncementRow, 'body_html' | 'created_by' | 'created_at'>,
  count: number,
  now: string,
) {
  return {
    id: row.id,
    title: row.title,
    pinned: row.pinned === 1,
    status: statusAt(row, now),
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    attachmentCount: count,
  } satisfies AnnouncementSummary;
}

function toDetail(row: AnnouncementRow, attachments: AttachmentRow[], now: string): AnnouncementDetail {
  return {
    ...toSummary(row, attachments.length, now),
    bodyHtml: row.body_html,
    attachments: attachments.map(toAttachment),
  };
}

/** What the audit log keeps of an announcement: not the whole body, which may be long. */
const auditView = (row: AnnouncementRow) => ({
  title: row.title,
  status: row.status,
  pinned: row.pinned === 1,
  publishedAt: row.published_at,
  bodyLength: row.body_html.length,
});

async function page(ctx: ServiceContext, query: ListQuery, order: 'public' | 'admin') {
  const now = iso(ctx.clock.now());
  const filter = { status: query.status, q: query.q || undefined, now };
  const offset = (query.page - 1) * query.pageSize;
  const [rows, total] = await Promise.all([
    announcementsRepository.list(ctx.db, filter, order, offset, query.pageSize),
    announcementsRepository.count(ctx.db, filter),
  ]);
  return {
    items: rows.map((r) => toSummary(r, r.attachment_count ?? 0, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The home page list: published only, and only once their publication time has come (a condition on
 * published_at in SQL with the injected clock: no timer, any instance answers the same), pinned first,
 * then the newest.
 */
export const listPublishedAnnouncements = (ctx: ServiceContext, query: ListQuery) =>
  page(ctx, { ...query, status: 'published' }, 'public');

/** The administrator's list: every status, the most recently changed first. */
export const listAnnouncements = (ctx: ServiceContext, query: ListQuery) => page(ctx, query, 'admin');

/** One announcement as the public sees it: a draft does not exist for them. */
export async function getPublishedAnnouncement(ctx: ServiceContext, id: string): Promise<AnnouncementDetail> {
  const row = await announcementsRepository.findById(ctx.db, id);
  const now = iso(ctx.clock.now());
  if (!row || !isPublicAt(row, now)) throw notFound();
  return toDetail(row, await announcementsRepository.attachmentsOf(ctx.db, id), now);
}

export async function getAnnouncement(ctx: ServiceContext, id: string): Promise<AnnouncementDetail> {
  const row = await announcementsRepository.findById(ctx.db, id);
  if (!row) throw notFound();
  return toDetail(row, await announcementsRepository.attachmentsOf(ctx.db, id), iso(ctx.clock.now()));
}

/** Titles by announcement id, for the ids that still exist (the audit log's readable labels). */
export async function announcementTitles(
  ctx: Pick<ServiceContext, 'db'>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await announcementsRepository.titlesOf(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Loads the announcement inside a transaction, or 404. */
export async function loadAnnouncement(trx: Transaction<Database>, id: string): Promise<AnnouncementRow> {
  const row = await announcementsRepository.findById(trx, id);
  if (!row) throw notFound();
  return row;
}

/** A new announcement is a draft; the public sees it only once it is published. */
export async function createAnnouncement(
  ctx: ServiceContext,
  input: AnnouncementInput,
): Promise<AnnouncementDetail> {
  const now = iso(ctx.clock.now());
  const row: AnnouncementRow = {
    id: newId(),
    title: input.title,
    body_html: sanitizeAnnouncementHtml(input.bodyHtml),
    pinned: input.pinned ? 1 : 0,
    status: 'draft',
    published_at: null,
    created_by: ctx.actor!.userId,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await announcementsRepository.insert(trx, row);
    await recordAudit(trx, ctx, {
      entityType: 'announcement',
      entityId: row.id,
      action: 'ANNOUNCEMENT_CREATED',
      after: auditView(row),
    });
  });
  return toDetail(row, [], now);
}

/** Edits title, body and pin, in either status (a published notice can be corrected in place). */
export async function updateAnnouncement(
  ctx: ServiceContext,
  id: string,
  input: AnnouncementInput,
): Promise<AnnouncementDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadAnnouncement(trx, id);
    const after = await announcementsRepository.update(trx, id, {
      title: input.title,
      body_html: sanitizeAnnouncementHtml(input.bodyHtml),
      pinned: input.pinned ? 1 : 0,
      updated_at: iso(ctx.clock.now()),
    });
    if (!after) throw notFound();
    await recordAudit(trx, ctx, {
      entityType: 'announcement',
      entityId: id,
      action: 'ANNOUNCEMENT_UPDATED',
      before: auditView(before),
      after: auditView(after),
    });
    return toDetail(after, await announcementsRepository.attachmentsOf(trx, id), iso(ctx.clock.now()));
  });
}

/**
 * 发布: a draft is published now, or at `publishAt` (定时发布, a future instant); a scheduled one can be
 * published again with another time (reschedule) or now. An announcement already public answers
 * INVALID_TRANSITION. A compare-and-set on status and time: racing another administrator answers
 * INVALID_TRANSITION too.
 */
export async function publishAnnouncement(
  ctx: ServiceContext,
  id: string,
  publishAt: string | null,
): Promise<AnnouncementDetail> {
  const now = iso(ctx.clock.now());
  if (publishAt !== null && publishAt <= now) throw fieldError('publishAt', 'v.announcement.publishAtPast');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadAnnouncement(trx, id);
    if (statusAt(before, now) === 'published') throw new AppError('INVALID_TRANSITION');
    const after = await announcementsRepository.changeStatus(
      trx,
      id,
      { status: before.status, publishedAt: before.published_at },
      { status: 'published', publishedAt: publishAt ?? now },
      now,
    );
    if (!after) throw new AppError('INVALID_TRANSITION');
    await recordAudit(trx, ctx, {
      entityType: 'announcement',
      entityId: id,
      action: publishAt ? 'ANNOUNCEMENT_SCHEDULED' : 'ANNOUNCEMENT_PUBLISHED',
      before: auditView(before),
      after: auditView(after),
    });
    return toDetail(after, await announcementsRepository.attachmentsOf(trx, id), now);
  });
}

/** 撤回: a published or scheduled announcement goes back to draft (and off the home page). */
export async function unpublishAnnouncement(ctx: ServiceContext, id: string): Promise<AnnouncementDetail> {
  const now = iso(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadAnnouncement(trx, id);
    if (before.status !== 'published') throw new AppError('INVALID_TRANSITION');
    const after = await announcementsRepository.changeStatus(
      trx,
      id,
      { status: before.status, publishedAt: before.published_at },
      { status: 'draft', publishedAt: null },
      now,
    );
    if (!after) throw new AppError('INVALID_TRANSITION');
    await recordAudit(trx, ctx, {
      entityType: 'announcement',
      entityId: id,
      action: 'ANNOUNCEMENT_UNPUBLISHED',
      before: auditView(before),
      after: auditView(after),
    });
    return toDetail(after, await announcementsRepository.attachmentsOf(trx, id), now);
  });
}

/** Pinned announcements head the home page list. */
export async function pinAnnouncement(
  ctx: ServiceContext,
  id: string,
  pinned: boolean,
): Promise<AnnouncementDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadAnnouncement(trx, id);
    const after = await announcementsRepository.update(trx, id, {
      pinned: pinned ? 1 : 0,
      updated_at: iso(ctx.clock.now()),
    });
    if (!after) throw notFound();
    await recordAudit(trx, ctx, {
      entityType: 'announcement',
      entityId: id,
      action: pinned ? 'ANNOUNCEMENT_PINNED' : 'ANNOUNCEMENT_UNPINNED',
      before: auditView(before),
      after: auditView(after),
    });
    return toDetail(after, await announcementsRepository.attachmentsOf(trx, id), iso(ctx.clock.now()));
  });
}

/**
 * Only a draft can be deleted (a published one is unpublished first). Its attachments go with it; a
 * stored file is left to the collector, which removes it only when no row refers to it any more.
 */
export async function deleteAnnouncement(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadAnnouncement(trx, id);
    if (before.status !== 'draft') throw new AppError('INVALID_TRANSITION');
    const removed = await announcementsRepository.deleteAttachmentsOf(trx, id);
    if ((await announcementsRepository.deleteDraft(trx, id)) === 0) throw new AppError('INVALID_TRANSITION');
    for (const r of removed) {
      await releaseFile(trx, ctx, r.file_sha256, { type: ATTACHMENT_OWNER, id: r.id });
    }
    await recordAudit(trx, ctx, {
      entityType: 'announcement',
      entityId: id,
      action: 'ANNOUNCEMENT_DELETED',
      before: { ...auditView(before), attachmentCount: removed.length },
    });
  });
}
