import { z } from 'zod';
import { pageQuerySchema, requiredText } from './common';

/**
 * draft: not public. scheduled (待发布): published with a publication time still ahead; the public sees it
 * from that time on. published: public. The database stores draft | published and the time; scheduled is
 * derived from the time and the clock.
 */
export const announcementStatuses = ['draft', 'scheduled', 'published'] as const;
export type AnnouncementStatus = (typeof announcementStatuses)[number];

export const announcementAttachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int(),
  mime: z.string(),
});

export const announcementSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  pinned: z.boolean(),
  status: z.enum(announcementStatuses),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  attachmentCount: z.number().int(),
});
export type AnnouncementSummary = z.infer<typeof announcementSummarySchema>;

export const announcementDetailSchema = announcementSummarySchema.extend({
  /** Sanitised HTML: only basic formatting survives. */
  bodyHtml: z.string(),
  attachments: z.array(announcementAttachmentSchema),
});
export type AnnouncementDetail = z.infer<typeof announcementDetailSchema>;

export const announcementListResponseSchema = z.object({
  items: z.array(announcementSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const announcementListQuerySchema = pageQuerySchema.extend({
  status: z.enum(announcementStatuses).optional(),
  q: z.string().trim().max(100).optional(),
});

export const announcementBodySchema = z.object({
  title: requiredText(200),
  bodyHtml: z.string().max(200_000, { message: 'v.tooLong' }),
  pinned: z.boolean().default(false),
});
export type AnnouncementBody = z.input<typeof announcementBodySchema>;

/**
 * 发布 now (no publishAt) or 定时发布 at a future instant (ISO 8601 with offset). A scheduled announcement
 * can be published again with another time (reschedule) or with none (publish now).
 */
export const announcementPublishBodySchema = z
  .object({
    publishAt: z
      .string()
      .datetime({ offset: true, message: 'v.invalid' })
      .nullish()
      .transform((v) => (v ? new Date(v).toISOString() : null)),
  })
  .default({ publishAt: null });
export type AnnouncementPublishBody = z.input<typeof announcementPublishBodySchema>;

export const announcementPinBodySchema = z.object({ pinned: z.boolean() });

/** The user manual offered on the home page: the generated default or a file the administrator uploaded. */
export const manualInfoSchema = z.object({
  source: z.enum(['generated', 'uploaded']),
  filename: z.string(),
  size: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});

/**
 * The only markup an announcement keeps: basic formatting and links (http, https, mailto). The server
 * sanitises with exactly this list; the editor's preview mirrors it so what it shows is what is kept.
 */
export const announcementAllowedTags = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
] as const;
export const announcementLinkSchemes = ['http', 'https', 'mailto'] as const;
