import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverdueResponse, ReportDeadlinesResponse } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { adminClient, loginOk, mailsTo } from '../../helpers/identity';
import { officer } from '../../helpers/review';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { sendReportReminders } from '../../../src/modules/supervision/report-reminders.service';
import { GD, OFFICER_PW } from '../officers/factories';
import { createRecordOk, issuedCertificate, recordsOf, reexport, submitRecordOk, usage } from './helpers';

/** Per-clause reporting deadlines in working days, overdue certificates, the reminder before a deadline. */
describe(`usage records deadlines ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let sh: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
    sh = await officer(t, 1);
    await officer(t, 2, GD);
  });
  afterAll(async () => t.close());

  /** Moves the China clock to 10:00 of `date` and logs the users in again (sessions expire meanwhile). */
  const at = async (date: string, users: string[]) => {
    t.clock.set(`${date}T02:00:00.000Z`);
    sh = await loginOk(t, 'officer1', OFFICER_PW);
    return Promise.all(users.map((u) => loginOk(t, u)));
  };

  it('lists the defaults per clause and lets only the administrator change them', async () => {
    const res = await admin.get('/api/admin/report-deadlines');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<ReportDeadlinesResponse>().items;
    expect(items.find((i) => i.clauseCode === '03')).toMatchObject({ days: 90, basis: 'issue' });
    expect(items.find((i) => i.clauseCode === '04')).toMatchObject({ days: 10, basis: 'display_end' });
    expect(items.find((i) => i.clauseCode === '05')).toMatchObject({ days: 10, basis: 'export' });
    expect((await sh.get('/api/admin/report-deadlines')).statusCode).toBe(403);
    expect(
      (
        await admin.put('/api/admin/report-deadlines', {
          items: [{ clauseCode: '99', days: 5, basis: 'issue' }],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await admin.put('/api/admin/report-deadlines', {
          items: [{ clauseCode: '03', days: 0, basis: 'issue' }],
        })
      ).statusCode,
    ).toBe(400);
    const put = await admin.put('/api/admin/report-deadlines', {
      items: [{ clauseCode: '03', days: 5, basis: 'issue' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<ReportDeadlinesResponse>().items.find((i) => i.clauseCode === '03')).toMatchObject({
      days: 5,
    });
  });

  it('computes the deadline and days overdue in working days, reminds once, and clears when fully reported', async () => {
    // Issued Monday 2026-03-02; 5 working days → Monday 2026-03-09.
    const { ent, number } = await issuedCertificate(t, 1, sh, { quantities: ['10', '2'] });
    expect((await recordsOf(ent, number)).deadline).toMatchObject({
      dueOn: '2026-03-09',
      fromDate: '2026-03-02',
      days: 5,
      overdue: false,
      daysOverdue: 0,
      fullyReported: false,
    });
    expect(await sendReportReminders(t.deps)).toEqual([]);

    // Wednesday: 3 working days left (Thu, Fri, Mon) → the reminder, once, even when run concurrently.
    await at('2026-03-04', []);
    const runs = await Promise.all([sendReportReminders(t.deps), sendReportReminders(t.deps)]);
    expect(runs.flat()).toEqual([number]);
    expect(await sendReportReminders(t.deps)).toEqual([]);
    const reminders = (await mailsTo(t, 'user1@example.com')).filter((m) => m.subject.includes('即将到期'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('2026-03-09');

    // Saturday 2026-03-14: Tue–Fri past the deadline = 4 working days.
    let [e1] = await at('2026-03-14', ['user1']);
    const view = await recordsOf(e1!, number);
    expect(view.deadline).toMatchObject({ overdue: true, daysOverdue: 4 });
    let overdue = (await sh.get('/api/bureau/supervision/overdue')).json<OverdueResponse>();
    expect(overdue.items.find((i) => i.certificateNumber === number)).toMatchObject({
      daysOverdue: 4,
      dueOn: '2026-03-09',
      outstanding: '12',
    });
    const gd = await loginOk(t, 'officer2', OFFICER_PW);
    expect((await gd.get('/api/bureau/supervision/overdue')).json<OverdueResponse>().items).toHaveLength(0);
    expect(await sendReportReminders(t.deps)).toEqual([]);

    // Monday 2026-03-16: 5. Reported in part (a draft does not count), still overdue.
    [e1] = await at('2026-03-16', ['user1']);
    const a = await createRecordOk(e1!, number, reexport([{ lineNo: 1, quantity: '10' }]));
    const b = await createRecordOk(e1!, number, usage([{ lineNo: 2, quantity: '2' }]));
    expect((await recordsOf(e1!, number)).deadline).toMatchObject({ overdue: true, daysOverdue: 5 });
    await submitRecordOk(e1!, a.id);
    expect((await recordsOf(e1!, number)).deadline).toMatchObject({ overdue: true, fullyReported: false });
    await submitRecordOk(e1!, b.id);
    expect((await recordsOf(e1!, number)).deadline).toMatchObject({
      overdue: false,
      fullyReported: true,
      daysOverdue: 0,
    });
    overdue = (await sh.get('/api/bureau/supervision/overdue')).json<OverdueResponse>();
    expect(overdue.items.map((i) => i.certificateNumber)).not.toContain(number);
    void ent;
  });

  it('clause 05: no deadline until the write-off; then 10 working days from the export; fully reported needs it', async () => {
    await at('2026-04-01', []);
    const { ent, number } = await issuedCertificate(t, 2, sh, {
      quantities: ['3'],
      app: { clauseCode: '05' },
    });
    const first = await recordsOf(ent, number);
    expect(first.allowedKinds).toEqual(['usage', 'reexport', 'destruction', 'writeoff']);
    expect(first.deadline).toBeNull();
    const u = await createRecordOk(
      ent,
      number,
      usage([{ lineNo: 1, quantity: '3' }], { periodStart: '2026-04-01' }),
    );
    await submitRecordOk(ent, u.id);
    const missing = await ent.post(`/api/certificates/${number}/records`, {
      kind: 'writeoff',
      declarationNo: 'X1',
    });
    expect(missing.statusCode).toBe(400);
    const withLines = await ent.post(`/api/certificates/${number}/records`, {
      kind: 'writeoff',
      declarationNo: '223320260000077777',
      exportDate: '2026-04-01',
      lines: [{ lineNo: 1, quantity: '1', date: '2026-04-01' }],
    });
    expect(withLines.statusCode).toBe(400);
    const w = await createRecordOk(ent, number, {
      kind: 'writeoff',
      declarationNo: '223320260000077777',
      exportDate: '2026-04-01',
    });
    expect(w.lines).toEqual([]);
    // 2026-04-01 (Wed) + 10 working days, over 清明 (Apr 4–6 off in the official 2026 calendar or weekends only).
    const view = await recordsOf(ent, number);
    expect(view.deadline).toMatchObject({
      basis: 'export',
      fromDate: '2026-04-01',
      days: 10,
      fullyReported: false,
    });
    expect(view.deadline!.dueOn >= '2026-04-15').toBe(true);
    await submitRecordOk(ent, w.id);
    expect((await recordsOf(ent, number)).deadline).toMatchObject({ fullyReported: true, overdue: false });
  });

  it('clause 04: counts from the end of the display period', async () => {
    const { ent, number } = await issuedCertificate(t, 3, sh, {
      app: {
        clauseCode: '04',
        displayStartDate: '2026-04-10',
        displayEndDate: '2026-04-20',
        postDisplayDisposal: '展后退运出境',
      },
    });
    const view = await recordsOf(ent, number);
    // Monday 2026-04-20 + 10 working days = Monday 2026-05-04 by weekends; 劳动节 pushes it later.
    expect(view.deadline).toMatchObject({ basis: 'display_end', fromDate: '2026-04-20', days: 10 });
    expect(view.deadline!.dueOn >= '2026-05-04').toBe(true);
  });
});
