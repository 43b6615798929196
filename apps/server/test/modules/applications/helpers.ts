import { expect } from 'vitest';
import type { Selectable } from 'kysely';
import type { ApplicationDetail, Product } from '@ccc/domain';
import type { ApplicationsTable } from '../../../src/db/schema';
import type { TestApp } from '../../helpers/build-test-app';
import { loginOk, registerOk, registrationBody } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import { fixture, uploadFile } from '../../helpers/upload';

/** Factories of the application suites: they go through the HTTP API, as the web app does. */

/** Registers organisation n (上海 浦东新区, 310115) and logs its first user in. */
export async function enterprise(t: TestApp, n: number, overrides: Record<string, unknown> = {}) {
  await registerOk(t, registrationBody(n, overrides));
  return loginOk(t, `user${n}`);
}

/** An enabled HS code of the shipped table (空调器用压缩机), and a second one (液晶监视器). */
export const HS_COMPRESSOR = '8414301300';
export const HS_MONITOR = '8528521200';
/** A 2020 line whose heading is gone in HS 2022: loaded disabled. */
export const HS_DISABLED = '0305100000';

/** A complete application under clause 03 from 上海 浦东新区, to 上海市市场监督管理局. */
export function applicationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clauseCode: '03',
    locationDivisionCode: '310115',
    locationAddressTypeCode: 'registered',
    locationAddress: '上海市浦东新区世纪大道100号',
    useDivisionCode: '310115',
    useAddress: '上海市浦东新区张江路1号 生产车间',
    bureauCode: '310000',
    invoiceNo: 'INV-2026-001',
    productFeatures: '生产线配套用压缩机，不对外销售。',
    exemptionReason: '工厂生产线配套所需设备。',
    safetyAssurance: '本单位保证产品仅用于申报用途，并承担相应责任。',
    ...overrides,
  };
}

export async function createOk(
  c: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<ApplicationDetail> {
  const res = await c.post('/api/applications', applicationBody(overrides));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ApplicationDetail>();
}

export function productBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hsCode: HS_COMPRESSOR,
    productName: '空调压缩机',
    model: 'QXA-B141',
    brand: 'ACME',
    quantity: '2',
    unit: '台',
    manufacturer: 'ACME Compressor GmbH',
    originCountry: '德国',
    purpose: '生产线配套',
    ...overrides,
  };
}

export async function addProductOk(
  c: TestClient,
  applicationId: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await c.post(`/api/applications/${applicationId}/products`, productBody(overrides));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Product>();
}

/** The required attachments of clause 03 (the three reusable ones and the production-line proof). */
export const CLAUSE_03_REQUIRED = [
  'business_licence',
  'management_commitment',
  'conformity_declaration',
  'production_line_proof',
];

export async function attachOk(t: TestApp, c: TestClient, applicationId: string, typeCode: string) {
  const res = await uploadFile(
    t,
    c,
    `/api/applications/${applicationId}/attachments/${typeCode}`,
    `${typeCode}.pdf`,
    fixture('sample.pdf'),
    'application/pdf',
  );
  expect(res.statusCode, res.body).toBe(200);
}

/** A draft that 提交 accepts: complete fields, one product, every required (必传) attachment of its clause. */
export async function completeDraft(t: TestApp, c: TestClient, overrides: Record<string, unknown> = {}) {
  const app = await createOk(c, overrides);
  await addProductOk(c, app.id);
  const list = await c.get(`/api/applications/${app.id}/attachments`);
  const items = list.json<{ items: { typeCode: string; required: boolean; file: unknown }[] }>().items;
  for (const item of items) if (item.required && !item.file) await attachOk(t, c, app.id, item.typeCode);
  return app;
}

export async function submitOk(c: TestClient, id: string): Promise<ApplicationDetail> {
  const res = await c.post(`/api/applications/${id}/submit`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ApplicationDetail>();
}

/**
 * What the bureau's 退回 (next issue) will do, done directly in the database until it exists: the
 * application goes to 已退回 with the reason on the record.
 */
export async function simulateBureauReturn(t: TestApp, id: string, reason: string) {
  const at = t.clock.now().toISOString();
  await t.database.db
    .updateTable('applications')
    .set({ status: 'returned', return_reason: reason, returned_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'submitted')
    .execute();
}

export const fieldPaths = (res: { json: <T>() => T }) =>
  res.json<{ fields: { path: string; message: string }[] }>().fields.map((f) => f.path);

/**
 * `count` copies of an application row straight into the table (the API would take minutes for
 * thousands of saves), one a minute from 2026-04-01, ids `bulk-00000`…, numbers `<numberPrefix><serial>` (19 characters, as DOMAIN.md).
 */
export async function insertCopies(
  t: TestApp,
  template: Selectable<ApplicationsTable>,
  count: number,
  numberPrefix: string,
  change: (i: number) => Partial<Selectable<ApplicationsTable>> = () => ({}),
): Promise<{ id: string; number: string }[]> {
  const rows = Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2026, 3, 1) + i * 60_000).toISOString();
    const serial = String(i).padStart(19 - numberPrefix.length, '0');
    return {
      ...template,
      id: `bulk-${String(i).padStart(5, '0')}`,
      number: `${numberPrefix}${serial}`,
      created_at: at,
      updated_at: at,
      listed_at: at,
      ...change(i),
    };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await t.database.db
      .insertInto('applications')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  return rows.map((r) => ({ id: r.id, number: r.number }));
}
