import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createOfficerBodySchema,
  idSchema,
  officerListQuerySchema,
  officerListResponseSchema,
  officerPasswordBodySchema,
  officerSchema,
  officerStatusBodySchema,
  okSchema,
  updateOfficerBodySchema,
} from '@ccc/domain';
import {
  createOfficer,
  getOfficer,
  listOfficers,
  setOfficerPassword,
  setOfficerStatus,
  updateOfficer,
} from './officers.service';

const idParams = z.object({ id: idSchema });
const tags = ['admin: officers'];

/** The administration's bureau officer accounts (审核人员账号). */
export const officersAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireRole('admin'));

  app.get(
    '',
    {
      schema: {
        tags,
        summary: 'List officers, newest first',
        querystring: officerListQuerySchema,
        response: { 200: officerListResponseSchema },
      },
    },
    (request) => listOfficers(request.ctx, request.query),
  );

  app.get('/:id', { schema: { tags, params: idParams, response: { 200: officerSchema } } }, (request) =>
    getOfficer(request.ctx, request.params.id),
  );

  app.post(
    '',
    {
      schema: {
        tags,
        summary: 'Create an officer account tied to one bureau (the officer is told by e-mail)',
        body: createOfficerBodySchema,
        response: { 201: officerSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createOfficer(request.ctx, request.body)),
  );

  app.put(
    '/:id',
    { schema: { tags, params: idParams, body: updateOfficerBodySchema, response: { 200: officerSchema } } },
    (request) => updateOfficer(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/:id/status',
    {
      schema: {
        tags,
        summary: 'Enable or disable (disabling ends every session of the officer)',
        params: idParams,
        body: officerStatusBodySchema,
        response: { 200: officerSchema },
      },
    },
    (request) => setOfficerStatus(request.ctx, request.params.id, request.body.status),
  );

  app.post(
    '/:id/password',
    {
      schema: {
        tags,
        summary: "Set the officer's password (every session of the officer ends)",
        params: idParams,
        body: officerPasswordBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await setOfficerPassword(request.ctx, request.params.id, request.body.password);
      return { ok: true as const };
    },
  );
};
