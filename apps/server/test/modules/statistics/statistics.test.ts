import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail, StatisticsResponse } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { adminClient } from '../../helpers/identity';
import { decideOk, officer } from '../../helpers/review';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { createOk, enterprise, HS_MONITOR } from '../applications/helpers';
import { bodyFrom, modDecideOk, saveOk, stateOf, submitModOk } from '../modifications/helpers';
import { GD, SH } from '../officers/factories';
import { at, chinaMorning, getOk, GUANGDONG, submitted, weekendsOnlyCalendar, type Actors } from './helpers';

/**
 * 统计分析 against a hand-made history (weekends the only rest days; service levels 2 / 5 working days):
 *
 *   id   bureau  clause  first submitted (China)   now (2026-03-16)   working days to decision   HS chapters
 *   A0   310000  03      2025-12-29                已发证 12-31        2                          84
 *   A1   310000  03      2026-01-05                已发证 01-09        4 (cert revoked 03-05)     84
 *   A2   310000  05      2026-01-07                不予免办 01-15      2 + 3 = 5 (退回 01-09)     84
 *   A3   310000  03      2026-02-02                已发证 02-09        5 (modified 03-04: M)      84, 85
 *   A4   440000  03      2026-02-03                已发证 02-13        8                          84, 84, 85
 *   A5   440000  05      2026-02-10                待受理 (overdue: accept + decide)               84
 *   A10  440000  03      2026-03-01 01:00 (02-28 17:00 UTC) 待受理 (overdue: accept + decide)      84
 *   A6   310000  03      2026-03-02                审核中 (overdue: decide)                         84, 94
 *   A7   310000  03      2026-03-03                待受理 (overdue: accept + decide)               84
 *   A8   310000  05      2026-03-03                未提交 (withdrawn)                              84
 *   A9   310000  05      2026-03-13                待受理 (1 working day: not overdue)             84
 *   A11  310000  03      never (draft)
 */
