import {
  idSchema,
  overdueQuerySchema,
  overdueResponseSchema,
  reportDeadlinesBodySchema,
  reportDeadlinesResponseSchema,
  returnRecordBodySchema,
  supervisionRecordDetailSchema,
  supervisionRecordsFilterSchema,
  supervisionRecordsQuerySchema,
  supervisionRecordsResponseSchema,
} from '@ccc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../lib/filenames';
import { getReportDeadlines, saveReportDeadlines } from './report-deadlines.service';
import { exportOverdue, exportSupervisionRecords } from './supervision-export';
import {
  decideRecord,
  getSupervisionRecord,
  listOverdue,
  listSupervisionRecords,
  supervisionExportFilename,
} from './supervision.service';

const idParams = z.object({ id: idSchema });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 后续监管 (SPEC §4), mounted under /bureau/supervision: officers of the issuing bureau only; another bureau's
 * record is 404 (audited).
 */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const officer = app.requireRole('officer');
  const tags = ['supervision'];

  app.get(
    '/records',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: 'Records to check (已提交 by default), oldest submission first',
        querystring: supervisionRecordsQuerySchema,
        response: { 200: supervisionRecordsResponseSchema },
      },
    },
    async (request) => listSupervisionRecords(request.ctx, request.query),
  );

  app.get(
    '/records/export',
    {
      preHandler: officer,
      schema: { tags, summary: 'The records list as .xlsx', querystring: supervisionRecordsFilterSchema },
    },
    async (request, reply) => {
      const buffer = await exportSupervisionRecords(request.ctx, request.query);
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(supervisionExportFilename(request.ctx, 'records')))
        .header('cache-control', 'no-store')
        .send(buffer);
    },
  );

  app.get(
    '/records/:id',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: 'One record with its certificate’s ledger',
        params: idParams,
        response: { 200: supervisionRecordDetailSchema },
      },
    },
    async (request) => getSupervisionRecord(request.ctx, request.params.id),
  );

  app.post(
    '/records/:id/verify',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: '核查通过',
        params: idParams,
        response: { 200: supervisionRecordDetailSchema },
      },
    },
    async (request) => decideRecord(request.ctx, request.params.id, 'verify'),
  );

  app.post(
    '/records/:id/return',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: '退回 with a reason',
        params: idParams,
        body: returnRecordBodySchema,
        response: { 200: supervisionRecordDetailSchema },
      },
    },
    async (request) => decideRecord(request.ctx, request.params.id, 'return', request.body.reason),
  );

  app.get(
    '/overdue',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: 'Certificates whose reports are overdue',
        querystring: overdueQuerySchema,
        response: { 200: overdueResponseSchema },
      },
    },
    async (request) => listOverdue(request.ctx, request.query),
  );

  app.get(
    '/overdue/export',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: 'The overdue list as .xlsx',
        querystring: overdueQuerySchema.pick({ q: true }),
      },
    },
    async (request, reply) => {
      const buffer = await exportOverdue(request.ctx, request.query.q);
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(supervisionExportFilename(request.ctx, 'overdue')))
        .header('cache-control', 'no-store')
        .send(buffer);
    },
  );
};

/** Per-clause reporting deadlines, mounted under /admin. */
export const reportDeadlinesAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = app.requireRole('admin');
  const tags = ['admin'];
  app.get(
    '/report-deadlines',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Reporting deadline of each clause',
        response: { 200: reportDeadlinesResponseSchema },
      },
    },
    async (request) => getReportDeadlines(request.ctx),
  );
  app.put(
    '/report-deadlines',
    {
      preHandler: admin,
      schema: {
        tags,
        summary: 'Set clauses’ reporting deadlines',
        body: reportDeadlinesBodySchema,
        response: { 200: reportDeadlinesResponseSchema },
      },
    },
    async (request) => saveReportDeadlines(request.ctx, request.body),
  );
};
