import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail, BureauSearchResponse, InboxResponse } from '@ccc/domain';
import { HOUR, MINUTE } from '../../../src/lib/clock';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { orgCode18, orgCode9 } from '../../helpers/identity';
import { decideOk, submittedApplication } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { completeDraft, createOk, submitOk } from '../applications/helpers';
import { GD } from '../officers/factories';
import { guangdongApplication, reloginOfficer, officer } from './helpers';

/**
 * The bureau's 待办 (inbox) and 查询 (search, Excel export), always its own cases only, never drafts.
 * Cases of 上海: A (org 1, 待受理), B (org 2, 审核中), C (org 1, 待受理) submitted on 2 March; D (org 3,
 * 已发证) and E (org 5, 不予免办) on 3 March. G (org 4) is 广东's; org 1 also has a draft.
 */
describe(`bureau inbox and search ${describeDb}`, () => {
  let t: TestApp;
  let sh: TestClient;
  let gd: TestClient;
  const app: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'G', ApplicationDetail> = {} as never;
  let draftId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    sh = await officer(t, 1);
    gd = await officer(t, 2, GD);
    const org1 = await submittedApplication(t, 1);
    app.A = org1.app;
    t.clock.advance(MINUTE);
    app.B = (await submittedApplication(t, 2)).app;
    t.clock.advance(MINUTE);
    app.C = await submitOk(org1.ent, (await completeDraft(t, org1.ent)).id);
    draftId = (await createOk(org1.ent)).id;
    app.G = (await guangdongApplication(t, 4)).app;
    await decideOk(sh, app.B.id, 'accept');
    // The next day (sessions end when idle).
    t.clock.advance(24 * HOUR);
    sh = await reloginOfficer(t, 1);
    gd = await reloginOfficer(t, 2);
    app.D = (await submittedApplication(t, 3)).app;
    await decideOk(sh, app.D.id, 'accept');
    await decideOk(sh, app.D.id, 'approve');
    t.clock.advance(MINUTE);
    app.E = (await submittedApplication(t, 5)).app;
    await decideOk(sh, app.E.id, 'accept');
    await decideOk(sh, app.E.id, 'refuse', '不符合免办条件');
  });
  afterAll(async () => t.close());

  const inbox = async (c: TestClient, query = '') => {
    const res = await c.get(`/api/bureau/inbox${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<InboxResponse>();
  };
  const search = async (c: TestClient, query = '') => {
    const res = await c.get(`/api/bureau/applications${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<BureauSearchResponse>();
  };
  const numbers = (r: { items: { number: string }[] }) => r.items.map((i) => i.number);

  it('lists 待受理 and 审核中, oldest submission first, with the counts of both tabs', async () => {
    const all = await inbox(sh);
    expect(numbers(all)).toEqual([app.A.number, app.B.number, app.C.number]);
    expect(all.total).toBe(3);
    expect(all.counts).toEqual({ submitted: 2, underReview: 1 });
    const submitted = await inbox(sh, '?status=submitted');
    expect(numbers(submitted)).toEqual([app.A.number, app.C.number]);
    expect([submitted.total, submitted.counts.submitted]).toEqual([2, 2]);
    const review = await inbox(sh, '?status=under_review');
    expect(numbers(review)).toEqual([app.B.number]);
    expect(review.total).toBe(1);
    const page2 = await inbox(sh, '?page=2&pageSize=1');
    expect(numbers(page2)).toEqual([app.B.number]);
    expect(page2.total).toBe(3);
  });

  it('shows each case with its organisation, clause, product and service clock', async () => {
    const item = (await inbox(sh)).items[0]!;
    expect(item).toMatchObject({
      id: app.A.id,
      status: 'submitted',
      organisationCode: orgCode18(1),
      organisationName: '上海测试进出口有限公司1',
      clauseCode: '03',
      firstProductName: '空调压缩机',
      productCount: 1,
      submittedAt: app.A.submittedAt,
      firstSubmittedAt: app.A.submittedAt,
      resubmitted: false,
    });
    expect(item.clauseName).toContain('生产线');
    // Submitted Monday 2 March, today Tuesday 3 March.
    expect(item.clock).toMatchObject({
      acceptDays: 2,
      decideDays: 5,
      sinceSubmission: 1,
      withBureau: 1,
      acceptDueOn: '2026-03-04',
      decideDueOn: '2026-03-09',
      overdue: false,
    });
  });

  it('keeps each bureau to its own cases', async () => {
    const other = await inbox(gd);
    expect(numbers(other)).toEqual([app.G.number]);
    expect(other.counts).toEqual({ submitted: 1, underReview: 0 });
    expect(numbers(await search(gd))).toEqual([app.G.number]);
    expect((await search(gd, `?number=${app.A.number}`)).total).toBe(0);
  });

  it('searches newest first, never drafts, by every filter', async () => {
    const all = await search(sh);
    expect(numbers(all)).toEqual([app.E, app.D, app.C, app.B, app.A].map((a) => a.number));
    expect([all.total, all.totalCapped]).toEqual([5, false]);
    expect(all.items.map((i) => i.id)).not.toContain(draftId);
    expect((await search(sh, '?status=draft')).total).toBe(0);

    expect(numbers(await search(sh, `?number=${app.C.number.slice(-7).toLowerCase()}`))).toEqual([
      app.C.number,
    ]);
    expect(numbers(await search(sh, `?organisation=${encodeURIComponent('公司2')}`))).toEqual([app.B.number]);
    expect(numbers(await search(sh, `?organisation=${encodeURIComponent('import co. 1')}`))).toEqual([
      app.C.number,
      app.A.number,
    ]);
    expect(numbers(await search(sh, `?organisation=${orgCode9(3)}`))).toEqual([app.D.number]);
    expect(numbers(await search(sh, '?status=under_review'))).toEqual([app.B.number]);
    expect(numbers(await search(sh, '?clauseCode=03'))).toHaveLength(5);
    expect((await search(sh, '?clauseCode=01')).total).toBe(0);
    expect(numbers(await search(sh, '?dateFrom=2026-03-03'))).toEqual([app.E.number, app.D.number]);
    expect(numbers(await search(sh, '?dateTo=2026-03-02'))).toEqual(
      [app.C, app.B, app.A].map((a) => a.number),
    );
    expect(numbers(await search(sh, '?dateFrom=2026-03-02&dateTo=2026-03-02&status=submitted'))).toEqual([
      app.C.number,
      app.A.number,
    ]);
    const page = await search(sh, '?page=2&pageSize=2');
    expect(numbers(page)).toEqual([app.C.number, app.B.number]);
    expect(page.total).toBe(5);
  });

  it('finds certificates by number, with their status; refusals with their decision date', async () => {
    const issued = await search(sh, '?status=issued');
    expect(numbers(issued)).toEqual([app.D.number]);
    const item = issued.items[0]!;
    expect(item.certificateNumber).toMatch(/^N310026\d{6}$/);
    expect(item.certificateStatus).toBe('valid');
    expect(item.decidedAt).not.toBeNull();
    const byCertificate = await search(sh, `?certificateNumber=${item.certificateNumber!.slice(-6)}`);
    expect(numbers(byCertificate)).toEqual([app.D.number]);
    const refused = (await search(sh, '?status=refused')).items;
    expect(refused.map((i) => [i.number, i.certificateNumber, i.certificateStatus])).toEqual([
      [app.E.number, null, null],
    ]);
  });

  it('rejects a malformed filter with the field named', async () => {
    const res = await sh.get('/api/bureau/applications?dateFrom=2026-13-01');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ fields: { path: string }[] }>().fields.map((f) => f.path)).toEqual(['dateFrom']);
  });

  async function workbook(c: TestClient, query = '') {
    const res = await c.get(`/api/bureau/applications/export${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rows: string[][] = [];
    const text = (v: unknown): string =>
      typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v == null ? '' : JSON.stringify(v);
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(text)));
    return rows;
  }

  it('exports the search to Excel with Chinese headers', async () => {
    const rows = await workbook(sh);
    expect(rows[0]).toEqual([
      '申请编号',
      '申请单位',
      '单位代码',
      '免办条款',
      '产品',
      '产品数量',
      '提交日期',
      '办结日期',
      '状态',
      '证明号',
      '证明状态',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([app.E, app.D, app.C, app.B, app.A].map((a) => a.number));
    const d = rows.find((r) => r[0] === app.D.number)!;
    expect(d[1]).toBe('上海测试进出口有限公司3');
    expect(d[2]).toBe(orgCode18(3));
    expect(d[8]).toBe('已发证');
    expect(d[9]).toMatch(/^N310026\d{6}$/);
    expect(d[10]).toBe('有效');
    expect(rows.find((r) => r[0] === app.A.number)![8]).toBe('待受理');

    const filtered = await workbook(sh, `?organisation=${encodeURIComponent('公司1')}`);
    expect(filtered.slice(1).map((r) => r[0])).toEqual([app.C.number, app.A.number]);
    const other = await workbook(gd);
    expect(other.slice(1).map((r) => r[0])).toEqual([app.G.number]);
  });
});
