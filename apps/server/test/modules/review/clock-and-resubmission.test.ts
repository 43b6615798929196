import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxResponse, Product } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { mailsTo } from '../../helpers/identity';
import { decideOk, submittedApplication } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { fixture, uploadFile } from '../../helpers/upload';
import { addProductOk, applicationBody, HS_MONITOR, productBody, submitOk } from '../applications/helpers';
import { applicationRow, reloginOfficer, reloginUser, reviewOf, officer } from './helpers';

/**
 * The working-day clock across 劳动节 2026 (Fri 1, Mon 4, Tue 5 May off; Saturday 9 May worked), paused while
 * the enterprise holds a returned case; and the resubmitted case showing the officer what changed.
 */
describe(`service clock and resubmission ${describeDb}`, () => {
  let t: TestApp;
  let off: TestClient;
  let ent: TestClient;
  let id: string;
  let number: string;
  /** 10:00 in China on that date. */
  const setDay = (date: string) => t.clock.set(`${date}T02:00:00.000Z`);

  beforeAll(async () => {
    t = await buildTestApp();
    // The calendar of these weeks, whatever the shipped package says.
    const now = new Date().toISOString();
    const db = t.database.db;
    await db
      .deleteFrom('calendar_days')
      .where('date', '>=', '2026-04-01')
      .where('date', '<=', '2026-06-30')
      .execute();
    await db
      .insertInto('calendar_days')
      .values([
        { date: '2026-05-01', year: 2026, kind: 'holiday', name: '劳动节', updated_at: now },
        { date: '2026-05-04', year: 2026, kind: 'holiday', name: '劳动节', updated_at: now },
        { date: '2026-05-05', year: 2026, kind: 'holiday', name: '劳动节', updated_at: now },
        { date: '2026-05-09', year: 2026, kind: 'workday', name: '劳动节', updated_at: now },
      ])
      .execute();
    await db.deleteFrom('calendar_years').where('year', '=', 2026).execute();
    await db
      .insertInto('calendar_years')
      .values({ year: 2026, published: 1, source: 'test', modified_by_admin: 1, updated_at: now })
      .execute();

    setDay('2026-04-30'); // Thursday
    off = await officer(t, 1);
    const submitted = await submittedApplication(t, 1);
    ent = submitted.ent;
    id = submitted.app.id;
    number = submitted.app.number;
  });
  afterAll(async () => t.close());

  const inboxItem = async () => {
    const res = await off.get('/api/bureau/inbox');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<InboxResponse>().items.find((i) => i.id === id)!;
  };

  it('counts no holiday and no plain weekend day, and the make-up Saturday', async () => {
    setDay('2026-05-06'); // Wednesday after the holidays
    off = await reloginOfficer(t, 1);
    expect((await inboxItem()).clock).toEqual({
      acceptDays: 2,
      decideDays: 5,
      sinceSubmission: 1,
      withBureau: 1,
      acceptDueOn: '2026-05-07',
      decideDueOn: '2026-05-11',
      overdue: false,
      calendarIncomplete: false,
    });
    setDay('2026-05-07');
    off = await reloginOfficer(t, 1);
    expect((await inboxItem()).clock).toMatchObject({ sinceSubmission: 2, overdue: false });
    setDay('2026-05-08'); // Friday: beyond the 2 days to accept or return
    off = await reloginOfficer(t, 1);
    const item = await inboxItem();
    expect(item.clock).toMatchObject({ sinceSubmission: 3, overdue: true });
    expect((await reviewOf(off, id)).clock).toEqual(item.clock);
  });

  it('退回 adds the round’s working days and pauses the clock while the enterprise holds the case', async () => {
    await decideOk(off, id, 'return', '请补充设备采购合同，并更正发票号');
    expect((await applicationRow(t, id)).clock_days_used).toBe(3);
    const paused = (await reviewOf(off, id)).clock!;
    expect(paused).toMatchObject({ withBureau: 3, overdue: false, decideDueOn: null, acceptDueOn: null });
    // The make-up Saturday and the next working days pass while it is with the enterprise.
    setDay('2026-05-12');
    off = await reloginOfficer(t, 1);
    expect((await reviewOf(off, id)).clock).toEqual(paused);
    const returned = (await mailsTo(t, 'user1@example.com')).filter((m) => m.subject.includes('被退回'));
    expect(returned).toHaveLength(1);
    expect(returned[0]!.text).toContain('请补充设备采购合同，并更正发票号');
  });

  it('shows the officer the reason of the return and what the enterprise changed since', async () => {
    setDay('2026-05-13'); // Wednesday: the enterprise corrects and resubmits
    ent = await reloginUser(t, 1);
    off = await reloginOfficer(t, 1);
    // Still with the enterprise: nothing to compare yet.
    expect((await reviewOf(off, id)).lastReturn).toBeNull();
    const put = await ent.put(`/api/applications/${id}`, applicationBody({ invoiceNo: 'INV-2026-099' }));
    expect(put.statusCode, put.body).toBe(200);
    await addProductOk(ent, id, {
      hsCode: HS_MONITOR,
      productName: '液晶监视器',
      model: 'LM-27',
      quantity: '3',
    });
    const products = (await ent.get(`/api/applications/${id}`)).json<{ products: Product[] }>().products;
    const first = products.find((p) => p.lineNo === 1)!;
    const changed = await ent.put(
      `/api/applications/${id}/products/${first.id}`,
      productBody({ quantity: '4' }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const upload = await uploadFile(
      t,
      ent,
      `/api/applications/${id}/attachments/production_line_proof`,
      '设备采购合同.png',
      fixture('scan.png'),
      'image/png',
    );
    expect(upload.statusCode, upload.body).toBe(200);
    await submitOk(ent, id);

    off = await reloginOfficer(t, 1);
    const detail = await reviewOf(off, id);
    expect(detail.application.status).toBe('submitted');
    const last = detail.lastReturn!;
    expect(last.reason).toBe('请补充设备采购合同，并更正发票号');
    expect(last.at).toBe('2026-05-08T02:00:00.000Z');
    expect(last.changes.map((c) => c.action)).toEqual([
      'APPLICATION_UPDATED',
      'PRODUCT_ADDED',
      'PRODUCT_UPDATED',
      'ATTACHMENT_REPLACED',
    ]);
    expect(last.changes.every((c) => c.actorUsername === 'user1')).toBe(true);
    expect(last.changes[0]!.fields).toEqual([
      { field: 'invoiceNo', before: 'INV-2026-001', after: 'INV-2026-099' },
    ]);
    expect(last.changes[1]!.subject).toBe('2. 液晶监视器');
    expect(last.changes[1]!.fields).toContainEqual({ field: 'quantity', before: null, after: '3' });
    expect(last.changes[2]!.fields).toEqual([{ field: 'quantity', before: '2', after: '4' }]);
    expect(last.changes[3]!.fields).toContainEqual({
      field: 'filename',
      before: 'production_line_proof.pdf',
      after: '设备采购合同.png',
    });

    const item = await inboxItem();
    expect(item).toMatchObject({ number, resubmitted: true, firstSubmittedAt: '2026-04-30T02:00:00.000Z' });
    // The new round starts at 0, after the 3 days of the first.
    expect(item.clock).toMatchObject({
      sinceSubmission: 0,
      withBureau: 3,
      acceptDueOn: '2026-05-15',
      decideDueOn: '2026-05-15',
      overdue: false,
    });
  });

  it('resumes the clock where it stopped: overdue once the bureau held it beyond 5 working days', async () => {
    await decideOk(off, id, 'accept');
    setDay('2026-05-15'); // Friday: 3 + 2
    off = await reloginOfficer(t, 1);
    expect((await reviewOf(off, id)).clock).toMatchObject({
      sinceSubmission: 2,
      withBureau: 5,
      overdue: false,
    });
    setDay('2026-05-18'); // Monday: 3 + 3
    off = await reloginOfficer(t, 1);
    const item = await inboxItem();
    expect(item.status).toBe('under_review');
    expect(item.clock).toMatchObject({
      withBureau: 6,
      acceptDueOn: null,
      decideDueOn: '2026-05-15',
      overdue: true,
    });
    await decideOk(off, id, 'approve');
    expect((await reviewOf(off, id)).clock).toBeNull();
  });
});
