import {
  type HsCodeSearchResponse,
  hsCategoryListResponseSchema,
  hsCodeDetailSchema,
  hsCodeParamsSchema,
  hsCodeSearchQuerySchema,
  hsCodeSearchResponseSchema,
} from '@ccc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../lib/app-error';
import { findHsCode, listHsCategories, searchHsCodesBody } from './hs-codes.service';

const tags = ['reference'];

/**
 * A body already serialised as JSON text: fastify sends a string with a JSON content type as it is. Typed
 * as the schema's output for the type provider, which cannot express "already serialised".
 */
const preSerialised = (json: string) => json as unknown as HsCodeSearchResponse;

/**
 * The HS picker's data (选择 → 查询). Public, like the other reference data: the customs tariff is
 * published, and the picker must answer as the user types.
 */
export const hsCodesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/hs-codes',
    {
      schema: {
        tags,
        summary: 'Search the enabled HS codes by code digits, HS名称 and 产品类别 (fuzzy, ranked, paged)',
        querystring: hsCodeSearchQuerySchema,
        response: { 200: hsCodeSearchResponseSchema },
      },
    },
    // The body is assembled from JSON the index keeps per code (see searchHsCodesBody); the schema above
    // documents it, and the tests check every answer against it.
    async (request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send(preSerialised(await searchHsCodesBody(request.ctx, request.query))),
  );

  app.get(
    '/hs-codes/categories',
    {
      schema: {
        tags,
        summary: '产品类别 of the enabled HS codes, with the number of codes of each',
        response: { 200: hsCategoryListResponseSchema },
      },
    },
    async (request) => ({ items: await listHsCategories(request.ctx) }),
  );

  app.get(
    '/hs-codes/:code',
    {
      schema: {
        tags,
        summary: 'One HS code of the current edition (enabled or not)',
        params: hsCodeParamsSchema,
        response: { 200: hsCodeDetailSchema },
      },
    },
    async (request) => {
      const hs = await findHsCode(request.ctx, request.params.code);
      if (!hs) throw notFound();
      return hs;
    },
  );
};
