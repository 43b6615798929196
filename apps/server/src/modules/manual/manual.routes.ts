import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { manualInfoSchema } from '@ccc/domain';
import { fieldError } from '../../lib/app-error';
import { contentDisposition } from '../../lib/filenames';
import { getManualFile, getManualInfo, replaceManual, resetManual } from './manual.service';

const tags = ['manual'];

/** 用户操作手册下载 (public) and its administration (认监委管理员). */
export const manualRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/manual',
    {
      schema: {
        tags,
        summary:
          'Download the user manual (PDF): the uploaded one, else the one generated from docs/user-manual',
      },
    },
    async (request, reply) => {
      const file = await getManualFile(request.ctx);
      const etag = `"${file.sha256}"`;
      void reply.header('etag', etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply
        .type('application/pdf')
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .send(request.ctx.files.stream(file.sha256));
    },
  );

  app.get(
    '/manual/info',
    {
      schema: {
        tags,
        summary: 'Which manual the home page offers, its size and date',
        response: { 200: manualInfoSchema },
      },
    },
    async (request) => getManualInfo(request.ctx),
  );

  app.post(
    '/admin/manual',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        tags,
        summary: 'Replace the manual (multipart field "file"): one PDF, at most 20 MB, checked by content',
        consumes: ['multipart/form-data'],
        response: { 200: manualInfoSchema },
      },
    },
    async (request) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw fieldError('file', 'v.required');
      const data = await file.toBuffer();
      return replaceManual(request.ctx, { filename: file.filename, data });
    },
  );

  app.delete(
    '/admin/manual',
    {
      preHandler: app.requireRole('admin'),
      schema: { tags, summary: 'Offer the generated manual again', response: { 200: manualInfoSchema } },
    },
    async (request) => resetManual(request.ctx),
  );
};
