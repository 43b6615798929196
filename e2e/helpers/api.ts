import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { request, type APIRequestContext } from 'playwright-core';
import { orgCodeCheckChar, usccCheckChar } from '@ccc/domain';
import { repoRoot } from './server';

/**
 * A cookie-keeping API session for setting the scene of a browser test (what other specs already drive
 * through the screens): it fetches the CSRF token the way the web app does.
 */
export interface ApiSession {
  get: <T>(url: string) => Promise<T>;
  post: <T>(url: string, data?: unknown) => Promise<T>;
  upload: (url: string, file: string) => Promise<void>;
  dispose: () => Promise<void>;
}

export async function apiSession(baseURL: string): Promise<ApiSession> {
  const ctx: APIRequestContext = await request.newContext({ baseURL });
  let csrf = '';
  const refresh = async () => {
    const res = await ctx.get('/api/auth/session');
    csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  };
  await refresh();
  const check = async (res: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(res.status(), `${res.url()}: ${await res.text()}`).toBeLessThan(300);
    const type = res.headers()['content-type'] ?? '';
    return type.includes('json') ? await res.json() : await res.text();
  };
  return {
    get: async <T>(url: string) => (await check(await ctx.get(url))) as T,
    post: async <T>(url: string, data: unknown = {}) => {
      const res = await ctx.post(url, { data, headers: { 'x-csrf-token': csrf } });
      const body = (await check(res)) as T & { csrfToken?: string };
      if (url === '/api/auth/login' || url === '/api/auth/logout') await refresh();
      return body;
    },
    upload: async (url: string, file: string) => {
      const res = await ctx.post(url, {
        headers: { 'x-csrf-token': csrf },
        multipart: {
          file: { name: path.basename(file), mimeType: 'application/pdf', buffer: fs.readFileSync(file) },
        },
      });
      await check(res);
    },
    dispose: () => ctx.dispose(),
  };
}

/** A valid 18-character unified social credit code with a fresh embedded organisation code. */
export function newUscc(prefix = '91440305'): string {
  const org8 = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const first17 = `${prefix}${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

export const samplePdf = path.join(repoRoot, 'apps/server/test/fixtures/sample.pdf');

/** Registers an organisation of 深圳 南山 with its first (active) user, through the API. */
export async function registerEnterprise(
  baseURL: string,
  r: { username: string; password: string; orgNameZh: string; email: string },
): Promise<void> {
  const api = await apiSession(baseURL);
  await api.post('/api/auth/register', {
    acceptDeclaration: true,
    username: r.username,
    password: r.password,
    confirmPassword: r.password,
    orgCode: newUscc(),
    orgNameZh: r.orgNameZh,
    orgNameEn: 'Shenzhen Precision Equipment Import Co., Ltd.',
    divisionCode: '440305',
    orgAddress: '深圳市南山区科技园科苑路15号',
    orgPostcode: '518057',
    contactName: '王经理',
    mobile: '13900139000',
    email: r.email,
  });
  await api.dispose();
}

/**
 * A complete clause-03 draft to 广东省市场监督管理局 (440000) with two products and every required
 * attachment, made through the API by a logged-in enterprise session. Returns its id and number.
 */
export async function completeDraft(api: ApiSession): Promise<{ id: string; number: string }> {
  const app = await api.post<{ id: string; number: string }>('/api/applications', {
    clauseCode: '03',
    locationDivisionCode: '440305',
    locationAddressTypeCode: 'registered',
    locationAddress: '深圳市南山区科技园科苑路15号',
    useDivisionCode: '440305',
    useAddress: '深圳市南山区西丽街道 生产车间二号楼',
    bureauCode: '440000',
    invoiceNo: 'INV-2026-0815',
    productFeatures: '生产线配套用压缩机及监视器，不对外销售。',
    exemptionReason: '工厂生产线配套所需设备。',
    safetyAssurance: '本单位保证产品仅用于申报用途，并承担相应责任。',
  });
  const product = (over: Record<string, string>) => ({
    brand: 'ACME',
    manufacturer: 'ACME Industrial GmbH',
    originCountry: '德国',
    purpose: '生产线配套',
    ...over,
  });
  await api.post(
    `/api/applications/${app.id}/products`,
    product({
      hsCode: '8414301300',
      productName: '空调压缩机',
      model: 'QXA-B141',
      quantity: '2',
      unit: '台',
    }),
  );
  await api.post(
    `/api/applications/${app.id}/products`,
    product({ hsCode: '8528521200', productName: '液晶监视器', model: 'LM-27Q', quantity: '12', unit: '台' }),
  );
  const { items } = await api.get<{ items: { typeCode: string; required: boolean }[] }>(
    `/api/applications/${app.id}/attachments`,
  );
  for (const item of items.filter((i) => i.required)) {
    await api.upload(`/api/applications/${app.id}/attachments/${item.typeCode}`, samplePdf);
  }
  return app;
}

/**
 * Creates an officer of a bureau through the administrator's API.
 */
export async function createOfficer(
  baseURL: string,
  admin: { username: string; password: string },
  o: { username: string; password: string; bureauCode: string; contactName: string; email: string },
): Promise<void> {
  const api = await apiSession(baseURL);
  await api.post('/api/auth/login', admin);
  await api.post('/api/admin/officers', {
    username: o.username,
    password: o.password,
    contactName: o.contactName,
    mobile: '13922223333',
    email: o.email,
    phone: '020-38800000',
    bureauCode: o.bureauCode,
  });
  await api.dispose();
}

/**
 * An issued certificate, made through the API: the enterprise (already registered) submits a complete
 * draft to 广东 (440000), the officer accepts and approves it.
 */
export async function issuedCertificate(
  baseURL: string,
  enterprise: { username: string; password: string },
  officer: { username: string; password: string },
): Promise<{ applicationId: string; applicationNumber: string; certificateNumber: string }> {
  const ent = await apiSession(baseURL);
  await ent.post('/api/auth/login', enterprise);
  const app = await completeDraft(ent);
  await ent.post(`/api/applications/${app.id}/submit`);
  await ent.dispose();
  const off = await apiSession(baseURL);
  await off.post('/api/auth/login', officer);
  await off.post(`/api/bureau/applications/${app.id}/accept`, {});
  const detail = await off.post<{ application: { certificateNumber: string | null } }>(
    `/api/bureau/applications/${app.id}/approve`,
    {},
  );
  await off.dispose();
  return {
    applicationId: app.id,
    applicationNumber: app.number,
    certificateNumber: detail.application.certificateNumber!,
  };
}
