import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bureauWorkspaceResponseSchema } from '@ccc/domain';
import { getBureauWorkspace } from './bureau-workspace.service';

/** The bureau workspace (officers only): for now its first page, the officer's own bureau. */
export const bureauWorkspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/workspace',
    {
      preHandler: app.requireRole('officer'),
      schema: {
        tags: ['bureau'],
        summary: "The officer's own bureau: coverage, service levels and officers",
        response: { 200: bureauWorkspaceResponseSchema },
      },
    },
    (request) => getBureauWorkspace(request.ctx),
  );
};
