import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  announcementAttachmentSchema,
  announcementBodySchema,
  announcementDetailSchema,
  announcementListQuerySchema,
  announcementListResponseSchema,
  announcementPinBodySchema,
  announcementPublishBodySchema,
  idSchema,
  okSchema,
} from '@ccc/domain';
import { fieldError } from '../../lib/app-error';
import {
  addAnnouncementAttachment,
  openAnnouncementAttachment,
  removeAnnouncementAttachment,
} from './announcement-attachments.service';
import {
  createAnnouncement,
  deleteAnnouncement,
  getAnnouncement,
  listAnnouncements,
  pinAnnouncement,
  publishAnnouncement,
  unpublishAnnouncement,
  updateAnnouncement,
} from './announcements.service';
import { sendAttachment } from './send-attachment';

const idParams = z.object({ id: idSchema });
const attachmentParams = z.object({ id: idSchema, attachmentId: idSchema });
const tags = ['admin: announcements'];

/** The administration's announcements (认监委发布的信息): drafts, publishing, pinning, attachments. */
export const announcementsAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireRole('admin'));

  app.get(
    '',
    {
      schema: {
        tags,
        summary: 'List announcements in every status',
        querystring: announcementListQuerySchema,
        response: { 200: announcementListResponseSchema },
      },
    },
    (request) => listAnnouncements(request.ctx, request.query),
  );

  app.get(
    '/:id',
    { schema: { tags, params: idParams, response: { 200: announcementDetailSchema } } },
    (request) => getAnnouncement(request.ctx, request.params.id),
  );

  app.post(
    '',
    {
      schema: {
        tags,
        summary: 'Create a draft announcement (the body HTML is sanitised)',
        body: announcementBodySchema,
        response: { 201: announcementDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createAnnouncement(request.ctx, request.body)),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: announcementBodySchema,
        response: { 200: announcementDetailSchema },
      },
    },
    (request) => updateAnnouncement(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/:id/publish',
    {
      schema: {
        tags,
        summary:
          'Publish now, or at publishAt (定时发布: a future instant); a scheduled one can be rescheduled or published now',
        params: idParams,
        body: announcementPublishBodySchema,
        response: { 200: announcementDetailSchema },
      },
    },
    (request) => publishAnnouncement(request.ctx, request.params.id, request.body.publishAt),
  );

  app.post(
    '/:id/unpublish',
    {
      schema: {
        tags,
        summary: 'Back to draft: a published or scheduled announcement leaves the home page',
        params: idParams,
        response: { 200: announcementDetailSchema },
      },
    },
    (request) => unpublishAnnouncement(request.ctx, request.params.id),
  );

  app.post(
    '/:id/pin',
    {
      schema: {
        tags,
        params: idParams,
        body: announcementPinBodySchema,
        response: { 200: announcementDetailSchema },
      },
    },
    (request) => pinAnnouncement(request.ctx, request.params.id, request.body.pinned),
  );

  app.delete(
    '/:id',
    { schema: { tags, summary: 'Delete a draft', params: idParams, response: { 200: okSchema } } },
    async (request) => {
      await deleteAnnouncement(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach one file (multipart field "file"): PDF, JPG or PNG, at most 20 MB',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: announcementAttachmentSchema },
      },
    },
    async (request, reply) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw fieldError('file', 'v.required');
      const data = await file.toBuffer();
      const attachment = await addAnnouncementAttachment(request.ctx, request.params.id, {
        filename: file.filename,
        data,
      });
      return reply.status(201).send(attachment);
    },
  );

  app.get(
    '/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Download an attachment, also of a draft', params: attachmentParams } },
    async (request, reply) =>
      sendAttachment(
        reply,
        await openAnnouncementAttachment(
          request.ctx,
          request.params.id,
          request.params.attachmentId,
          'admin',
        ),
      ),
  );

  app.delete(
    '/:id/attachments/:attachmentId',
    { schema: { tags, params: attachmentParams, response: { 200: okSchema } } },
    async (request) => {
      await removeAnnouncementAttachment(request.ctx, request.params.id, request.params.attachmentId);
      return { ok: true as const };
    },
  );
};
