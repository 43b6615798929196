import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/lib/clock';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { loginOk } from '../../helpers/identity';
import { enterprise } from '../applications/helpers';
import { officer } from '../../helpers/review';
import { fixture, uploadFile } from '../../helpers/upload';

interface Detail {
  id: string;
  status: string;
  publishedAt: string | null;
  pinned: boolean;
  attachments: { id: string }[];
}

/** 定时发布: the public sees a scheduled announcement from its publication time, judged by the clock. */
describe(`announcements: scheduled publication ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set('2026-03-02T02:00:00.000Z');
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => t.close());

  /** Moves the clock and logs the administrator in again (the session's idle timeout may have passed). */
  const moveClock = async (to: string | number) => {
    if (typeof to === 'string') t.clock.set(to);
    else t.clock.advance(to);
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
  };

  const create = async (title: string, pinned = false) => {
    const res = await admin.post('/api/admin/announcements', { title, bodyHtml: `<p>${title}</p>`, pinned });
    expect(res.statusCode).toBe(201);
    return res.json<Detail>().id;
  };
  const publish = (id: string, publishAt?: string) =>
    admin.post(`/api/admin/announcements/${id}/publish`, publishAt ? { publishAt } : {});
  const publicTitles = async () =>
    (await t.client().get('/api/announcements?pageSize=100'))
      .json<{ items: { title: string }[] }>()
      .items.map((i) => i.title);
  const adminStatus = async (id: string) =>
    (await admin.get(`/api/admin/announcements/${id}`)).json<Detail>().status;
  const actions = async (id: string) =>
    (
      await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', id)
        .orderBy('id')
        .execute()
    ).map((r) => r.action);

  it('shows a scheduled announcement as 待发布 and makes it public from its time on, pinned first', async () => {
    const old = await create('已发布的通知');
    expect((await publish(old)).statusCode).toBe(200);
    t.clock.advance(MINUTE);
    const id = await create('定时发布的置顶通知', true);
    const at = '2026-03-02T04:00:00.000Z';
    const res = await publish(id, '2026-03-02T12:00:00+08:00');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>()).toMatchObject({ status: 'scheduled', publishedAt: at });
    expect(await adminStatus(id)).toBe('scheduled');

    // Not yet: absent from the home page list, its page and its attachments.
    expect(await publicTitles()).toEqual(['已发布的通知']);
    expect((await t.client().get(`/api/announcements/${id}`)).statusCode).toBe(404);
    // The console's filters tell the two apart.
    const scheduled = await admin.get('/api/admin/announcements?status=scheduled');
    expect(scheduled.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([id]);
    const published = await admin.get('/api/admin/announcements?status=published');
    expect(published.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([old]);

    await moveClock('2026-03-02T03:59:59.999Z');
    expect(await publicTitles()).toEqual(['已发布的通知']);
    await moveClock(at);
    expect(await publicTitles()).toEqual(['定时发布的置顶通知', '已发布的通知']);
    const page = await t.client().get(`/api/announcements/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json<Detail>()).toMatchObject({ status: 'published', publishedAt: at });
    expect(await adminStatus(id)).toBe('published');
    expect(await actions(id)).toEqual(['ANNOUNCEMENT_CREATED', 'ANNOUNCEMENT_SCHEDULED']);

    // Once public it cannot be "published" again.
    const again = await publish(id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('lets the administrator reschedule, publish now or withdraw a scheduled announcement', async () => {
    const id = await create('改期的通知');
    const first = new Date(t.clock.now().getTime() + 2 * HOUR).toISOString();
    expect((await publish(id, first)).statusCode).toBe(200);

    const later = new Date(t.clock.now().getTime() + 24 * HOUR).toISOString();
    const moved = await publish(id, later);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Detail>()).toMatchObject({ status: 'scheduled', publishedAt: later });
    await moveClock(3 * HOUR);
    expect(await publicTitles()).not.toContain('改期的通知');

    const withdrawn = await admin.post(`/api/admin/announcements/${id}/unpublish`);
    expect(withdrawn.json<Detail>()).toMatchObject({ status: 'draft', publishedAt: null });
    await moveClock(24 * HOUR);
    expect(await publicTitles()).not.toContain('改期的通知');

    expect((await publish(id, new Date(t.clock.now().getTime() + HOUR).toISOString())).statusCode).toBe(200);
    const now = await publish(id);
    expect(now.json<Detail>()).toMatchObject({
      status: 'published',
      publishedAt: t.clock.now().toISOString(),
    });
    expect(await publicTitles()).toContain('改期的通知');
    expect(await actions(id)).toEqual([
      'ANNOUNCEMENT_CREATED',
      'ANNOUNCEMENT_SCHEDULED',
      'ANNOUNCEMENT_SCHEDULED',
      'ANNOUNCEMENT_UNPUBLISHED',
      'ANNOUNCEMENT_SCHEDULED',
      'ANNOUNCEMENT_PUBLISHED',
    ]);
  });

  it('refuses a time in the past or not a time, and changes nothing', async () => {
    const id = await create('时间不对的通知');
    for (const publishAt of [
      t.clock.now().toISOString(),
      '2020-01-01T00:00:00Z',
      '明天',
      '2026-13-01T00:00:00Z',
    ]) {
      const res = await publish(id, publishAt);
      expect(res.statusCode, publishAt).toBe(400);
      expect(res.json<{ fields: { path: string }[] }>().fields.map((f) => f.path)).toEqual(['publishAt']);
    }
    expect(await adminStatus(id)).toBe('draft');
    expect(await actions(id)).toEqual(['ANNOUNCEMENT_CREATED']);
  });

  it('keeps a scheduled announcement’s attachments from the public until its time', async () => {
    const id = await create('带附件的定时通知');
    const up = await uploadFile(
      t,
      admin,
      `/api/admin/announcements/${id}/attachments`,
      '指南.pdf',
      fixture('sample.pdf'),
    );
    expect(up.statusCode).toBe(201);
    const attId = up.json<{ id: string }>().id;
    const url = `/api/announcements/${id}/attachments/${attId}`;
    const at = new Date(t.clock.now().getTime() + HOUR).toISOString();
    expect((await publish(id, at)).statusCode).toBe(200);
    expect((await t.client().get(url)).statusCode).toBe(404);
    expect((await admin.get(`/api/admin/announcements/${id}/attachments/${attId}`)).statusCode).toBe(200);
    await moveClock(at);
    const dl = await t.client().get(url);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(fixture('sample.pdf'))).toBe(true);
  });

  it('is the administrator’s only: an enterprise user or an officer cannot publish, schedule or withdraw', async () => {
    const id = await create('权限测试通知');
    const ent = await enterprise(t, 1);
    const off = await officer(t, 1);
    const future = new Date(t.clock.now().getTime() + HOUR).toISOString();
    for (const c of [ent, off]) {
      expect((await c.post(`/api/admin/announcements/${id}/publish`, { publishAt: future })).statusCode).toBe(
        403,
      );
      expect((await c.post(`/api/admin/announcements/${id}/publish`)).statusCode).toBe(403);
      expect((await c.post(`/api/admin/announcements/${id}/unpublish`)).statusCode).toBe(403);
      expect((await c.get('/api/admin/announcements')).statusCode).toBe(403);
    }
    expect(await adminStatus(id)).toBe('draft');
    expect(await actions(id)).toEqual(['ANNOUNCEMENT_CREATED']);
  });
});
