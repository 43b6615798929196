import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/database';
import { HOUR } from '../../../src/lib/clock';
import { seedWorkingCalendar } from '../../../src/modules/calendar/calendar-seed';
import { exceptionsOf } from '../../../src/modules/calendar/official-calendar';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { expectedCounts, packageFile, packageVersion } from './package-file';

const SOURCE = 'chinese-days 1.5.7';

describe(`working calendar seed from chinese-days ${describeDb}`, () => {
  let t: TestApp;
  let db: Db;
  const deps = () => ({ db, clock: t.clock });
  const snapshot = async () => ({
    days: await db.selectFrom('calendar_days').selectAll().orderBy('date').execute(),
    years: await db.selectFrom('calendar_years').selectAll().orderBy('year').execute(),
  });
  const daysOf = (year: number) =>
    db
      .selectFrom('calendar_days')
      .select(['date', 'kind', 'name'])
      .where('year', '=', year)
      .orderBy('date')
      .execute();
  const yearRow = (year: number) =>
    db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.database.db;
  });
  afterAll(async () => t.close());

  it('seeded every year the package covers, day counts per year as in its file (the template ran prepareDatabase)', async () => {
    expect(packageVersion()).toBe('1.5.7');
    const expected = expectedCounts();
    expect(Math.min(...expected.keys())).toBe(2004);
    expect(Math.max(...expected.keys())).toBe(2026);
    const years = await db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
    const byYear = new Map(years.map((y) => [Number(y.year), y]));
    for (const [year, counts] of expected) {
      const row = byYear.get(year);
      expect(row, String(year)).toMatchObject({ published: 1, source: SOURCE, modified_by_admin: 0 });
      const days = await daysOf(year);
      expect(days.filter((d) => d.kind === 'holiday').length, `${year} holidays`).toBe(counts.holidays);
      expect(days.filter((d) => d.kind === 'workday').length, `${year} workdays`).toBe(counts.workdays);
    }
    // Nothing else was seeded but the current year's following one (below).
    expect(years.map((y) => Number(y.year))).toEqual([...[...expected.keys()].sort(), 2027]);
    const total = [...expected.values()].reduce((n, c) => n + c.holidays + c.workdays, 0);
    expect((await snapshot()).days.length).toBe(total);
  });

  it('holds the 2026 National Day week and its make-up working days, named in Chinese', async () => {
    const days = await db
      .selectFrom('calendar_days')
      .select(['date', 'kind', 'name'])
      .where('date', '>=', '2026-09-19')
      .where('date', '<=', '2026-10-11')
      .orderBy('date')
      .execute();
    expect(days).toEqual([
      { date: '2026-09-20', kind: 'workday', name: '国庆节' }, // Sunday
      { date: '2026-09-25', kind: 'holiday', name: '中秋' },
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
      // 3 and 4 October are a Saturday and a Sunday: off by the weekend rule, no row.
      { date: '2026-10-05', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-06', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-07', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-10', kind: 'workday', name: '国庆节' }, // Saturday
    ]);
    expect(await daysOf(2015)).toContainEqual({
      date: '2015-09-03',
      kind: 'holiday',
      name: '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
    });
  });

  it('flags the next year, which the package does not cover yet, as unpublished', async () => {
    // The template's clock stands in March 2026.
    expect(await yearRow(2027)).toMatchObject({ published: 0, source: null, modified_by_admin: 0 });
    expect(await daysOf(2027)).toEqual([]);
  });

  it('does nothing on a restart with nothing new', async () => {
    const before = await snapshot();
    t.clock.advance(24 * HOUR);
    const report = await seedWorkingCalendar(deps());
    expect(report).toMatchObject({ action: 'skipped', loadedYears: [], unpublishedYearsAdded: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('reseeds only the years seeded from another source, or emptied', async () => {
    await db
      .updateTable('calendar_years')
      .set({ source: 'chinese-days 1.5.6' })
      .where('year', '=', 2025)
      .execute();
    await db.deleteFrom('calendar_days').where('year', '=', 2025).execute();
    const other = await snapshot();
    const report = await seedWorkingCalendar(deps());
    expect(report.loadedYears).toEqual([2025]);
    expect(await yearRow(2025)).toMatchObject({ published: 1, source: SOURCE });
    const c = expectedCounts().get(2025)!;
    expect((await daysOf(2025)).length).toBe(c.holidays + c.workdays);
    const after = await snapshot();
    expect(after.days.filter((d) => Number(d.year) !== 2025)).toEqual(
      other.days.filter((d) => Number(d.year) !== 2025),
    );

    // From an empty calendar, as on a first start.
    await db.deleteFrom('calendar_days').execute();
    await db.deleteFrom('calendar_years').execute();
    const first = await seedWorkingCalendar(deps());
    expect(first.action).toBe('loaded');
    expect(first.loadedYears.length).toBe(expectedCounts().size);
    expect(first.unpublishedYearsAdded).toEqual([2027]);
    expect((await snapshot()).days.map((d) => d.date)).toEqual(after.days.map((d) => d.date));
  });

  it("never overwrites a year an administrator saved, even when the package's version changes", async () => {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('calendar_days').where('year', '=', 2024).execute();
      await trx
        .insertInto('calendar_days')
        .values({ date: '2024-10-08', year: 2024, kind: 'holiday', name: '本单位调整', updated_at: 'x' })
        .execute();
      await trx
        .updateTable('calendar_years')
        .set({ source: 'admin', modified_by_admin: 1, published: 0 })
        .where('year', '=', 2024)
        .execute();
    });
    // A newer package release: every other year is reseeded from it; 2027 now covered too.
    const file = packageFile();
    file.holidays['2027-01-01'] = "New Year's Day,元旦,1";
    file.holidays['2024-10-08'] = 'National Day,国庆节,3'; // a change to the administrator's year
    const report = await seedWorkingCalendar(deps(), {
      official: { source: 'chinese-days 9.9.9', years: exceptionsOf(file) },
    });
    expect(report.adminYears).toEqual([2024]);
    expect(report.loadedYears).not.toContain(2024);
    expect(report.loadedYears).toContain(2027);
    expect(report.loadedYears.length).toBe(expectedCounts().size); // 23 covered years − 2024 + 2027
    expect(await daysOf(2024)).toEqual([{ date: '2024-10-08', kind: 'holiday', name: '本单位调整' }]);
    expect(await yearRow(2024)).toMatchObject({ source: 'admin', modified_by_admin: 1, published: 0 });
    expect(await yearRow(2026)).toMatchObject({ source: 'chinese-days 9.9.9', published: 1 });
    expect(await yearRow(2027)).toMatchObject({ source: 'chinese-days 9.9.9', published: 1 });
    expect(await daysOf(2027)).toEqual([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
  });

  it('adds the following year unpublished once the clock enters a new year', async () => {
    t.clock.set('2027-12-31T17:00:00Z'); // 1 January 2028, 01:00 in China
    const report = await seedWorkingCalendar(deps(), {
      official: { source: 'chinese-days 9.9.9', years: exceptionsOf(packageFile()) },
    });
    expect(report.unpublishedYearsAdded).toEqual([2028, 2029]);
    expect(await yearRow(2029)).toMatchObject({ published: 0, source: null });
    // 2027 keeps the data a former release gave it: nothing is deleted when a release drops a year.
    expect(await yearRow(2027)).toMatchObject({ published: 1 });
  });
});
