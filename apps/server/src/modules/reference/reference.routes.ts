import {
  addressTypeListResponseSchema,
  bureauListResponseSchema,
  bureausForDivisionQuerySchema,
  clauseListResponseSchema,
  divisionTreeResponseSchema,
  unitListResponseSchema,
} from '@ccc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  findBureausForDivision,
  getDivisionTree,
  listAddressTypes,
  listBureaus,
  listClauses,
  listCustomsUnits,
} from './reference.service';

/** Clients may reuse the tree for 10 minutes, then revalidate with If-None-Match. */
const DIVISIONS_CACHE_CONTROL = 'public, max-age=600';

/** Public reference data: no login needed, read-only. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reference/divisions',
    {
      schema: {
        tags: ['reference'],
        summary: 'Administrative divisions as a province → city → county tree (所在地区)',
        response: { 200: divisionTreeResponseSchema, 304: z.null().describe('Not modified') },
      },
    },
    async (request, reply) => {
      const tree = await getDivisionTree(request.ctx);
      reply.header('cache-control', DIVISIONS_CACHE_CONTROL).header('etag', tree.etag);
      const inm = request.headers['if-none-match'];
      if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === tree.etag)) {
        return reply.code(304).send(null);
      }
      return { items: tree.items };
    },
  );

  app.get(
    '/reference/bureaus',
    {
      schema: {
        tags: ['reference'],
        summary: 'Enabled market-regulation bureaus with the divisions they cover',
        response: { 200: bureauListResponseSchema },
      },
    },
    async (request) => ({ items: await listBureaus(request.ctx) }),
  );

  app.get(
    '/reference/bureaus/for-division',
    {
      schema: {
        tags: ['reference'],
        summary: 'Bureaus whose jurisdiction covers a division, the most specific first (受理市场监督管理局)',
        querystring: bureausForDivisionQuerySchema,
        response: { 200: bureauListResponseSchema },
      },
    },
    async (request) => ({ items: await findBureausForDivision(request.ctx, request.query.division) }),
  );

  app.get(
    '/reference/clauses',
    {
      schema: {
        tags: ['reference'],
        summary: 'Exemption clauses with second-level clauses, applicant types and required attachments',
        response: { 200: clauseListResponseSchema },
      },
    },
    async (request) => ({ items: await listClauses(request.ctx) }),
  );

  app.get(
    '/reference/address-types',
    {
      schema: {
        tags: ['reference'],
        summary: 'Address types (地址类型)',
        response: { 200: addressTypeListResponseSchema },
      },
    },
    async (request) => ({ items: await listAddressTypes(request.ctx) }),
  );

  app.get(
    '/reference/units',
    {
      schema: {
        tags: ['reference'],
        summary: 'Customs units (单位) of the HS table, the most frequent first',
        response: { 200: unitListResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=600');
      return { items: await listCustomsUnits(request.ctx) };
    },
  );
};
