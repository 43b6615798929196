import { randomBytes } from 'node:crypto';
import type { ReferenceRow, ReferenceRowsResponse } from '@ccc/domain';
import { expect } from 'vitest';
import type { TestApp } from '../../helpers/build-test-app';
import type { TestClient } from '../../helpers/test-client';

/** Factories of the reference-admin suites. */

export const BASE = '/api/admin/reference';

export async function rows(c: TestClient, dataset: string, query: Record<string, string | number> = {}) {
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  const res = await c.get(`${BASE}/${dataset}/rows${qs ? `?${qs}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ReferenceRowsResponse>();
}

export async function createRowOk(
  c: TestClient,
  dataset: string,
  values: Record<string, unknown>,
  edition?: string,
) {
  const res = await c.post(`${BASE}/${dataset}/rows`, { values, ...(edition ? { edition } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ReferenceRow>();
}

export const rowUrl = (dataset: string, key: string) => `${BASE}/${dataset}/rows/${encodeURIComponent(key)}`;

/** Posts a file to the import route as a browser does (multipart "file"), in the client's language. */
export async function upload(
  t: TestApp,
  c: TestClient,
  dataset: string,
  name: string,
  data: Buffer,
  edition?: string,
) {
  const boundary = `----refadm-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
    'utf8',
  );
  return t.app.inject({
    method: 'POST',
    url: `${BASE}/${dataset}/imports${edition ? `?edition=${edition}` : ''}`,
    remoteAddress: c.ip,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'accept-language': c.lang,
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...(c.csrf ? { 'x-csrf-token': c.csrf } : {}),
    },
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

/** A CSV file as Excel writes it: UTF-8 with a BOM, CRLF. */
export const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

/** Sample rows of every dataset: a new row, a column to edit, and a search fragment. */
export const samples: Record<
  string,
  { values: Record<string, unknown>; edit: Record<string, unknown>; q: string; missing: string }
> = {
  'hs-codes': {
    values: { code: '9999000001', name_zh: '测试用商品甲', unit1_code: '035', unit1: '千克' },
    edit: { name_zh: '测试用商品乙' },
    q: '商品甲',
    missing: 'name_zh',
  },
  'ccc-categories': {
    values: { category_no: 98, name: '测试大类', product_count: 1 },
    edit: { name: '测试大类（修订）' },
    q: '测试大类',
    missing: 'name',
  },
  'ccc-products': {
    values: { id: '2023-t01', product_name: '测试产品甲', category_no: 1, category_name: '电线电缆' },
    edit: { product_name: '测试产品乙' },
    q: '测试产品',
    missing: 'product_name',
  },
  'ccc-hs-mappings': {
    values: { id: 'test-9999-1', hs_prefix: '9999', category_name: '测试类别', provisional: true },
    edit: { category_name: '测试类别二' },
    q: '9999',
    missing: 'hs_prefix',
  },
  bureaus: {
    values: {
      code: '310101',
      name: '上海市黄浦区市场监督管理局',
      level: 'district',
      parent_code: '310000',
      phone: '021-12345678',
      accept_days: 2,
      decide_days: 5,
      divisions: ['310101'],
    },
    edit: { phone: '021-87654321', divisions: ['310101', '310104'] },
    q: '黄浦',
    missing: 'name',
  },
  clauses: {
    values: { code: '99', name: '测试免办条款', requires_sub_clause: false, sort_order: 99 },
    edit: { name: '测试免办条款（修订）' },
    q: '测试免办',
    missing: 'name',
  },
  'sub-clauses': {
    values: { code: 'test_sub', clause_code: '01', name: '测试二级条款', sort_order: 9 },
    edit: { name: '测试二级条款二' },
    q: 'TEST_SUB',
    missing: 'clause_code',
  },
  'applicant-types': {
    values: { code: 'test_app', clause_code: '01', name: '测试申请人类型' },
    edit: { name: '测试申请人类型二' },
    q: '申请人类型',
    missing: 'name',
  },
  'attachment-types': {
    values: { code: 'test_att', name: '测试附件', reusable: false },
    edit: { reusable: true },
    q: 'test_att',
    missing: 'name',
  },
  'clause-attachment-requirements': {
    values: { attachment_type_code: 'test_att', clause_code: '03', required: true },
    edit: { required: false },
    q: 'test_att',
    missing: 'attachment_type_code',
  },
  'address-types': {
    values: { code: 'test_addr', name: '测试地址类型' },
    edit: { name: '测试地址类型二' },
    q: '测试地址',
    missing: 'name',
  },
  'calendar-days': {
    values: { date: '2026-12-14', kind: 'holiday', name: '测试假日' },
    edit: { name: '测试假日二' },
    q: '测试假日',
    missing: 'kind',
  },
};
