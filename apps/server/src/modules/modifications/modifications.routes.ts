import {
  bureauModificationListSchema,
  bureauModificationQuerySchema,
  idSchema,
  modificationApproveBodySchema,
  modificationBodySchema,
  modificationReasonBodySchema,
  modificationRequestSchema,
  modificationReviewSchema,
  modificationStateSchema,
} from '@ccc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  decideModification,
  getModificationReview,
  listBureauModifications,
} from './modification-review.service';
import { getModificationState, saveModification, submitModification } from './modifications.service';

const numberParams = z.object({ number: z.string().trim().min(1).max(40) });
const idParams = z.object({ id: idSchema });

/**
 * 申请修改证明 (SPEC §3.8): the enterprise's request on its certificate (read, 保存, 提交), and the issuing
 * bureau's list, comparison and decisions under /bureau/modifications. Another party's certificate or request
 * is 404 (audited); an enterprise on the bureau's routes (or an officer on 保存/提交) is 403.
 */
export const modificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['modifications'];
  const enterprise = app.requireRole('enterprise');
  const officer = app.requireRole('officer');

  app.get(
    '/certificates/:number/modification',
    {
      preHandler: app.requireRole('enterprise', 'officer', 'admin'),
      schema: {
        tags,
        summary:
          'The certificate’s modification: current content, the request (or null), whether one may be made now',
        params: numberParams,
        response: { 200: modificationStateSchema },
      },
    },
    async (request) => getModificationState(request.ctx, request.params.number),
  );

  app.put(
    '/certificates/:number/modification',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary:
          '保存: creates the one request of the certificate number, or updates it while 未提交 / 已退回',
        params: numberParams,
        body: modificationBodySchema,
        response: { 200: modificationRequestSchema },
      },
    },
    async (request) => saveModification(request.ctx, request.params.number, request.body),
  );

  app.post(
    '/certificates/:number/modification/submit',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '提交 to the issuing bureau (未提交 / 已退回 → 待审核)',
        params: numberParams,
        response: { 200: modificationRequestSchema },
      },
    },
    async (request) => submitModification(request.ctx, request.params.number),
  );

  app.get(
    '/bureau/modifications',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: 'The bureau’s modification requests, oldest submission first',
        querystring: bureauModificationQuerySchema,
        response: { 200: bureauModificationListSchema },
      },
    },
    async (request) => listBureauModifications(request.ctx, request.query),
  );

  app.get(
    '/bureau/modifications/:id',
    {
      preHandler: officer,
      schema: {
        tags,
        summary: 'A modification request with the field-by-field comparison',
        params: idParams,
        response: { 200: modificationReviewSchema },
      },
    },
    async (request) => getModificationReview(request.ctx, request.params.id),
  );

  app.post(
    '/bureau/modifications/:id/approve',
    {
      preHandler: officer,
      schema: {
        tags,
        summary:
          '批准: issues the modified version (letter M) and supersedes the original, in one transaction',
        params: idParams,
        body: modificationApproveBodySchema,
        response: { 200: modificationReviewSchema },
      },
    },
    async (request) =>
      decideModification(request.ctx, request.params.id, 'approve', {
        expectedStatus: request.body.expectedStatus,
      }),
  );

  for (const decision of ['return', 'refuse'] as const) {
    app.post(
      `/bureau/modifications/:id/${decision}`,
      {
        preHandler: officer,
        schema: {
          tags,
          summary: decision === 'return' ? '退回 with a reason' : '不予修改 with a reason (final)',
          params: idParams,
          body: modificationReasonBodySchema,
          response: { 200: modificationReviewSchema },
        },
      },
      async (request) => decideModification(request.ctx, request.params.id, decision, request.body),
    );
  }
};
