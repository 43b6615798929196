import {
  bureauSearchFilterSchema,
  bureauSearchQuerySchema,
  bureauSearchResponseSchema,
  decisionBodySchema,
  decisionReasonBodySchema,
  idSchema,
  inboxQuerySchema,
  inboxResponseSchema,
  reviewDetailSchema,
} from '@ccc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../lib/filenames';
import {
  bureauExportFilename,
  exportApplications,
  getInbox,
  searchApplications,
} from './review-search.service';
import { decide, getReviewDetail } from './review.service';

const idParams = z.object({ id: idSchema });

/**
 * 受理与审核 (SPEC §4), mounted under /bureau: the officer's inbox, search and export, the case, and the
 * decisions 受理, 退回, 批准发证, 不予免办. Officers only, and only their own bureau's cases: another
 * bureau's case, a draft or an unknown id is 404 (audited).
 */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const officer = app.requireRole('officer');
  const tags = ['bureau'];

  app.get(
    '/inbox',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: '待受理 and 审核中 cases, oldest submission first, with the service clock and tab counts',
        querystring: inboxQuerySchema,
        response: { 200: inboxResponseSchema },
      },
    },
    async (request) => getInbox(request.ctx, request.query),
  );

  app.get(
    '/applications',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: '查询 over the bureau’s cases and certificates, newest first (never drafts)',
        querystring: bureauSearchQuerySchema,
        response: { 200: bureauSearchResponseSchema },
      },
    },
    async (request) => searchApplications(request.ctx, request.query),
  );

  app.get(
    '/applications/export',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: 'The same search as an Excel workbook (.xlsx), streamed',
        querystring: bureauSearchFilterSchema,
      },
    },
    async (request, reply) => {
      const stream = exportApplications(request.ctx, request.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(bureauExportFilename(request.ctx)))
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );

  app.get(
    '/applications/:id',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: 'The case with its service clock, the last 退回 and what changed since, and its certificate',
        params: idParams,
        response: { 200: reviewDetailSchema },
      },
    },
    async (request) => getReviewDetail(request.ctx, request.params.id),
  );

  const decisions = [
    { path: 'accept', decision: 'accept', summary: '受理: 待受理 → 审核中' },
    { path: 'approve', decision: 'approve', summary: '批准发证: 审核中 → 已发证, issues the certificate' },
  ] as const;
  for (const d of decisions) {
    app.post(
      `/applications/:id/${d.path}`,
      {
        preHandler: officer,
        schema: {
          tags,
          summary: d.summary,
          params: idParams,
          body: decisionBodySchema.optional(),
          response: { 200: reviewDetailSchema },
        },
      },
      async (request) => decide(request.ctx, request.params.id, d.decision, request.body ?? {}),
    );
  }

  const withReason = [
    { path: 'return', decision: 'return', summary: '退回 with a reason: 待受理/审核中 → 已退回' },
    { path: 'refuse', decision: 'refuse', summary: '不予免办 with a reason: 审核中 → 不予免办 (final)' },
  ] as const;
  for (const d of withReason) {
    app.post(
      `/applications/:id/${d.path}`,
      {
        preHandler: officer,
        schema: {
          tags,
          summary: d.summary,
          params: idParams,
          body: decisionReasonBodySchema,
          response: { 200: reviewDetailSchema },
        },
      },
      async (request) => decide(request.ctx, request.params.id, d.decision, request.body),
    );
  }
};
