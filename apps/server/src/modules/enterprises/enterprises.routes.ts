import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idSchema,
  memberDecisionBodySchema,
  memberSchema,
  membersResponseSchema,
  orgCodeSchema,
  orgLookupResponseSchema,
  pendingUserListResponseSchema,
  profileResponseSchema,
  profileUpdateBodySchema,
  registerBodySchema,
  registerResponseSchema,
} from '@ccc/domain';
import { HOUR, MINUTE } from '../../lib/clock';
import { decideMembership, listMembers, listPendingUsers } from './members.service';
import { getProfile, updateProfile } from './profile.service';
import { lookupOrganisation, register } from './registration.service';

const idParams = z.object({ id: idSchema });

export const enterprisesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/auth/organisations/lookup',
    {
      config: { rateLimit: { max: 30, timeWindow: MINUTE } },
      schema: {
        tags: ['auth'],
        summary: 'Whether an organisation code is registered already, and then only its name',
        querystring: z.object({ code: orgCodeSchema }),
        response: { 200: orgLookupResponseSchema },
      },
    },
    async (request) => lookupOrganisation(request.ctx, request.query.code),
  );

  app.post(
    '/auth/register',
    {
      config: { rateLimit: { max: 10, timeWindow: HOUR } },
      schema: {
        tags: ['auth'],
        summary: '注册: a new organisation, or a request to join a registered one (pending approval)',
        body: registerBodySchema,
        response: { 200: registerResponseSchema },
      },
    },
    async (request) => register(request.ctx, request.body),
  );

  const enterprise = app.requireRole('enterprise');

  app.get(
    '/me/profile',
    {
      preHandler: enterprise,
      schema: {
        tags: ['enterprise'],
        summary: '修改企业信息: the user’s contact fields and the organisation’s fields',
        response: { 200: profileResponseSchema },
      },
    },
    async (request) => getProfile(request.ctx),
  );

  app.put(
    '/me/profile',
    {
      preHandler: enterprise,
      schema: {
        tags: ['enterprise'],
        summary: '保存: organisation fields change for every user of the organisation',
        body: profileUpdateBodySchema,
        response: { 200: profileResponseSchema },
      },
    },
    async (request) => updateProfile(request.ctx, request.body),
  );

  app.get(
    '/organisation/members',
    {
      preHandler: enterprise,
      schema: {
        tags: ['enterprise'],
        summary: 'The organisation’s users and the applicants to join it',
        response: { 200: membersResponseSchema },
      },
    },
    async (request) => ({ items: await listMembers(request.ctx) }),
  );

  app.post(
    '/organisation/members/:id/decision',
    {
      preHandler: enterprise,
      schema: {
        tags: ['enterprise'],
        summary: 'Approve or reject an applicant to join the organisation',
        params: idParams,
        body: memberDecisionBodySchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => decideMembership(request.ctx, request.params.id, request.body.decision),
  );

  const admin = app.requireRole('admin');

  app.get(
    '/admin/pending-users',
    {
      preHandler: admin,
      schema: {
        tags: ['admin'],
        summary: 'Users waiting to join an organisation',
        response: { 200: pendingUserListResponseSchema },
      },
    },
    async (request) => ({ items: await listPendingUsers(request.ctx) }),
  );

  app.post(
    '/admin/pending-users/:id/decision',
    {
      preHandler: admin,
      schema: {
        tags: ['admin'],
        summary: 'Approve or reject a user waiting to join an organisation',
        params: idParams,
        body: memberDecisionBodySchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => decideMembership(request.ctx, request.params.id, request.body.decision),
  );
};
