import {
  applicationAttachmentListResponseSchema,
  applicationAttachmentParamsSchema,
  applicationAttachmentSchema,
  attachmentFileQuerySchema,
  idSchema,
  okSchema,
} from '@ccc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, fieldError } from '../../lib/app-error';
import { contentDisposition } from '../../lib/filenames';
import {
  deleteApplicationAttachment,
  listApplicationAttachments,
  openApplicationAttachment,
  uploadApplicationAttachment,
} from './attachments.service';

const tags = ['applications'];

/** 附件信息 of an application: list, 上传附件 (replaces), 删除附件, view/download. */
export const attachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/applications/:id/attachments',
    {
      schema: {
        tags,
        summary: 'The attachment types the clause calls for (必传 marked), each with its current file',
        params: z.object({ id: idSchema }),
        response: { 200: applicationAttachmentListResponseSchema },
      },
    },
    async (request) => ({ items: await listApplicationAttachments(request.ctx, request.params.id) }),
  );

  app.post(
    '/applications/:id/attachments/:typeCode',
    {
      schema: {
        tags,
        summary:
          'Upload (or replace) the file of one type (multipart field "file"): PDF, JPG or PNG, ≤ 20 MB',
        consumes: ['multipart/form-data'],
        params: applicationAttachmentParamsSchema,
        response: { 200: applicationAttachmentSchema },
      },
    },
    (request) =>
      uploadApplicationAttachment(request.ctx, request.params.id, request.params.typeCode, async () => {
        const file = request.isMultipart() ? await request.file() : undefined;
        if (!file) throw fieldError('file', 'v.attachment.file');
        try {
          return { filename: file.filename, data: await file.toBuffer() };
        } catch (err) {
          // The multipart limit (20 MB) stopped the body: say what to do about it.
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError('PAYLOAD_TOO_LARGE', { message: 'e.attachment.tooLarge' });
          }
          throw err;
        }
      }),
  );

  app.delete(
    '/applications/:id/attachments/:typeCode',
    {
      schema: {
        tags,
        summary: 'Delete the file of one type',
        params: applicationAttachmentParamsSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await deleteApplicationAttachment(request.ctx, request.params.id, request.params.typeCode);
      return { ok: true as const };
    },
  );

  app.get(
    '/applications/:id/attachments/:typeCode/file',
    {
      schema: {
        tags,
        summary: 'The file of one type: shown in the browser, or downloaded with ?download=1',
        params: applicationAttachmentParamsSchema,
        querystring: attachmentFileQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await openApplicationAttachment(request.ctx, request.params.id, request.params.typeCode);
      const kind = request.query.download === '1' ? 'attachment' : 'inline';
      return reply
        .type(file.mime)
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition(file.filename, kind))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .send(file.stream);
    },
  );
};
