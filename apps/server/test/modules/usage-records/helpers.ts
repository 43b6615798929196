import { expect } from 'vitest';
import type { CertificateRecordsResponse, ReviewDetail, UsageRecord } from '@ccc/domain';
import type { TestApp } from '../../helpers/build-test-app';
import type { TestClient } from '../../helpers/test-client';
import { decideOk } from '../../helpers/review';
import { addProductOk, attachOk, createOk, enterprise, submitOk } from '../applications/helpers';

/** Factories of the usage-record suites, through the HTTP API as the web app does. */

/**
 * Registers organisation n, and has `off` (an officer of 上海) accept and approve its application with one
 * product line per quantity given. Returns the enterprise client and the certificate number.
 */
export async function issuedCertificate(
  t: TestApp,
  n: number,
  off: TestClient,
  opts: { quantities?: string[]; app?: Record<string, unknown> } = {},
): Promise<{ ent: TestClient; number: string; applicationId: string }> {
  const ent = await enterprise(t, n);
  const app = await createOk(ent, opts.app ?? {});
  const quantities = opts.quantities ?? ['10'];
  for (const [i, quantity] of quantities.entries()) {
    await addProductOk(ent, app.id, { quantity, productName: `压缩机${i + 1}`, model: `M-${i + 1}` });
  }
  const list = await ent.get(`/api/applications/${app.id}/attachments`);
  const items = list.json<{ items: { typeCode: string; required: boolean; file: unknown }[] }>().items;
  for (const item of items) if (item.required && !item.file) await attachOk(t, ent, app.id, item.typeCode);
  await submitOk(ent, app.id);
  await decideOk(off, app.id, 'accept');
  const res = await decideOk(off, app.id, 'approve');
  const number = res.json<ReviewDetail>().application.certificateNumber!;
  expect(number).toMatch(/^N\d{12}$/);
  return { ent, number, applicationId: app.id };
}

export const reexport = (lines: { lineNo: number; quantity: string; date?: string }[], extra = {}) => ({
  kind: 'reexport',
  declarationNo: '223320260000012345',
  lines: lines.map((l) => ({ date: '2026-03-02', ...l })),
  ...extra,
});

export const destruction = (lines: { lineNo: number; quantity: string; date?: string }[]) => ({
  kind: 'destruction',
  method: '拆解后交有资质单位处置',
  witness: '王监督',
  lines: lines.map((l) => ({ date: '2026-03-02', ...l })),
});

export const usage = (lines: { lineNo: number; quantity: string }[], extra = {}) => ({
  kind: 'usage',
  userName: '上海某某制造有限公司',
  userAddress: '上海市浦东新区张江路1号',
  userContact: '张三',
  userPhone: '021-50000000',
  periodStart: '2026-03-02',
  periodEnd: '2026-06-30',
  description: '生产线配套使用',
  lines,
  ...extra,
});

export async function createRecordOk(
  c: TestClient,
  number: string,
  body: Record<string, unknown>,
): Promise<UsageRecord> {
  const res = await c.post(`/api/certificates/${number}/records`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<UsageRecord>();
}

export async function submitRecordOk(c: TestClient, id: string): Promise<UsageRecord> {
  const res = await c.post(`/api/records/${id}/submit`, {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json<UsageRecord>();
}

export async function recordsOf(c: TestClient, number: string): Promise<CertificateRecordsResponse> {
  const res = await c.get(`/api/certificates/${number}/records`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CertificateRecordsResponse>();
}
