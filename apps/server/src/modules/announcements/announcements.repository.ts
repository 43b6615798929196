import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { AnnouncementAttachmentsTable, AnnouncementsTable, Database } from '../../db/schema';

type Tx = Transaction<Database> | Db;

/** `%text%` for LIKE, with the wildcards in the text itself escaped (used with ESCAPE '\'). */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const attachmentCount = (eb: ExpressionBuilder<Database, 'announcements'>) =>
  eb
    .selectFrom('announcement_attachments')
    .select((sub) => sub.cast<number>(sub.fn.countAll(), 'integer').as('n'))
    .whereRef('announcement_attachments.announcement_id', '=', 'announcements.id')
    .as('attachment_count');

const summaryColumns = [
  'announcements.id',
  'announcements.title',
  'announcements.pinned',
  'announcements.status',
  'announcements.published_at',
  'announcements.updated_at',
] as const;

export interface AnnouncementFilter {
  /** draft | scheduled | published, as the console shows them (scheduled and published judged at `now`). */
  status?: string;
  q?: string;
  /** The clock's instant (ISO): a published announcement is public from its published_at on. */
  now: string;
}

function filtered(db: Tx, f: AnnouncementFilter) {
  let query = db.selectFrom('announcements');
  if (f.status === 'draft') query = query.where('announcements.status', '=', 'draft');
  if (f.status === 'published') {
    query = query
      .where('announcements.status', '=', 'published')
      .where('announcements.published_at', '<=', f.now);
  }
  if (f.status === 'scheduled') {
    query = query
      .where('announcements.status', '=', 'published')
      .where('announcements.published_at', '>', f.now);
  }
  if (f.q) {
    query = query.where(sql<boolean>`lower(announcements.title) like ${containsPattern(f.q)} escape '\\'`);
  }
  return query;
}

export const announcementsRepository = {
  /** A page of announcements. Published ones sort pinned first, then newest published. */
  list: (db: Tx, f: AnnouncementFilter, order: 'public' | 'admin', offset: number, limit: number) => {
    let query = filtered(db, f).select([...summaryColumns, attachmentCount]);
    query =
      order === 'public'
        ? query.orderBy('announcements.pinned', 'desc').orderBy('announcements.published_at', 'desc')
        : query.orderBy('announcements.updated_at', 'desc');
    return query.orderBy('announcements.id', 'desc').offset(offset).limit(limit).execute();
  },

  count: async (db: Tx, f: AnnouncementFilter) => {
    const row = await filtered(db, f)
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  },

  titlesOf: (db: Tx, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([] as { id: string; title: string }[])
      : db.selectFrom('announcements').select(['id', 'title']).where('id', 'in', ids).execute(),

  findById: (db: Tx, id: string) =>
    db.selectFrom('announcements').selectAll().where('id', '=', id).executeTakeFirst(),

  insert: (trx: Tx, row: AnnouncementsTable) => trx.insertInto('announcements').values(row).execute(),

  update: (
    trx: Tx,
    id: string,
    patch: Partial<Pick<AnnouncementsTable, 'title' | 'body_html' | 'pinned' | 'updated_at'>>,
  ) => trx.updateTable('announcements').set(patch).where('id', '=', id).returningAll().executeTakeFirst(),

  /**
   * Compare-and-set: only moves the announcement if it is still in status `from` with publication time
   * `fromPublishedAt` (as read); undefined otherwise.
   */
  changeStatus: (
    trx: Tx,
    id: string,
    from: { status: string; publishedAt: string | null },
    to: { status: string; publishedAt: string | null },
    updatedAt: string,
  ) =>
    trx
      .updateTable('announcements')
      .set({ status: to.status, published_at: to.publishedAt, updated_at: updatedAt })
      .where('id', '=', id)
      .where('status', '=', from.status)
      .where((eb) =>
        from.publishedAt === null
          ? eb('published_at', 'is', null)
          : eb('published_at', '=', from.publishedAt),
      )
      .returningAll()
      .executeTakeFirst(),

  /** Deletes a draft (compare-and-set on the status); the number of rows removed. */
  deleteDraft: async (trx: Tx, id: string) => {
    const res = await trx
      .deleteFrom('announcements')
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  },

  attachmentsOf: (db: Tx, announcementId: string) =>
    db
      .selectFrom('announcement_attachments')
      .selectAll()
      .where('announcement_id', '=', announcementId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),

  findAttachment: (db: Tx, announcementId: string, attachmentId: string) =>
    db
      .selectFrom('announcement_attachments')
      .selectAll()
      .where('announcement_id', '=', announcementId)
      .where('id', '=', attachmentId)
      .executeTakeFirst(),

  insertAttachment: (trx: Tx, row: AnnouncementAttachmentsTable) =>
    trx.insertInto('announcement_attachments').values(row).execute(),

  deleteAttachment: (trx: Tx, id: string) =>
    trx.deleteFrom('announcement_attachments').where('id', '=', id).execute(),

  deleteAttachmentsOf: (trx: Tx, announcementId: string) =>
    trx
      .deleteFrom('announcement_attachments')
      .where('announcement_id', '=', announcementId)
      .returning(['id', 'file_sha256'])
      .execute(),
};

export type AnnouncementRow = AnnouncementsTable;
export type AttachmentRow = AnnouncementAttachmentsTable;
