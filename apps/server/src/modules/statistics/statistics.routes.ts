import { statisticsQuerySchema, statisticsResponseSchema } from '@ccc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../lib/filenames';
import { exportStatistics } from './statistics-export';
import { getStatistics, statisticsExportFilename } from './statistics.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['statistics'];

/**
 * 统计分析: the same two routes for the administrator (mounted at /admin: every bureau or `bureau`) and for
 * officers (mounted at /bureau: always the officer's own bureau, a `bureau` in the query is ignored).
 */
function statisticsRoutes(role: 'admin' | 'officer'): FastifyPluginAsyncZod {
  return async (app) => {
    const preHandler = app.requireRole(role);

    app.get(
      '/statistics',
      {
        preHandler,
        schema: {
          tags,
          summary:
            'Applications by state, clause, bureau, month and HS chapter; certificates; decision time; overdue',
          querystring: statisticsQuerySchema,
          response: { 200: statisticsResponseSchema },
        },
      },
      async (request) => getStatistics(request.ctx, request.query),
    );

    app.get(
      '/statistics/export',
      {
        preHandler,
        schema: {
          tags,
          summary: 'Every table of the statistics as one .xlsx',
          querystring: statisticsQuerySchema,
        },
      },
      async (request, reply) => {
        const { buffer, scope } = await exportStatistics(request.ctx, request.query);
        return reply
          .type(XLSX)
          .header('content-disposition', contentDisposition(statisticsExportFilename(scope)))
          .header('cache-control', 'no-store')
          .send(buffer);
      },
    );
  };
}

export const statisticsAdminRoutes = statisticsRoutes('admin');
export const statisticsBureauRoutes = statisticsRoutes('officer');
