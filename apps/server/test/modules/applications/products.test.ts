import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDecimals, type ApplicationDetail, type Product } from '@ccc/domain';
import { newId } from '../../../src/lib/crypto';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import {
  addProductOk,
  completeDraft,
  createOk,
  enterprise,
  HS_COMPRESSOR,
  HS_DISABLED,
  HS_MONITOR,
  productBody,
  simulateBureauReturn,
  submitOk,
} from './helpers';

type Fields = { code: string; fields: { path: string; message: string }[] };
const fieldsOf = (res: { json: <T>() => T }) =>
  Object.fromEntries(res.json<Fields>().fields.map((f) => [f.path, f.message]));

/** SPEC §3.3 and DOMAIN "Product lines". */
describe(`application products ${describeDb}`, () => {
  let t: TestApp;
  let c: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    c = await enterprise(t, 1);
  });
  afterAll(async () => t.close());

  const detail = async (id: string) => (await c.get(`/api/applications/${id}`)).json<ApplicationDetail>();

  it('adds products only to a saved application: there is none to add to before the first save', async () => {
    const res = await c.post(`/api/applications/${newId()}/products`, productBody());
    expect(res.statusCode).toBe(404);
    // products sent along with the first save are not taken
    const a = await createOk(c, { products: [productBody()] });
    expect(a.products).toEqual([]);
    expect((await detail(a.id)).products).toEqual([]);
  });

  it('copies the HS name at the time, numbers the lines and keeps the list summary', async () => {
    const a = await createOk(c);
    const p1 = await addProductOk(c, a.id);
    expect(p1).toMatchObject({ lineNo: 1, hsCode: HS_COMPRESSOR, quantity: '2', unit: '台' });
    expect(p1.hsName).toBe('电动机额定功率>0.4kw，但≤5kw的空调器用压缩机');
    const p2 = await addProductOk(c, a.id, { hsCode: HS_MONITOR, productName: '液晶监视器', quantity: '10' });
    expect(p2.lineNo).toBe(2);
    // the HS table changes later: the line keeps its copy
    await t.database.db
      .updateTable('hs_codes')
      .set({ name_zh: '改名后的压缩机' })
      .where('code', '=', HS_COMPRESSOR)
      .execute();
    try {
      const d = await detail(a.id);
      expect(d.products.map((p) => p.hsName)).toEqual([p1.hsName, p2.hsName]);
      const list = (await c.get('/api/applications')).json<{
        items: { id: string; firstProductName: string; productCount: number }[];
      }>();
      expect(list.items.find((i) => i.id === a.id)).toMatchObject({
        firstProductName: '空调压缩机',
        productCount: 2,
      });
      // deleting line 1: the summary follows, and line numbers are not reused
      expect((await c.delete(`/api/applications/${a.id}/products/${p1.id}`)).statusCode).toBe(200);
      const p3 = await addProductOk(c, a.id, { productName: '第三个' });
      expect(p3.lineNo).toBe(3);
      expect(p3.hsName).toBe('改名后的压缩机');
      const after = (await c.get('/api/applications')).json<{
        items: { id: string; firstProductName: string; productCount: number }[];
      }>();
      expect(after.items.find((i) => i.id === a.id)).toMatchObject({
        firstProductName: '液晶监视器',
        productCount: 2,
      });
    } finally {
      await t.database.db
        .updateTable('hs_codes')
        .set({ name_zh: p1.hsName })
        .where('code', '=', HS_COMPRESSOR)
        .execute();
    }
  });

  it('accepts only enabled HS codes of the table', async () => {
    const a = await createOk(c);
    let res = await c.post(`/api/applications/${a.id}/products`, productBody({ hsCode: HS_DISABLED }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual({ hsCode: '该HS编码不存在或已停用，请通过“选择”重新选取' });
    res = await c.post(`/api/applications/${a.id}/products`, productBody({ hsCode: '9999999999' }));
    expect(fieldsOf(res)).toHaveProperty('hsCode');
    res = await c.post(`/api/applications/${a.id}/products`, productBody({ hsCode: '84143013' }));
    expect(fieldsOf(res)).toEqual({ hsCode: 'HS编码为10位数字' });
    // full-width digits are read as digits
    const p = await addProductOk(c, a.id, { hsCode: '８４１４３０１３００' });
    expect(p.hsCode).toBe(HS_COMPRESSOR);
  });

  it('keeps quantities exact: decimal strings, up to 3 decimals, greater than 0', async () => {
    const a = await createOk(c);
    const q1 = await addProductOk(c, a.id, { quantity: '0.1' });
    const q2 = await addProductOk(c, a.id, { quantity: '0.2' });
    const q3 = await addProductOk(c, a.id, { quantity: '0012.500' });
    const q4 = await addProductOk(c, a.id, { quantity: '999999999999.999' });
    expect([q1.quantity, q2.quantity, q3.quantity, q4.quantity]).toEqual([
      '0.1',
      '0.2',
      '12.5',
      '999999999999.999',
    ]);
    const stored = await t.database.db
      .selectFrom('application_products')
      .select('quantity')
      .where('application_id', '=', a.id)
      .orderBy('line_no')
      .execute();
    expect(stored.map((r) => r.quantity)).toEqual(['0.1', '0.2', '12.5', '999999999999.999']);
    expect(addDecimals(q1.quantity, q2.quantity)).toBe('0.3');
    expect(addDecimals(...stored.map((r) => r.quantity))).toBe('1000000000012.799');
    for (const [quantity, message] of [
      ['1.2345', '数量最多保留3位小数'],
      ['0', '数量须大于0'],
      ['-1', '数量须大于0'],
      ['1e3', '数量须为数字，例如 12.5'],
      ['', '此项为必填项'],
    ] as const) {
      const res = await c.post(`/api/applications/${a.id}/products`, productBody({ quantity }));
      expect(res.statusCode, quantity).toBe(400);
      expect(fieldsOf(res), quantity).toEqual({ quantity: message });
    }
  });

  it('checks the required fields and lengths of the product form', async () => {
    const a = await createOk(c);
    const res = await c.post(
      `/api/applications/${a.id}/products`,
      productBody({
        productName: '',
        model: 'm'.repeat(2001),
        unit: '',
        brand: 'b'.repeat(201),
        purpose: 'p'.repeat(10001),
      }),
    );
    expect(fieldsOf(res)).toEqual({
      productName: '此项为必填项',
      model: '内容过长',
      unit: '此项为必填项',
      brand: '内容过长',
      purpose: '内容过长',
    });
    const long = await addProductOk(c, a.id, { productName: '名'.repeat(2000), purpose: '途'.repeat(10000) });
    expect(long.productName).toHaveLength(2000);
  });

  it('changes and deletes lines with audit rows', async () => {
    const a = await createOk(c);
    const p = await addProductOk(c, a.id);
    const res = await c.put(
      `/api/applications/${a.id}/products/${p.id}`,
      productBody({ quantity: '3.5', hsCode: HS_MONITOR }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Product>()).toMatchObject({ quantity: '3.5', hsCode: HS_MONITOR, lineNo: 1 });
    expect(res.json<Product>().hsName).toContain('液晶监视器');
    expect((await c.delete(`/api/applications/${a.id}/products/${p.id}`)).statusCode).toBe(200);
    expect((await c.delete(`/api/applications/${a.id}/products/${p.id}`)).statusCode).toBe(404);
    const rows = (await auditRows(t)).filter((r) => r.entity_id === a.id).map((r) => r.action);
    expect(rows).toEqual(['APPLICATION_CREATED', 'PRODUCT_ADDED', 'PRODUCT_UPDATED', 'PRODUCT_DELETED']);
    const upd = (await auditRows(t, 'PRODUCT_UPDATED')).find((r) => r.entity_id === a.id)!;
    expect(JSON.parse(upd.before_json!)).toMatchObject({ quantity: '2', hsCode: HS_COMPRESSOR });
    expect(JSON.parse(upd.after_json!)).toMatchObject({ quantity: '3.5', hsCode: HS_MONITOR });
    // another application's line is not this application's
    const b = await createOk(c);
    const q = await addProductOk(c, b.id);
    expect((await c.put(`/api/applications/${a.id}/products/${q.id}`, productBody())).statusCode).toBe(404);
  });

  it('refuses product changes once submitted, and allows them again when returned', async () => {
    const a = await completeDraft(t, c);
    const p = a.products[0] ?? (await detail(a.id)).products[0]!;
    await submitOk(c, a.id);
    const tries = [
      await c.post(`/api/applications/${a.id}/products`, productBody()),
      await c.put(`/api/applications/${a.id}/products/${p.id}`, productBody({ quantity: '9' })),
      await c.delete(`/api/applications/${a.id}/products/${p.id}`),
    ];
    for (const res of tries) {
      expect(res.statusCode).toBe(409);
      expect(res.json<{ code: string }>().code).toBe('INVALID_TRANSITION');
    }
    expect((await detail(a.id)).products).toHaveLength(1);
    await simulateBureauReturn(t, a.id, '产品数量需核实');
    const again = await c.put(`/api/applications/${a.id}/products/${p.id}`, productBody({ quantity: '1' }));
    expect(again.statusCode, again.body).toBe(200);
  });

  it('历史查询 lists the organisation’s HS codes, most used first, with current names and units', async () => {
    const d = await enterprise(t, 2);
    const a = await createOk(d);
    await addProductOk(d, a.id, { hsCode: HS_MONITOR });
    await addProductOk(d, a.id, { hsCode: HS_COMPRESSOR });
    const b = await createOk(d);
    await addProductOk(d, b.id, { hsCode: HS_MONITOR });
    const res = await d.get('/api/applications/hs-history');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      items: { code: string; name: string; unit1: string; uses: number; enabled: boolean }[];
      total: number;
    }>();
    expect(body.total).toBe(2);
    expect(body.items.map((i) => [i.code, i.uses])).toEqual([
      [HS_MONITOR, 2],
      [HS_COMPRESSOR, 1],
    ]);
    expect(body.items[0]).toMatchObject({ unit1: '台', enabled: true });
    expect(body.items[0]!.name).toContain('液晶监视器');
    const page2 = (await d.get('/api/applications/hs-history?page=2&pageSize=1')).json<{
      items: { code: string }[];
    }>();
    expect(page2.items.map((i) => i.code)).toEqual([HS_COMPRESSOR]);
    // only this organisation's codes: organisation 1 declared others
    const mine = (await c.get('/api/applications/hs-history?pageSize=100')).json<{ total: number }>();
    expect(mine.total).toBeGreaterThanOrEqual(2);
    const fresh = await enterprise(t, 3);
    expect((await fresh.get('/api/applications/hs-history')).json<{ total: number }>().total).toBe(0);
  });

  it('offers the customs units of the HS table, most frequent first', async () => {
    const res = await c.get('/api/reference/units');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { code: string; name: string; uses: number }[] }>().items;
    expect(items[0]).toMatchObject({ name: '千克', code: '035' });
    const names = items.map((i) => i.name);
    expect(names).toContain('台');
    expect(names).toContain('个');
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.uses).toBeGreaterThanOrEqual(items[i]!.uses);
  });
});
