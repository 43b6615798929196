import type { CalendarResponse } from '@ccc/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalFileStorage } from '../../../src/lib/file-storage';
import { defaultCaptchaText } from '../../../src/modules/auth/captcha';
import { loadWorkingCalendar } from '../../../src/modules/calendar/calendar.service';
import { prepareDatabase } from '../../../src/startup';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import {
  auditRows,
  freshClient,
  loginOk,
  PASSWORD,
  registerOk,
  registrationBody,
} from '../../helpers/identity';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { OFFICER_PW, officerBody } from '../officers/factories';
import { expectedCounts } from './package-file';

const national2026 = [
  { date: '2026-09-20', kind: 'workday', name: '国庆节' },
  { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-05', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-06', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-07', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节' },
];

describe(`administration of the working calendar ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const state = async () => ({
    days: await t.database.db.selectFrom('calendar_days').selectAll().orderBy('date').execute(),
    years: await t.database.db.selectFrom('calendar_years').selectAll().orderBy('year').execute(),
    audits: (await auditRows(t, 'CALENDAR_YEAR_SAVED')).length,
  });
  const calendar = async (year?: number) => {
    const res = await admin.get(`/api/admin/calendar${year ? `?year=${year}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CalendarResponse>();
  };

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => t.close());

  it("shows a year's holidays and make-up days, and every year's state with the next one flagged", async () => {
    const cal = await calendar(2026);
    expect(cal).toMatchObject({ year: 2026, published: true, source: 'chinese-days 1.5.7' });
    for (const day of national2026) expect(cal.days).toContainEqual(day);
    expect(cal.days.map((d) => d.date)).toEqual([...cal.days.map((d) => d.date)].sort());
    const c = expectedCounts().get(2026)!;
    expect(cal.years.find((y) => y.year === 2026)).toEqual({
      year: 2026,
      published: true,
      source: 'chinese-days 1.5.7',
      dayCount: c.holidays + c.workdays,
    });
    expect(cal.years.find((y) => y.year === 2027)).toEqual({
      year: 2027,
      published: false,
      source: null,
      dayCount: 0,
    });
    expect(cal.years[0]!.year).toBe(2004);
    // Without a year: the current one (the clock stands in March 2026).
    expect((await calendar()).year).toBe(2026);
    expect(await calendar(2027)).toMatchObject({ year: 2027, published: false, days: [] });
    expect(await calendar(2040)).toMatchObject({ year: 2040, published: false, source: null, days: [] });
  });

  it('refuses a year that is not one', async () => {
    for (const q of ['abc', '1999', '2101', '2026.5']) {
      const res = await admin.get(`/api/admin/calendar?year=${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().fields, q).toEqual([{ path: 'year', message: '年度须为 2000 至 2100 之间的整数' }]);
    }
    const put = await admin.put('/api/admin/calendar/1999', { published: true, days: [] });
    expect(put.statusCode).toBe(400);
    expect(put.json().fields[0].path).toBe('year');
  });

  it('refuses wrong days naming each field, and changes nothing', async () => {
    const before = await state();
    const res = await admin.put('/api/admin/calendar/2026', {
      published: true,
      days: [
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-03', kind: 'holiday', name: '国庆节' }, // Saturday
        { date: '2026-10-12', kind: 'workday', name: '国庆节' }, // Monday
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().fields).toEqual([
      { path: 'days.1.date', message: '日期不在所编辑的年度内' },
      { path: 'days.2.date', message: '同一日期只能录入一次' },
      { path: 'days.3.date', message: '节假日须为周一至周五的日期（周末本就休息，无需录入）' },
      { path: 'days.4.date', message: '调休上班日须为周六或周日' },
    ]);

    admin.lang = 'en-US';
    const en = await admin.put('/api/admin/calendar/2026', {
      published: true,
      days: [{ date: '2026-10-12', kind: 'workday', name: '' }],
    });
    admin.lang = 'zh-CN';
    expect(en.json().fields).toEqual([
      { path: 'days.0.date', message: 'A make-up working day must be a Saturday or Sunday' },
    ]);

    // The schema's own checks: a date that is not one, an unknown kind, a name too long.
    const schema = await admin.put('/api/admin/calendar/2026', {
      published: true,
      days: [
        { date: '2026-02-30', kind: 'holiday', name: 'x' },
        { date: '2026-10-08', kind: 'festival', name: 'x' },
        { date: '2026-10-09', kind: 'holiday', name: '长'.repeat(51) },
      ],
    });
    expect(schema.statusCode).toBe(400);
    expect(schema.json().fields.map((f: { path: string }) => f.path)).toEqual([
      'days.0.date',
      'days.1.kind',
      'days.2.name',
    ]);
    expect(schema.json().fields[0].message).toBe('请输入有效日期（年-月-日）');
    expect(await state()).toEqual(before);
  });

  it("replaces a year's days, makes it the administrator's and audits before and after", async () => {
    t.clock.advance(60_000);
    const body = {
      published: true,
      days: [
        // Unsorted on purpose; the answer is by date.
        { date: '2027-10-09', kind: 'workday', name: '国庆节' },
        { date: '2027-01-01', kind: 'holiday', name: ' 元旦 ' },
        { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
      ],
    };
    const res = await admin.put('/api/admin/calendar/2027', body);
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json<CalendarResponse>();
    expect(saved).toMatchObject({ year: 2027, published: true, source: 'admin' });
    expect(saved.days).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2027-10-09', kind: 'workday', name: '国庆节' },
    ]);
    expect(saved.years.find((y) => y.year === 2027)).toMatchObject({ published: true, dayCount: 3 });
    expect(await calendar(2027)).toEqual(saved);
    const row = await t.database.db
      .selectFrom('calendar_years')
      .selectAll()
      .where('year', '=', 2027)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ published: 1, source: 'admin', modified_by_admin: 1 });

    const [audit] = await auditRows(t, 'CALENDAR_YEAR_SAVED');
    expect(audit).toMatchObject({ entity_type: 'calendar_year', entity_id: '2027', actor_role: 'admin' });
    expect(JSON.parse(audit!.before_json!)).toEqual({ published: false, source: null, days: [] });
    expect(JSON.parse(audit!.after_json!)).toEqual({ published: true, source: 'admin', days: saved.days });

    // The review's clock sees it at once: 1 January 2027 is no longer a working day.
    const cal = await loadWorkingCalendar({ db: t.database.db }, '2026-12-31', '2027-01-05');
    expect(cal.days.get('2027-01-01')).toBe('holiday');
    expect(cal.publishedYears.has(2027)).toBe(true);
  });

  it("keeps an administrator's year on a restart; the package's years stay the package's", async () => {
    // The administrator removes 7 October 2026 from the holidays (an emptied day list is allowed too).
    const days = national2026.filter((d) => d.date !== '2026-10-07');
    const res = await admin.put('/api/admin/calendar/2026', { published: false, days });
    expect(res.statusCode, res.body).toBe(200);
    const audits = await auditRows(t, 'CALENDAR_YEAR_SAVED');
    const before = JSON.parse(audits[audits.length - 1]!.before_json!);
    expect(before).toMatchObject({ published: true, source: 'chinese-days 1.5.7' });
    expect(before.days).toContainEqual({ date: '2026-10-07', kind: 'holiday', name: '国庆节' });

    const snapshot = await state();
    await prepareDatabase({
      db: t.database.db,
      config: t.config,
      clock: t.clock,
      files: createLocalFileStorage(t.config.dataDir),
      log: pino({ level: 'silent' }),
      captchaText: defaultCaptchaText,
    });
    expect(await state()).toEqual(snapshot);
    expect(await calendar(2026)).toMatchObject({ published: false, source: 'admin', days });
    expect((await calendar(2025)).source).toBe('chinese-days 1.5.7');
  });

  it('is for administrators only (401 anonymous, 403 officer and enterprise user), nothing changed', async () => {
    expect((await admin.post('/api/admin/officers', officerBody(1))).statusCode).toBe(201);
    await registerOk(t, registrationBody(1));
    const anonymous = freshClient(t);
    await anonymous.refreshSession();
    const clients: [TestClient, number][] = [
      [anonymous, 401],
      [await loginOk(t, 'officer1', OFFICER_PW), 403],
      [await loginOk(t, 'user1', PASSWORD), 403],
    ];
    const before = await state();
    for (const [c, status] of clients) {
      expect((await c.get('/api/admin/calendar?year=2026')).statusCode).toBe(status);
      const put = await c.put('/api/admin/calendar/2026', { published: true, days: national2026 });
      expect(put.statusCode).toBe(status);
      expect(put.json().code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
    expect(await state()).toEqual(before);
  });
});
