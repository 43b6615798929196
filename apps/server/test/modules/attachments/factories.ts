import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApplicationAttachment } from '@ccc/domain';
import { expect } from 'vitest';
import type { TestApp } from '../../helpers/build-test-app';
import { loginOk, registerOk, registrationBody } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import { uploadFile } from '../../helpers/upload';

/** Factories of the attachment suites, through the HTTP API as the web app calls it. */

export const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Registers organisation n (上海 浦东新区) and logs its first user in. */
export async function enterprise(t: TestApp, n: number): Promise<TestClient> {
  await registerOk(t, registrationBody(n));
  return loginOk(t, `user${n}`);
}

/** A draft under a clause (03 unless told), saved so that it has its number. */
export async function draft(c: TestClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await c.post('/api/applications', {
    clauseCode: '03',
    locationDivisionCode: '310115',
    locationAddressTypeCode: 'registered',
    locationAddress: '上海市浦东新区世纪大道100号',
    useDivisionCode: '310115',
    useAddress: '上海市浦东新区张江路1号',
    bureauCode: '310000',
    invoiceNo: 'INV-2026-001',
    productFeatures: '生产线配套设备。',
    exemptionReason: '工厂生产线配套所需。',
    safetyAssurance: '仅用于申报用途。',
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string }>().id;
}

export const attachmentUrl = (id: string, type: string) => `/api/applications/${id}/attachments/${type}`;

export function upload(
  t: TestApp,
  c: TestClient,
  id: string,
  type: string,
  name: string,
  data: Buffer,
  contentType = 'application/octet-stream',
) {
  return uploadFile(t, c, attachmentUrl(id, type), name, data, contentType);
}

export async function uploadOk(
  t: TestApp,
  c: TestClient,
  id: string,
  type: string,
  name: string,
  data: Buffer,
) {
  const res = await upload(t, c, id, type, name, data);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ApplicationAttachment>();
}

export async function listAttachments(c: TestClient, id: string): Promise<ApplicationAttachment[]> {
  const res = await c.get(`/api/applications/${id}/attachments`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: ApplicationAttachment[] }>().items;
}

export const storedPath = (t: TestApp, hash: string) =>
  path.join(t.config.dataDir, 'storage', 'files', hash.slice(0, 2), hash);
export const isStored = (t: TestApp, hash: string) => fs.existsSync(storedPath(t, hash));

export async function attachmentRows(t: TestApp, applicationId: string) {
  return t.database.db
    .selectFrom('application_attachments')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('attachment_type_code')
    .execute();
}

export async function fileRow(t: TestApp, hash: string) {
  return t.database.db.selectFrom('files').selectAll().where('sha256', '=', hash).executeTakeFirst();
}

export async function references(t: TestApp, hash: string) {
  return t.database.db
    .selectFrom('file_references')
    .selectAll()
    .where('sha256', '=', hash)
    .orderBy('owner_id')
    .execute();
}

/** A PDF of exactly `size` bytes, distinct for each `seed`. */
export function pdfOfSize(size: number, seed: string): Buffer {
  const buf = Buffer.alloc(size, 0x20);
  Buffer.from(`%PDF-1.4\n% ${seed}\n`).copy(buf);
  return buf;
}
