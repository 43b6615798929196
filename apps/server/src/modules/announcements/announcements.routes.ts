import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  announcementDetailSchema,
  announcementListResponseSchema,
  idSchema,
  pageQuerySchema,
} from '@ccc/domain';
import { openAnnouncementAttachment } from './announcement-attachments.service';
import { getPublishedAnnouncement, listPublishedAnnouncements } from './announcements.service';
import { sendAttachment } from './send-attachment';

const tags = ['announcements'];

/** The home page's announcements, for anyone, without login: published ones only. */
export const announcementsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    {
      schema: {
        tags,
        summary: 'Published announcements, pinned first, then the newest',
        querystring: pageQuerySchema,
        response: { 200: announcementListResponseSchema },
      },
    },
    (request) => listPublishedAnnouncements(request.ctx, request.query),
  );

  app.get(
    '/:id',
    {
      schema: { tags, params: z.object({ id: idSchema }), response: { 200: announcementDetailSchema } },
    },
    (request) => getPublishedAnnouncement(request.ctx, request.params.id),
  );

  app.get(
    '/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: "Download a published announcement's attachment",
        params: z.object({ id: idSchema, attachmentId: idSchema }),
      },
    },
    async (request, reply) =>
      sendAttachment(
        reply,
        await openAnnouncementAttachment(
          request.ctx,
          request.params.id,
          request.params.attachmentId,
          'public',
        ),
      ),
  );
};