describe(`statistics ${describeDb}`, () => {
  let t: TestApp;
  let a: Actors;
  let admin: TestClient;
  const ids: Record<string, string> = {};
  const Q1 = 'from=2026-01-01&to=2026-03-31';

  const certificateOf = async (id: string) =>
    (await getOk<ApplicationDetail>(a.ent1, `/api/applications/${id}`)).certificateNumber!;

  beforeAll(async () => {
    t = await buildTestApp();
    await weekendsOnlyCalendar(t);
    t.clock.set(chinaMorning('2025-12-29'));
    admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
    for (const code of [SH, GD]) {
      const res = await admin.put(`/api/admin/service-levels/${code}`, { acceptDays: 2, decideDays: 5 });
      expect(res.statusCode, res.body).toBe(200);
    }
    await officer(t, 1, SH);
    await officer(t, 2, GD);
    await enterprise(t, 1);
    await enterprise(t, 2, { divisionCode: '440305', orgAddress: '深圳市南山区科技园1号' });

    a = await at(t, chinaMorning('2025-12-29'));
    ids.A0 = (await submitted(t, a.ent1)).id;
    await decideOk(a.sh, ids.A0, 'accept');
    a = await at(t, chinaMorning('2025-12-31'));
    await decideOk(a.sh, ids.A0, 'approve');

    a = await at(t, chinaMorning('2026-01-05'));
    ids.A1 = (await submitted(t, a.ent1)).id;
    await decideOk(a.sh, ids.A1, 'accept');
    a = await at(t, chinaMorning('2026-01-07'));
    ids.A2 = (await submitted(t, a.ent1, { clauseCode: '05' })).id;
    await decideOk(a.sh, ids.A2, 'accept');
    a = await at(t, chinaMorning('2026-01-09'));
    await decideOk(a.sh, ids.A1, 'approve');
    await decideOk(a.sh, ids.A2, 'return', '请补充产品用途说明。');
    a = await at(t, chinaMorning('2026-01-12'));
    expect((await a.ent1.post(`/api/applications/${ids.A2}/submit`)).statusCode).toBe(200);
    await decideOk(a.sh, ids.A2, 'accept');
    a = await at(t, chinaMorning('2026-01-15'));
    await decideOk(a.sh, ids.A2, 'refuse', '不符合免办条件。');

    a = await at(t, chinaMorning('2026-02-02'));
    ids.A3 = (
      await submitted(t, a.ent1, {}, [{ hsCode: HS_MONITOR, productName: '液晶监视器', model: 'LM-27' }])
    ).id;
    await decideOk(a.sh, ids.A3, 'accept');
    a = await at(t, chinaMorning('2026-02-03'));
    ids.A4 = (
      await submitted(t, a.ent2, GUANGDONG, [
        { model: 'QXA-B999' },
        { hsCode: HS_MONITOR, productName: '液晶监视器', model: 'LM-32' },
      ])
    ).id;
    await decideOk(a.gd, ids.A4, 'accept');
    a = await at(t, chinaMorning('2026-02-09'));
    await decideOk(a.sh, ids.A3, 'approve');
    a = await at(t, chinaMorning('2026-02-10'));
    ids.A5 = (await submitted(t, a.ent2, { ...GUANGDONG, clauseCode: '05' })).id;
    a = await at(t, chinaMorning('2026-02-13'));
    await decideOk(a.gd, ids.A4, 'approve');
    a = await at(t, '2026-02-28T17:00:00.000Z');
    ids.A10 = (await submitted(t, a.ent2, GUANGDONG)).id;

    a = await at(t, chinaMorning('2026-03-02'));
    ids.A6 = (
      await submitted(t, a.ent1, {}, [
        { hsCode: '9403100000', productName: '办公金属家具', model: 'F-1', unit: '件' },
      ])
    ).id;
    await decideOk(a.sh, ids.A6, 'accept');
    a = await at(t, chinaMorning('2026-03-03'));
    ids.A7 = (await submitted(t, a.ent1)).id;
    ids.A8 = (await submitted(t, a.ent1, { clauseCode: '05' })).id;
    expect((await a.ent1.post(`/api/applications/${ids.A8}/withdraw`)).statusCode).toBe(200);

    a = await at(t, chinaMorning('2026-03-04'));
    const a3Cert = await certificateOf(ids.A3);
    const draft = await saveOk(
      a.ent1,
      a3Cert,
      bodyFrom(await stateOf(a.ent1, a3Cert), (b) => {
        b.holder.address = '上海市浦东新区张江路88号';
      }),
    );
    await submitModOk(a.ent1, a3Cert);
    await modDecideOk(a.sh, draft.id, 'approve');
    a = await at(t, chinaMorning('2026-03-05'));
    const revoked = await a.sh.post(`/api/bureau/certificates/${await certificateOf(ids.A1)}/revoke`, {
      reason: '经查，申请材料中的进口合同与实际不符。',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);

    a = await at(t, chinaMorning('2026-03-13'));
    ids.A9 = (await submitted(t, a.ent1, { clauseCode: '05' })).id;
    ids.A11 = (await createOk(a.ent1)).id;

    a = await at(t, chinaMorning('2026-03-16'));
    admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
  }, 120_000);
  afterAll(async () => t.close());

  it('stores the working days the bureau held each case at 予以免办 / 不予免办 (all rounds), and none before', async () => {
    const rows = await t.database.db
      .selectFrom('applications')
      .select(['id', 'decision_working_days', 'clock_days_used'])
      .execute();
    const days = Object.fromEntries(
      Object.entries(ids).map(([name, id]) => [name, rows.find((r) => r.id === id)!.decision_working_days]),
    );
    expect(days).toEqual({
      A0: 2,
      A1: 4,
      A2: 5,
      A3: 5,
      A4: 8,
      A5: null,
      A10: null,
      A6: null,
      A7: null,
      A8: null,
      A9: null,
      A11: null,
    });
    // A2's first round (2 days until the 退回) is in clock_days_used; the decision added the second (3).
    expect(Number(rows.find((r) => r.id === ids.A2)!.clock_days_used)).toBe(2);
  });

  it('the administrator: every figure of all bureaus over January–March 2026', async () => {
    const s = await getOk<StatisticsResponse>(admin, `/api/admin/statistics?${Q1}`);
    expect(s.scope).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      bureauCode: null,
      bureauName: null,
      generatedAt: t.clock.now().toISOString(),
    });
    expect(s.totals).toEqual({
      submitted: 10,
      certificatesIssued: 3,
      certificatesModified: 1,
      certificatesRevoked: 1,
      refused: 1,
      pending: 5,
      overdue: 4,
    });
    expect(s.byState).toEqual([
      { status: 'draft', count: 1 },
      { status: 'submitted', count: 4 },
      { status: 'under_review', count: 1 },
      { status: 'returned', count: 0 },
      { status: 'issued', count: 3 },
      { status: 'refused', count: 1 },
    ]);
    expect(s.byClause.map((c) => [c.code, c.count])).toEqual([
      ['03', 6],
      ['05', 4],
    ]);
    expect(s.byClause.every((c) => c.name.length > 0 && c.name !== c.code)).toBe(true);
    expect(s.byBureau).toEqual([
      { code: SH, name: '上海市市场监督管理局', count: 7 },
      { code: GD, name: '广东省市场监督管理局', count: 3 },
    ]);
    expect(s.byMonth).toEqual([
      { month: '2026-01', count: 2 },
      { month: '2026-02', count: 3 },
      { month: '2026-03', count: 5 },
    ]);
    expect(s.byChapter.map((c) => [c.chapter, c.applications, c.lines])).toEqual([
      ['84', 10, 11],
      ['85', 2, 2],
      ['94', 1, 1],
    ]);
    expect(s.byChapter[0]!.name).toBe('核反应堆、锅炉、机器、机械器具及其零件');
    expect(s.byChapter[2]!.name).toContain('家具');
    expect(s.certificatesByMonth).toEqual([
      { month: '2026-01', original: 1, modified: 0, revoked: 0 },
      { month: '2026-02', original: 2, modified: 0, revoked: 0 },
      { month: '2026-03', original: 0, modified: 1, revoked: 1 },
    ]);
    // Decided in the cohort: 4, 5, 5, 8 → median rank 2 = 5, p90 rank ⌈3.6⌉ = 4 = 8.
    expect(s.decisionTime.overall).toEqual({ decided: 4, median: 5, p90: 8 });
    expect(s.decisionTime.byBureau).toEqual(
      [
        { code: SH, name: '上海市市场监督管理局', decided: 3, median: 5, p90: 5 },
        { code: GD, name: '广东省市场监督管理局', decided: 1, median: 8, p90: 8 },
      ].sort((x, y) => x.code.localeCompare(y.code)),
    );
    expect(s.decisionTime.byClause.map((c) => [c.code, c.decided, c.median, c.p90])).toEqual([
      ['03', 3, 5, 8],
      ['05', 1, 5, 5],
    ]);
    expect(s.overdue).toEqual({
      accept: 3,
      decide: 4,
      total: 4,
      byBureau: [
        { code: SH, name: '上海市市场监督管理局', accept: 1, decide: 2, total: 2 },
        { code: GD, name: '广东省市场监督管理局', accept: 2, decide: 2, total: 2 },
      ],
    });
  });

  it('one bureau chosen by the administrator; a month counted in China time (A10 is March, not February)', async () => {
    const gd = await getOk<StatisticsResponse>(admin, `/api/admin/statistics?${Q1}&bureau=${GD}`);
    expect(gd.scope).toMatchObject({ bureauCode: GD, bureauName: '广东省市场监督管理局' });
    expect(gd.totals).toEqual({
      submitted: 3,
      certificatesIssued: 1,
      certificatesModified: 0,
      certificatesRevoked: 0,
      refused: 0,
      pending: 2,
      overdue: 2,
    });
    expect(gd.byState.filter((r) => r.count > 0)).toEqual([
      { status: 'submitted', count: 2 },
      { status: 'issued', count: 1 },
    ]);
    expect(gd.byBureau).toEqual([{ code: GD, name: '广东省市场监督管理局', count: 3 }]);
    expect(gd.byMonth.map((m) => m.count)).toEqual([0, 2, 1]);
    expect(gd.byChapter.map((c) => [c.chapter, c.applications, c.lines])).toEqual([
      ['84', 3, 4],
      ['85', 1, 1],
    ]);
    expect(gd.overdue).toMatchObject({ accept: 2, decide: 2, total: 2 });

    const feb = await getOk<StatisticsResponse>(admin, '/api/admin/statistics?from=2026-02-01&to=2026-02-28');
    expect(feb.totals.submitted).toBe(3);
    expect(feb.byMonth).toEqual([{ month: '2026-02', count: 3 }]);
    expect(feb.certificatesByMonth).toEqual([{ month: '2026-02', original: 2, modified: 0, revoked: 0 }]);
    expect(feb.decisionTime.overall).toEqual({ decided: 2, median: 5, p90: 8 });
    // Pending and overdue are as of now, whatever the range.
    expect([feb.totals.pending, feb.totals.overdue]).toEqual([5, 4]);

    const unknown = await admin.get(`/api/admin/statistics?bureau=999999`);
    expect(unknown.statusCode).toBe(400);
    const reversed = await admin.get('/api/admin/statistics?from=2026-03-01&to=2026-02-01');
    expect(reversed.statusCode).toBe(400);
  });

  it('the default range is the last 12 months, every month present', async () => {
    const s = await getOk<StatisticsResponse>(admin, '/api/admin/statistics');
    expect([s.scope.from, s.scope.to]).toEqual(['2025-04-01', '2026-03-16']);
    expect(s.byMonth.map((m) => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(s.byMonth.map((m) => m.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 5]);
    expect(s.totals).toMatchObject({ submitted: 11, certificatesIssued: 4 });
    expect(s.certificatesByMonth[8]).toEqual({ month: '2025-12', original: 1, modified: 0, revoked: 0 });
    // 2, 4, 5, 5, 8: median rank 3 = 5, p90 rank ⌈4.5⌉ = 5 = 8.
    expect(s.decisionTime.overall).toEqual({ decided: 5, median: 5, p90: 8 });
  });

  it('an officer sees the own bureau only; a bureau in the query cannot widen or move it', async () => {
    for (const url of [`/api/bureau/statistics?${Q1}`, `/api/bureau/statistics?${Q1}&bureau=${GD}`]) {
      const s = await getOk<StatisticsResponse>(a.sh, url);
      expect(s.scope).toMatchObject({ bureauCode: SH, bureauName: '上海市市场监督管理局' });
      expect(s.totals).toEqual({
        submitted: 7,
        certificatesIssued: 2,
        certificatesModified: 1,
        certificatesRevoked: 1,
        refused: 1,
        pending: 3,
        overdue: 2,
      });
      expect(s.byState.map((r) => r.count)).toEqual([1, 2, 1, 0, 2, 1]);
      expect(s.byClause.map((c) => [c.code, c.count])).toEqual([
        ['03', 4],
        ['05', 3],
      ]);
      expect(s.byBureau).toEqual([]);
      expect(s.byMonth.map((m) => m.count)).toEqual([2, 1, 4]);
      expect(s.byChapter.map((c) => [c.chapter, c.applications, c.lines])).toEqual([
        ['84', 7, 7],
        ['85', 1, 1],
        ['94', 1, 1],
      ]);
      expect(s.certificatesByMonth.map((m) => [m.original, m.modified, m.revoked])).toEqual([
        [1, 0, 0],
        [1, 0, 0],
        [0, 1, 1],
      ]);
      // 4, 5, 5 → 5 and 5; clause 03: 4, 5 → median rank 1 = 4, p90 rank 2 = 5.
      expect(s.decisionTime).toEqual({
        overall: { decided: 3, median: 5, p90: 5 },
        byBureau: [],
        byClause: [
          expect.objectContaining({ code: '03', decided: 2, median: 4, p90: 5 }),
          expect.objectContaining({ code: '05', decided: 1, median: 5, p90: 5 }),
        ],
      });
      expect(s.overdue).toEqual({ accept: 1, decide: 2, total: 2, byBureau: [] });
    }
    const gd = await getOk<StatisticsResponse>(a.gd, `/api/bureau/statistics?${Q1}`);
    expect([gd.scope.bureauCode, gd.totals.submitted, gd.totals.pending]).toEqual([GD, 3, 2]);
  });

  it('only the administrator reaches the national figures, only officers the bureau figures', async () => {
    for (const url of ['/api/admin/statistics', '/api/admin/statistics/export']) {
      expect((await a.ent1.get(url)).statusCode).toBe(403);
      expect((await a.sh.get(url)).statusCode).toBe(403);
      expect((await t.client().get(url)).statusCode).toBe(401);
    }
    for (const url of ['/api/bureau/statistics', '/api/bureau/statistics/export']) {
      expect((await a.ent1.get(url)).statusCode).toBe(403);
      expect((await admin.get(url)).statusCode).toBe(403);
    }
  });

  it('exports one sheet per table with the same numbers', async () => {
    const res = await admin.get(`/api/admin/statistics/export?${Q1}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '按状态',
      '按免办条款',
      '按受理局',
      '按月份',
      '按HS章',
      '证明签发按月份',
      '办结用时',
      '超期',
    ]);
    const rows = (name: string) =>
      (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows('汇总')).toContainEqual(['提交申请数', 10]);
    expect(rows('汇总')).toContainEqual(['当前超期件数', 4]);
    expect(rows('按状态')).toEqual([
      ['状态', '申请数'],
      ['未提交', 1],
      ['待受理', 4],
      ['审核中', 1],
      ['已退回', 0],
      ['已发证', 3],
      ['不予免办', 1],
    ]);
    expect(rows('按受理局').slice(1)).toEqual([
      [SH, '上海市市场监督管理局', 7],
      [GD, '广东省市场监督管理局', 3],
    ]);
    expect(rows('按月份').slice(1)).toEqual([
      ['2026-01', 2],
      ['2026-02', 3],
      ['2026-03', 5],
    ]);
    expect(
      rows('按HS章')
        .slice(1)
        .map((r) => [r[0], r[2], r[3]]),
    ).toEqual([
      ['84', 10, 11],
      ['85', 2, 2],
      ['94', 1, 1],
    ]);
    expect(rows('证明签发按月份').slice(1)).toEqual([
      ['2026-01', 1, 0, 0],
      ['2026-02', 2, 0, 0],
      ['2026-03', 0, 1, 1],
    ]);
    expect(rows('办结用时')[1]).toEqual(['全部', 4, 5, 8]);
    expect(rows('超期')[1]).toEqual(['全部', 3, 4, 4]);

    const own = await a.sh.get(`/api/bureau/statistics/export?${Q1}&bureau=${GD}`);
    expect(own.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets.map((w) => w.name)).not.toContain('按受理局');
    const summary = (wb2.getWorksheet('汇总')!.getSheetValues() as unknown[][]).filter(Boolean);
    expect(summary.map((r) => r.slice(1))).toContainEqual(['提交申请数', 7]);
  });
});
