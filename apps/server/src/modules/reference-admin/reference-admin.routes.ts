import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idSchema,
  referenceCurrentEditionBodySchema,
  referenceDatasetListResponseSchema,
  referenceDatasetSchema,
  referenceExportQuerySchema,
  referenceImportPreviewSchema,
  referenceImportQuerySchema,
  referenceRowBodySchema,
  referenceRowSchema,
  referenceRowsQuerySchema,
  referenceRowsResponseSchema,
} from '@ccc/domain';
import { AppError, fieldError } from '../../lib/app-error';
import { contentDisposition } from '../../lib/filenames';
import { exportDataset } from './reference-export.service';
import { applyImport, discardImport, getImport, previewImport } from './reference-import.service';
import {
  createRow,
  listDatasets,
  listRows,
  setRowEnabled,
  switchHsEdition,
  updateRow,
} from './reference-admin.service';

const tags = ['admin: reference data'];
const datasetParams = z.object({ dataset: z.string().min(1).max(40) });
const rowParams = datasetParams.extend({ key: z.string().min(1).max(200) });
const importParams = z.object({ id: idSchema });

/** 基础数据管理: every reference dataset through one set of routes. Mounted at /admin/reference. */
export const referenceAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireRole('admin'));

  app.get(
    '',
    {
      schema: {
        tags,
        summary: 'The datasets with their columns, editions and row counts',
        response: { 200: referenceDatasetListResponseSchema },
      },
    },
    (request) => listDatasets(request.ctx),
  );

  app.post(
    '/hs-codes/current-edition',
    {
      schema: {
        tags,
        summary: 'Switch the HS edition in force (the picker offers it from then on, on every instance)',
        body: referenceCurrentEditionBodySchema,
        response: { 200: referenceDatasetSchema },
      },
    },
    (request) => switchHsEdition(request.ctx, request.body.edition),
  );

  app.get(
    '/:dataset/rows',
    {
      schema: {
        tags,
        summary: 'Rows of a dataset (of an edition), searched and paged',
        params: datasetParams,
        querystring: referenceRowsQuerySchema,
        response: { 200: referenceRowsResponseSchema },
      },
    },
    (request) => listRows(request.ctx, request.params.dataset, request.query),
  );

  app.post(
    '/:dataset/rows',
    {
      schema: {
        tags,
        summary: 'Create a row (409 when its key is taken)',
        params: datasetParams,
        body: referenceRowBodySchema,
        response: { 201: referenceRowSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRow(request.ctx, request.params.dataset, request.body)),
  );

  app.put(
    '/:dataset/rows/:key',
    {
      schema: {
        tags,
        summary: 'Edit a row; its key columns never change',
        params: rowParams,
        body: referenceRowBodySchema,
        response: { 200: referenceRowSchema },
      },
    },
    (request) => updateRow(request.ctx, request.params.dataset, request.params.key, request.body),
  );

  for (const action of ['enable', 'disable'] as const) {
    app.post(
      `/:dataset/rows/:key/${action}`,
      {
        schema: {
          tags,
          summary: action === 'enable' ? 'Enable a row' : 'Disable a row (records that name it keep it)',
          params: rowParams,
          response: { 200: referenceRowSchema },
        },
      },
      (request) =>
        setRowEnabled(request.ctx, request.params.dataset, request.params.key, action === 'enable'),
    );
  }

  app.get(
    '/:dataset/export',
    {
      schema: {
        tags,
        summary: 'The dataset as CSV (UTF-8 with BOM) or .xlsx with Chinese headers',
        params: datasetParams,
        querystring: referenceExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportDataset(request.ctx, request.params.dataset, request.query);
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.post(
    '/:dataset/imports',
    {
      schema: {
        tags,
        summary: 'Upload a CSV or .xlsx file (multipart "file", ≤ 20 MB): a preview, nothing written yet',
        consumes: ['multipart/form-data'],
        params: datasetParams,
        querystring: referenceImportQuerySchema,
        response: { 201: referenceImportPreviewSchema },
      },
    },
    async (request, reply) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw fieldError('file', 'v.refadm.file');
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('PAYLOAD_TOO_LARGE', { message: 'e.refadm.tooLarge' });
        }
        throw err;
      }
      const preview = await previewImport(request.ctx, request.params.dataset, request.query.edition, {
        filename: file.filename,
        data,
      });
      return reply.status(201).send(preview);
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import preview',
        params: importParams,
        response: { 200: referenceImportPreviewSchema },
      },
    },
    (request) => getImport(request.ctx, request.params.id),
  );

  app.post(
    '/imports/:id/apply',
    {
      schema: {
        tags,
        summary:
          'Apply an import: every row in one transaction, or none (409 on errors or a changed dataset)',
        params: importParams,
        response: { 200: referenceImportPreviewSchema },
      },
    },
    (request) => applyImport(request.ctx, request.params.id),
  );

  app.delete(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'Discard an import',
        params: importParams,
        response: { 200: referenceImportPreviewSchema },
      },
    },
    (request) => discardImport(request.ctx, request.params.id),
  );
};
