import {
  applicationDetailSchema,
  applicationFieldsSchema,
  applicationListFilterSchema,
  applicationListQuerySchema,
  applicationListResponseSchema,
  hsHistoryResponseSchema,
  idSchema,
  okSchema,
  pageQuerySchema,
  productBodySchema,
  productSchema,
} from '@ccc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../lib/filenames';
import { addProduct, deleteProduct, listHsHistory, updateProduct } from './application-products.service';
import { exportApplications, exportFilename, listApplications } from './applications-list.service';
import {
  createApplication,
  deleteApplication,
  getApplicationDetail,
  submitApplication,
  updateApplication,
  withdrawApplication,
} from './applications.service';

const idParams = z.object({ id: idSchema });
const productParams = z.object({ id: idSchema, productId: idSchema });

/**
 * 「CCC免办申请」 of the enterprise (SPEC §3): list and export, 保存, 修改, 删除, 提交, 撤回, 查看, products,
 * 历史查询. The routes check the shape of a request; the services apply the rules that need reference data
 * (the shared `makeApplicationBodySchema`), the organisation scope and the workflow.
 */
export const applicationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const enterprise = app.requireRole('enterprise');
  const tags = ['applications'];

  app.get(
    '/applications',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary:
          'The organisation’s applications, newest first, by 申请编号, 证明号, 状态, 免办条款, product and date',
        querystring: applicationListQuerySchema,
        response: { 200: applicationListResponseSchema },
      },
    },
    async (request) => listApplications(request.ctx, request.query),
  );

  app.get(
    '/applications/export',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: 'The same query as an Excel workbook (.xlsx), streamed',
        querystring: applicationListFilterSchema,
      },
    },
    async (request, reply) => {
      const stream = exportApplications(request.ctx, request.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(exportFilename(request.ctx)))
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );

  app.get(
    '/applications/hs-history',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '历史查询: HS codes this organisation declared before, most used first',
        querystring: pageQuerySchema,
        response: { 200: hsHistoryResponseSchema },
      },
    },
    async (request) => listHsHistory(request.ctx, request.query),
  );

  app.post(
    '/applications',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '保存 (first save): the application gets its 申请编号',
        body: applicationFieldsSchema,
        response: { 200: applicationDetailSchema },
      },
    },
    // The raw body: the service parses it with the schema made from the current reference data.
    async (request) => createApplication(request.ctx, request.body),
  );

  app.get(
    '/applications/:id',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '查看: the application with its products, attachments and history',
        params: idParams,
        response: { 200: applicationDetailSchema },
      },
    },
    async (request) => getApplicationDetail(request.ctx, request.params.id),
  );

  app.put(
    '/applications/:id',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '保存 (修改) while 未提交 or 已退回; clause and bureau stay as first saved',
        params: idParams,
        body: applicationFieldsSchema,
        response: { 200: applicationDetailSchema },
      },
    },
    async (request) => updateApplication(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/applications/:id',
    {
      preHandler: enterprise,
      schema: { tags, summary: '删除 a draft (未提交)', params: idParams, response: { 200: okSchema } },
    },
    async (request) => {
      await deleteApplication(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/applications/:id/submit',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '提交: completeness check (every missing item named), then 待受理',
        params: idParams,
        response: { 200: applicationDetailSchema },
      },
    },
    async (request) => submitApplication(request.ctx, request.params.id),
  );

  app.post(
    '/applications/:id/withdraw',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '撤回 a 待受理 application back to 未提交',
        params: idParams,
        response: { 200: applicationDetailSchema },
      },
    },
    async (request) => withdrawApplication(request.ctx, request.params.id),
  );

  app.post(
    '/applications/:id/products',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '添加 a product (保存并关闭 / 保存并添加下一个)',
        params: idParams,
        body: productBodySchema,
        response: { 200: productSchema },
      },
    },
    async (request) => addProduct(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/applications/:id/products/:productId',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '修改 a product',
        params: productParams,
        body: productBodySchema,
        response: { 200: productSchema },
      },
    },
    async (request) => updateProduct(request.ctx, request.params.id, request.params.productId, request.body),
  );

  app.delete(
    '/applications/:id/products/:productId',
    {
      preHandler: enterprise,
      schema: { tags, summary: '删除 a product', params: productParams, response: { 200: okSchema } },
    },
    async (request) => {
      await deleteProduct(request.ctx, request.params.id, request.params.productId);
      return { ok: true as const };
    },
  );
};
