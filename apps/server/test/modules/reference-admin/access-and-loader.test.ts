import type { ReferenceImportPreview } from '@ccc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkingCalendar } from '../../../src/modules/calendar/calendar-seed';
import { loadReferenceData } from '../../../src/modules/reference/reference-loader';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { adminClient, freshClient } from '../../helpers/identity';
import { officer } from '../../helpers/review';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { enterprise } from '../applications/helpers';
import { BASE, csv, rowUrl, upload } from './helpers';

describe(`基础数据管理: only the administrator; the shipped data never overwrites an admin's row ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => t.close());

  const snapshot = async () => ({
    clauses: await t.database.db.selectFrom('clauses').selectAll().orderBy('code').execute(),
    bureaus: await t.database.db
      .selectFrom('bureau_divisions')
      .selectAll()
      .orderBy('division_code')
      .execute(),
    imports: await t.database.db.selectFrom('reference_imports').selectAll().orderBy('id').execute(),
    settings: await t.database.db.selectFrom('settings').selectAll().orderBy('key').execute(),
    audits: await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_type', 'like', 'reference:%')
      .execute(),
  });

  it('answers 403 to an enterprise user and an officer, 401 to a visitor, and nothing changes', async () => {
    const file = csv([
      '条款代码,条款名称,须选二级明细条款,须选申请人类型,须填展示期,排序',
      '09,越权条款,否,否,否,9',
    ]);
    const pending = (await upload(t, admin, 'clauses', 'c.csv', file)).json<ReferenceImportPreview>();
    const before = await snapshot();
    const ent = await enterprise(t, 1);
    const off = await officer(t, 1);
    const visitor = freshClient(t);
    await visitor.refreshSession();
    for (const [who, c, status] of [
      ['enterprise', ent, 403],
      ['officer', off, 403],
      ['visitor', visitor, 401],
    ] as const) {
      const attempts = [
        await c.get(BASE),
        await c.get(`${BASE}/clauses/rows`),
        await c.post(`${BASE}/clauses/rows`, { values: { code: '09', name: '越权条款' } }),
        await c.put(rowUrl('clauses', '01'), { values: { name: '越权修改' } }),
        await c.post(`${rowUrl('clauses', '01')}/disable`),
        await c.post(`${rowUrl('clauses', '01')}/enable`),
        await c.get(`${BASE}/clauses/export?format=csv`),
        await upload(t, c, 'clauses', 'c.csv', file),
        await c.get(`${BASE}/imports/${pending.id}`),
        await c.post(`${BASE}/imports/${pending.id}/apply`),
        await c.delete(`${BASE}/imports/${pending.id}`),
        await c.post(`${BASE}/hs-codes/current-edition`, { edition: '2020' }),
      ];
      attempts.forEach((res, i) => expect(res.statusCode, `${who} #${i}: ${res.body}`).toBe(status));
    }
    // Logging the officer and the enterprise in touched no reference data, settings included.
    const after = await snapshot();
    expect(after.clauses).toEqual(before.clauses);
    expect(after.bureaus).toEqual(before.bureaus);
    expect(after.imports).toEqual(before.imports);
    expect(after.settings).toEqual(before.settings);
    expect(after.audits).toEqual(before.audits);
  });

  it('the loader, run again (forced), keeps every row an administrator changed, enabled flag and coverage included', async () => {
    const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
      const res = await p;
      expect(res.statusCode, res.body).toBe(200);
    };
    await ok(admin.put(rowUrl('clauses', '01'), { values: { name: '管理员改过的条款名称' } }));
    await ok(admin.post(`${rowUrl('clauses', '02')}/disable`));
    await ok(admin.post(`${rowUrl('hs-codes', '2020|8414301300')}/disable`));
    await ok(admin.put(rowUrl('bureaus', '110000'), { values: { divisions: ['110101'], phone: '010-1' } }));
    // A row no administrator touched, changed behind the loader's back: the forced load restores it.
    await t.database.db.updateTable('clauses').set({ name: '被篡改' }).where('code', '=', '03').execute();

    const reports = await loadReferenceData({ db: t.database.db, clock: t.clock }, { force: true });
    expect(reports.find((r) => r.dataset === 'clauses')?.updated).toBe(1);

    const clauses = await t.database.db.selectFrom('clauses').selectAll().orderBy('code').execute();
    expect(clauses.find((c) => c.code === '01')).toMatchObject({
      name: '管理员改过的条款名称',
      modified_by_admin: 1,
    });
    expect(clauses.find((c) => c.code === '02')).toMatchObject({ enabled: 0, modified_by_admin: 1 });
    expect(clauses.find((c) => c.code === '03')!.name).not.toBe('被篡改');
    const hs = await t.database.db
      .selectFrom('hs_codes')
      .selectAll()
      .where('code', '=', '8414301300')
      .executeTakeFirstOrThrow();
    expect(hs).toMatchObject({ enabled: 0, modified_by_admin: 1 });
    const coverage = await t.database.db
      .selectFrom('bureau_divisions')
      .select('division_code')
      .where('bureau_code', '=', '110000')
      .execute();
    expect(coverage.map((c) => c.division_code)).toEqual(['110101']);
    const bureau = await t.database.db
      .selectFrom('bureaus')
      .selectAll()
      .where('code', '=', '110000')
      .executeTakeFirstOrThrow();
    expect(bureau.phone).toBe('010-1');
  });

  it('a calendar day written here makes its year the administrator’s: the package seed leaves it be', async () => {
    const res = await admin.post(`${BASE}/calendar-days/rows`, {
      values: { date: '2026-12-21', kind: 'holiday', name: '管理员加的假日' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const year = await t.database.db
      .selectFrom('calendar_years')
      .selectAll()
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    expect(year.modified_by_admin).toBe(1);
    // As if the package had a newer calendar for the year: a year not the administrator's would be reseeded.
    await t.database.db
      .updateTable('calendar_years')
      .set({ source: 'older package' })
      .where('year', '=', 2026)
      .execute();
    await seedWorkingCalendar({ db: t.database.db, clock: t.clock });
    const day = await t.database.db
      .selectFrom('calendar_days')
      .selectAll()
      .where('date', '=', '2026-12-21')
      .executeTakeFirst();
    expect(day?.name).toBe('管理员加的假日');
  });
});
