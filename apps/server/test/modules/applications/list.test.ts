import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail, ApplicationListResponse } from '@ccc/domain';
import { MINUTE } from '../../../src/lib/clock';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { loginOk } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import {
  addProductOk,
  completeDraft,
  createOk,
  enterprise,
  HS_MONITOR,
  insertCopies,
  submitOk,
} from './helpers';

/** SPEC §3.1: the organisation's applications, newest first, queried, paged and exported. */
describe(`application list ${describeDb}`, () => {
  let t: TestApp;
  let c: TestClient;
  const made: Record<string, ApplicationDetail> = {};

  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set('2026-03-02T02:00:00Z'); // 2026-03-02 10:00 in China
    c = await enterprise(t, 1);
    // a: draft, clause 03, product 空调压缩机
    made.a = await createOk(c);
    await addProductOk(c, made.a.id);
    t.clock.advance(20 * MINUTE); // within the session's idle limit
    // b: clause 05, submitted on 2026-03-02, product 液晶监视器
    made.b = await completeDraft(t, c, { clauseCode: '05' });
    await addProductOk(c, made.b.id, { hsCode: HS_MONITOR, productName: '彩色液晶监视器' });
    await submitOk(c, made.b.id);
    // c: draft created on 2026-03-05 (China), product 测试_100%
    t.clock.set('2026-03-04T17:00:00Z'); // 2026-03-05 01:00 in China
    c = await loginOk(t, 'user1');
    made.c = await createOk(c);
    await addProductOk(c, made.c.id, { productName: '测试_100%样品' });
    // another organisation's application, which no query of organisation 1 may return
    const other = await enterprise(t, 2);
    made.other = await createOk(other);
    await addProductOk(other, made.other.id);
  });
  afterAll(async () => t.close());

  const list = async (query = '') => {
    const res = await c.get(`/api/applications${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ApplicationListResponse>();
  };
  const numbers = async (query = '') => (await list(query)).items.map((i) => i.number);

  it('lists the organisation’s own applications, newest first, with the columns of the manual', async () => {
    const body = await list();
    expect(body.items.map((i) => i.id)).toEqual([made.c!.id, made.b!.id, made.a!.id]);
    expect(body).toMatchObject({ total: 3, totalCapped: false, page: 1, pageSize: 20 });
    const b = body.items[1]!;
    expect(b).toMatchObject({
      number: made.b!.number,
      certificateNumber: null,
      clauseCode: '05',
      clauseName: '以整机全数出口为目的进口的零部件',
      firstProductName: '空调压缩机',
      productCount: 2,
      bureauName: '上海市市场监督管理局',
      status: 'submitted',
      actions: ['view', 'withdraw'],
    });
    expect(b.submittedAt).toBeTruthy();
    expect(body.items[0]!.actions).toEqual(['view', 'edit', 'delete', 'submit']);
  });

  it('queries by 申请编号 (prefix or partial), 状态 and 免办条款', async () => {
    expect(await numbers(`?number=${made.b!.number}`)).toEqual([made.b!.number]);
    expect(await numbers(`?number=${made.b!.number.slice(-6).toLowerCase()}`)).toEqual([made.b!.number]);
    expect(await numbers('?number=A310000')).toHaveLength(3);
    expect(await numbers('?status=submitted')).toEqual([made.b!.number]);
    expect(await numbers('?status=draft')).toEqual([made.c!.number, made.a!.number]);
    expect(await numbers('?clauseCode=05')).toEqual([made.b!.number]);
    expect(await numbers('?status=issued')).toEqual([]);
    expect((await c.get('/api/applications?status=nonsense')).statusCode).toBe(400);
  });

  it('queries by 证明号', async () => {
    await t.database.db
      .updateTable('applications')
      .set({ certificate_number: 'N310026000123' })
      .where('id', '=', made.b!.id)
      .execute();
    expect(await numbers('?certificateNumber=26000123')).toEqual([made.b!.number]);
    expect(await numbers('?certificateNumber=n3100')).toEqual([made.b!.number]);
    expect(await numbers('?certificateNumber=N4400')).toEqual([]);
  });

  it('queries by HS code or product name, partially, over all products of an application', async () => {
    expect(await numbers(`?product=${HS_MONITOR.slice(0, 6)}`)).toEqual([made.b!.number]);
    expect(await numbers('?product=８５２８')).toEqual([made.b!.number]);
    expect(await numbers('?product=84143013')).toEqual([made.c!.number, made.b!.number, made.a!.number]);
    expect(await numbers('?product=液晶')).toEqual([made.b!.number]);
    expect(await numbers('?product=压缩机')).toEqual([made.b!.number, made.a!.number]);
    // LIKE wildcards in the query are taken literally
    expect(await numbers(`?product=${encodeURIComponent('_100%')}`)).toEqual([made.c!.number]);
    expect(await numbers(`?product=${encodeURIComponent('%')}`)).toEqual([made.c!.number]);
  });

  it('queries by date range: 提交日期, or the created date of drafts (China dates, both ends included)', async () => {
    expect(await numbers('?dateFrom=2026-03-02&dateTo=2026-03-02')).toEqual([made.b!.number, made.a!.number]);
    expect(await numbers('?dateFrom=2026-03-05')).toEqual([made.c!.number]);
    expect(await numbers('?dateTo=2026-03-04')).toEqual([made.b!.number, made.a!.number]);
    expect(await numbers('?dateFrom=2026-03-03&dateTo=2026-03-04')).toEqual([]);
    expect((await c.get('/api/applications?dateFrom=2026-02-30')).statusCode).toBe(400);
    // a withdrawn application is listed by its created date again
    expect((await c.post(`/api/applications/${made.b!.id}/withdraw`)).statusCode).toBe(200);
    expect(await numbers('?status=draft&dateFrom=2026-03-02&dateTo=2026-03-02')).toEqual([
      made.b!.number,
      made.a!.number,
    ]);
    await submitOk(c, made.b!.id);
    expect(await numbers('?dateFrom=2026-03-05')).toEqual([made.c!.number, made.b!.number]);
  });

  it('pages on the server', async () => {
    const p1 = await list('?pageSize=2');
    const p2 = await list('?pageSize=2&page=2');
    expect(p1.items).toHaveLength(2);
    expect(p2.items).toHaveLength(1);
    expect(p1.total).toBe(3);
    expect(new Set([...p1.items, ...p2.items].map((i) => i.id)).size).toBe(3);
    expect((await c.get('/api/applications?pageSize=101')).statusCode).toBe(400);
    expect((await list('?page=999')).items).toEqual([]);
  });

  it('exports the current query to Excel with Chinese headers and a UTF-8 file name', async () => {
    const res = await c.get('/api/applications/export?clauseCode=03');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      "filename*=UTF-8''CCC%E5%85%8D%E5%8A%9E%E7%94%B3%E8%AF%B7_",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(Array.from({ length: 9 }, (_, i) => row.getCell(i + 1).value ?? null)));
    expect(rows[0]).toEqual([
      '申请编号',
      '证明号',
      '免办条款',
      '产品',
      '产品数量',
      '受理市场监督管理局',
      '提交日期',
      '创建日期',
      '状态',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([made.c!.number, made.a!.number]);
    expect(rows[2]).toEqual([
      made.a!.number,
      null,
      '03 工厂生产线/成套生产线配套所需的设备/零部件（不含办公用品）',
      '空调压缩机',
      1,
      '上海市市场监督管理局',
      null,
      '2026-03-02 10:00',
      '未提交',
    ]);
  });

  it('exports more rows than one batch, in order', async () => {
    const d = await enterprise(t, 3);
    // rows straight into the table (the API would take minutes for 1,205 saves): only the export is tested here
    const template = await t.database.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', made.a!.id)
      .executeTakeFirstOrThrow();
    const orgId = (
      await t.database.db
        .selectFrom('users')
        .select('organisation_id')
        .where('username', '=', 'user3')
        .executeTakeFirstOrThrow()
    ).organisation_id!;
    const rows = await insertCopies(t, template, 1205, 'A31000003260490', () => ({
      organisation_id: orgId,
    }));
    const res = await d.get('/api/applications/export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const numbersOut: string[] = [];
    wb.worksheets[0]!.eachRow((row, i) => {
      if (i > 1) numbersOut.push(row.getCell(1).text);
    });
    expect(numbersOut).toHaveLength(1205);
    expect(numbersOut[0]).toBe(rows.at(-1)!.number);
    expect(numbersOut.at(-1)).toBe(rows[0]!.number);
    // the list pages the same rows
    const page = (await d.get('/api/applications?page=3&pageSize=100')).json<ApplicationListResponse>();
    expect(page.total).toBe(1205);
    expect(page.items[0]!.number).toBe(rows[1205 - 201]!.number);
  });
});
