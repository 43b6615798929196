import {
  certificateRecordsResponseSchema,
  idSchema,
  okSchema,
  recordBodySchema,
  usageRecordSchema,
} from '@ccc/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createRecord,
  deleteRecord,
  getCertificateRecords,
  getRecord,
  submitRecord,
  updateRecord,
} from './usage-records.service';

const numberParams = z.object({ number: z.string().trim().min(1).max(40) });
const idParams = z.object({ id: idSchema });

/**
 * 产品使用记录 (SPEC §3.9): the holder organisation's active users write records; the issuing bureau's officers
 * read them (and decide them under /bureau/supervision). Anyone else is 404 (audited).
 */
export const usageRecordsRoutes: FastifyPluginAsyncZod = async (app) => {
  const enterprise = app.requireRole('enterprise');
  const reader = app.requireRole('enterprise', 'officer');
  const tags = ['usage-records'];

  app.get(
    '/certificates/:number/records',
    {
      preHandler: reader,
      schema: {
        tags,
        summary: 'The current version’s products with the ledger, the records, the reporting deadline',
        params: numberParams,
        response: { 200: certificateRecordsResponseSchema },
      },
    },
    async (request) => getCertificateRecords(request.ctx, request.params.number),
  );

  app.post(
    '/certificates/:number/records',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '保存 a new usage / re-export / destruction / write-off record (未提交)',
        params: numberParams,
        body: recordBodySchema,
        response: { 200: usageRecordSchema },
      },
    },
    async (request) => createRecord(request.ctx, request.params.number, request.body),
  );

  app.get(
    '/records/:id',
    {
      preHandler: reader,
      schema: { tags, summary: 'One record', params: idParams, response: { 200: usageRecordSchema } },
    },
    async (request) => getRecord(request.ctx, request.params.id),
  );

  app.put(
    '/records/:id',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '修改 a record (未提交 or 已退回)',
        params: idParams,
        body: recordBodySchema,
        response: { 200: usageRecordSchema },
      },
    },
    async (request) => updateRecord(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/records/:id',
    {
      preHandler: enterprise,
      schema: { tags, summary: '删除 an unsent record', params: idParams, response: { 200: okSchema } },
    },
    async (request) => {
      await deleteRecord(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/records/:id/submit',
    {
      preHandler: enterprise,
      schema: {
        tags,
        summary: '提交 to the bureau (from 未提交 or 已退回)',
        params: idParams,
        response: { 200: usageRecordSchema },
      },
    },
    async (request) => submitRecord(request.ctx, request.params.id),
  );
};
