import { addWorkingDays, spansUnpublishedYear, workingDaysBetween } from '@ccc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../../src/modules/calendar/calendar.service';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';

/** Working-day arithmetic over the seeded calendar, as the review's clock computes it. */
describe(`working days over the seeded calendar ${describeDb}`, () => {
  let t: TestApp;
  const load = (from: string, to: string) => loadWorkingCalendar({ db: t.database.db }, from, to);

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('loads only the exceptions of the span asked for, and the published years', async () => {
    const cal = await load('2026-09-30', '2026-10-12');
    expect([...cal.days].sort()).toEqual([
      ['2026-10-01', 'holiday'],
      ['2026-10-02', 'holiday'],
      ['2026-10-05', 'holiday'],
      ['2026-10-06', 'holiday'],
      ['2026-10-07', 'holiday'],
      ['2026-10-10', 'workday'],
    ]);
    expect(cal.publishedYears.has(2004)).toBe(true);
    expect(cal.publishedYears.has(2026)).toBe(true);
    expect(cal.publishedYears.has(2027)).toBe(false); // a row exists, unpublished
  });

  it('counts across the National Day week and the make-up Saturday', async () => {
    const cal = await load('2026-09-01', '2026-10-31');
    // 30 Sep (Wed) → 12 Oct (Mon): 8, 9, 10 (Saturday worked) and 12 October.
    expect(workingDaysBetween('2026-09-30', '2026-10-12', cal)).toBe(4);
    // Submitted on Friday 9 October: accept within 2 working days ends Monday 12 (Saturday 10 counts).
    expect(addWorkingDays('2026-10-09', 2, cal)).toBe('2026-10-12');
    // Decide within 5 of 30 September: 8, 9, 10, 12, 13 October.
    expect(addWorkingDays('2026-09-30', 5, cal)).toBe('2026-10-13');
    // Submitted on the Sunday worked (20 Sep): 21–24 count, 25 is 中秋, 26–27 a weekend, 28–30 count.
    expect(workingDaysBetween('2026-09-20', '2026-09-30', cal)).toBe(7);
    expect(spansUnpublishedYear('2026-09-30', '2026-10-12', cal)).toBe(false);
  });

  it('counts the Spring Festival of 2026 with its two make-up Saturdays', async () => {
    const cal = await load('2026-02-01', '2026-03-31');
    // 13 Feb (Fri) → 2 Mar (Mon): 14 (Sat, worked), 24, 25, 26, 27, 28 (Sat, worked), 2 March.
    expect(workingDaysBetween('2026-02-13', '2026-03-02', cal)).toBe(7);
    expect(addWorkingDays('2026-02-13', 2, cal)).toBe('2026-02-24');
  });

  it('sees an administrator-edited day at once, and flags spans into an unpublished year', async () => {
    await t.database.db
      .insertInto('calendar_days')
      .values({ date: '2026-10-12', year: 2026, kind: 'holiday', name: '测试', updated_at: 'x' })
      .execute();
    const cal = await load('2026-09-30', '2027-01-10');
    expect(workingDaysBetween('2026-09-30', '2026-10-12', cal)).toBe(3);
    expect(spansUnpublishedYear('2026-12-28', '2027-01-05', cal)).toBe(true);
    // 2027 falls back to the weekend rule: 1 January 2027 (a Friday) counts.
    expect(workingDaysBetween('2026-12-31', '2027-01-04', cal)).toBe(2);
  });
});
