import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditActionsResponseSchema,
  auditExportQuerySchema,
  auditListResponseSchema,
  auditQuerySchema,
} from '@ccc/domain';
import { contentDisposition } from '../../lib/filenames';
import { auditExportFilename, exportAudit } from './audit-export.service';
import { listAuditActions, searchAudit } from './audit-search.service';

const tags = ['admin: audit'];

/**
 * 审计日志 (administrator): search and export. Read-only by design: there is no route that changes or
 * deletes a row, and the database refuses UPDATE and DELETE on audit_log (migrations 0001 and 0006).
 */
export const auditAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireRole('admin'));

  app.get(
    '',
    {
      schema: {
        tags,
        summary:
          'Search the audit log, newest first: by actor, organisation, bureau, 申请编号, 证明号, action, object type and China dates',
        querystring: auditQuerySchema,
        response: { 200: auditListResponseSchema },
      },
    },
    (request) => searchAudit(request.ctx, request.query),
  );

  app.get(
    '/actions',
    {
      schema: {
        tags,
        summary: 'The distinct actions in the log, with Chinese labels',
        response: { 200: auditActionsResponseSchema },
      },
    },
    (request) => listAuditActions(request.ctx),
  );

  app.get(
    '/export',
    {
      schema: {
        tags,
        summary: 'The same search as .xlsx or .csv (at most 100,000 rows, streamed)',
        querystring: auditExportQuerySchema,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const stream = exportAudit(request.ctx, filter, format);
      return reply
        .type(
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', contentDisposition(auditExportFilename(request.ctx, format)))
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
};
