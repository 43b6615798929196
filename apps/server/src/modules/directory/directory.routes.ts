import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adminOrganisationApplicationsResponseSchema,
  adminOrganisationDetailSchema,
  adminOrganisationListQuerySchema,
  adminOrganisationListResponseSchema,
  adminUserListQuerySchema,
  adminUserListResponseSchema,
  adminUserSchema,
  idSchema,
  pageQuerySchema,
} from '@ccc/domain';
import {
  changeAccount,
  getAdminUser,
  getOrganisationDetail,
  listOrganisationApplications,
  listOrganisations,
  listUsers,
} from './directory.service';

const idParams = z.object({ id: idSchema });
const tags = ['admin: organisations and users'];

/** 单位与用户: the administrator's directory of organisations and users, and the account actions. */
export const directoryAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireRole('admin'));

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary:
          'Organisations newest first, searched by code (prefix), name, or a member’s user name or e-mail',
        querystring: adminOrganisationListQuerySchema,
        response: { 200: adminOrganisationListResponseSchema },
      },
    },
    (request) => listOrganisations(request.ctx, request.query),
  );

  app.get(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'An organisation with its users',
        params: idParams,
        response: { 200: adminOrganisationDetailSchema },
      },
    },
    (request) => getOrganisationDetail(request.ctx, request.params.id),
  );

  app.get(
    '/organisations/:id/applications',
    {
      schema: {
        tags,
        summary: 'An organisation’s applications, newest first',
        params: idParams,
        querystring: pageQuerySchema,
        response: { 200: adminOrganisationApplicationsResponseSchema },
      },
    },
    (request) => listOrganisationApplications(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Users of every role, newest first',
        querystring: adminUserListQuerySchema,
        response: { 200: adminUserListResponseSchema },
      },
    },
    (request) => listUsers(request.ctx, request.query),
  );

  app.get(
    '/users/:id',
    { schema: { tags, params: idParams, response: { 200: adminUserSchema } } },
    (request) => getAdminUser(request.ctx, request.params.id),
  );

  for (const action of ['disable', 'enable', 'unlock'] as const) {
    app.post(
      `/users/:id/${action}`,
      {
        schema: {
          tags,
          summary: {
            disable: '停用: ends every session of the user at once; login is refused until enabled',
            enable: '启用 a disabled user',
            unlock: '解锁: clears the wrong-password count and the lock',
          }[action],
          params: idParams,
          response: { 200: adminUserSchema },
        },
      },
      (request) => changeAccount(request.ctx, request.params.id, action),
    );
  }
};
