import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/lib/clock';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { loginOk, userId } from '../../helpers/identity';

describe(`announcements: drafts, publishing, pinning, the public list ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let adminId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    adminId = await userId(t, TEST_ADMIN.username);
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => t.close());

  const create = async (title: string, extra: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/admin/announcements', {
      title,
      bodyHtml: `<p>${title}</p>`,
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; status: string; pinned: boolean }>();
  };
  const publicTitles = async (query = '') =>
    (await t.client().get(`/api/announcements${query}`))
      .json<{ items: { title: string }[] }>()
      .items.map((i) => i.title);
  const auditOf = (id: string) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'actor_role', 'before_json', 'after_json'])
      .where('entity_type', '=', 'announcement')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();

  it('creates a draft that the public cannot see, and audits it', async () => {
    const a = await create('关于开展CCC免办网上申报的通知');
    expect(a).toMatchObject({ status: 'draft', pinned: false, publishedAt: null, attachmentCount: 0 });

    expect(await publicTitles()).not.toContain('关于开展CCC免办网上申报的通知');
    const direct = await t.client().get(`/api/announcements/${a.id}`);
    expect(direct.statusCode).toBe(404);
    expect(direct.json().code).toBe('NOT_FOUND');

    const adminView = await admin.get(`/api/admin/announcements/${a.id}`);
    expect(adminView.statusCode).toBe(200);
    expect(adminView.json()).toMatchObject({
      title: '关于开展CCC免办网上申报的通知',
      bodyHtml: '<p>关于开展CCC免办网上申报的通知</p>',
    });

    const audit = await auditOf(a.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'ANNOUNCEMENT_CREATED',
      actor_user_id: adminId,
      actor_role: 'admin',
    });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
      title: '关于开展CCC免办网上申报的通知',
      status: 'draft',
    });
  });

  it('publishes, unpublishes and refuses a transition from the wrong state', async () => {
    const a = await create('发布测试');
    const published = await admin.post(`/api/admin/announcements/${a.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: t.clock.now().toISOString() });

    const again = await admin.post(`/api/admin/announcements/${a.id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_TRANSITION');

    expect(await publicTitles()).toContain('发布测试');
    const detail = await t.client().get(`/api/announcements/${a.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ title: '发布测试', status: 'published', attachments: [] });

    const unpublished = await admin.post(`/api/admin/announcements/${a.id}/unpublish`);
    expect(unpublished.statusCode).toBe(200);
    expect(unpublished.json()).toMatchObject({ status: 'draft', publishedAt: null });
    expect(await publicTitles()).not.toContain('发布测试');
    expect((await t.client().get(`/api/announcements/${a.id}`)).statusCode).toBe(404);

    const unpublishDraft = await admin.post(`/api/admin/announcements/${a.id}/unpublish`);
    expect(unpublishDraft.statusCode).toBe(409);

    expect((await auditOf(a.id)).map((r) => r.action)).toEqual([
      'ANNOUNCEMENT_CREATED',
      'ANNOUNCEMENT_PUBLISHED',
      'ANNOUNCEMENT_UNPUBLISHED',
    ]);
  });

  it('lists pinned first, then the newest published, and pages', async () => {
    // Start from an empty list (earlier tests left drafts only, but do not rely on it).
    await t.database.db.deleteFrom('announcements').execute();
    const ids: Record<string, string> = {};
    for (const title of ['一号', '二号', '三号', '四号']) {
      ids[title] = (await create(title)).id;
    }
    // Published in this order, a minute apart: 三号, 一号, 四号, 二号 (二号 newest). 四号 stays a draft below.
    for (const title of ['三号', '一号', '四号', '二号']) {
      t.clock.advance(MINUTE);
      expect((await admin.post(`/api/admin/announcements/${ids[title]}/publish`)).statusCode).toBe(200);
    }
    expect(await publicTitles()).toEqual(['二号', '四号', '一号', '三号']);

    const pin = await admin.post(`/api/admin/announcements/${ids['三号']}/pin`, { pinned: true });
    expect(pin.statusCode).toBe(200);
    expect(pin.json().pinned).toBe(true);
    expect(await publicTitles()).toEqual(['三号', '二号', '四号', '一号']);

    await admin.post(`/api/admin/announcements/${ids['一号']}/pin`, { pinned: true });
    expect(await publicTitles()).toEqual(['一号', '三号', '二号', '四号']);

    await admin.post(`/api/admin/announcements/${ids['四号']}/unpublish`);
    expect(await publicTitles()).toEqual(['一号', '三号', '二号']);

    const page2 = await t.client().get('/api/announcements?page=2&pageSize=2');
    expect(page2.statusCode).toBe(200);
    expect(page2.json()).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ title: '二号' }] });

    await admin.post(`/api/admin/announcements/${ids['三号']}/pin`, { pinned: false });
    expect(await publicTitles()).toEqual(['一号', '二号', '三号']);
    expect((await auditOf(ids['三号']!)).map((r) => r.action)).toEqual([
      'ANNOUNCEMENT_CREATED',
      'ANNOUNCEMENT_PUBLISHED',
      'ANNOUNCEMENT_PINNED',
      'ANNOUNCEMENT_UNPINNED',
    ]);

    // The administrator sees every status, filtered by status and by words of the title.
    const all = (await admin.get('/api/admin/announcements')).json();
    expect(all.total).toBe(4);
    const drafts = (await admin.get('/api/admin/announcements?status=draft')).json();
    expect(drafts.items.map((i: { title: string }) => i.title)).toEqual(['四号']);
    const search = (await admin.get(`/api/admin/announcements?q=${encodeURIComponent('二')}`)).json();
    expect(search.items.map((i: { title: string }) => i.title)).toEqual(['二号']);
    // LIKE wildcards in the search are text, not patterns.
    expect((await admin.get('/api/admin/announcements?q=%25')).json().total).toBe(0);
  });

  it('edits title, body and pin, also of a published announcement', async () => {
    const a = await create('原标题');
    await admin.post(`/api/admin/announcements/${a.id}/publish`);
    const res = await admin.put(`/api/admin/announcements/${a.id}`, {
      title: '新标题',
      bodyHtml: '<p>新的正文</p>',
      pinned: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: '新标题',
      bodyHtml: '<p>新的正文</p>',
      pinned: true,
      status: 'published',
    });
    expect((await t.client().get(`/api/announcements/${a.id}`)).json().title).toBe('新标题');

    const audit = await auditOf(a.id);
    const update = audit.find((r) => r.action === 'ANNOUNCEMENT_UPDATED')!;
    expect(JSON.parse(update.before_json!)).toMatchObject({ title: '原标题', pinned: false });
    expect(JSON.parse(update.after_json!)).toMatchObject({ title: '新标题', pinned: true });
  });

  it('validates the body: a title is required', async () => {
    const res = await admin.post('/api/admin/announcements', { title: '  ', bodyHtml: '<p>x</p>' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'title', message: '此项为必填项' }],
    });
  });

  it('deletes drafts only', async () => {
    const a = await create('待删除');
    await admin.post(`/api/admin/announcements/${a.id}/publish`);
    const refused = await admin.delete(`/api/admin/announcements/${a.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('INVALID_TRANSITION');

    await admin.post(`/api/admin/announcements/${a.id}/unpublish`);
    const deleted = await admin.delete(`/api/admin/announcements/${a.id}`);
    expect(deleted.statusCode).toBe(200);
    expect((await admin.get(`/api/admin/announcements/${a.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/admin/announcements/${a.id}`)).statusCode).toBe(404);
    // The audit trail outlives the announcement.
    expect((await auditOf(a.id)).map((r) => r.action)).toContain('ANNOUNCEMENT_DELETED');
  });

  it('answers unknown ids with 404', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await admin.get(`/api/admin/announcements/${id}`)).statusCode).toBe(404);
    expect((await admin.put(`/api/admin/announcements/${id}`, { title: 'x', bodyHtml: '' })).statusCode).toBe(
      404,
    );
    expect((await admin.post(`/api/admin/announcements/${id}/publish`)).statusCode).toBe(404);
    expect((await admin.post(`/api/admin/announcements/${id}/pin`, { pinned: true })).statusCode).toBe(404);
    expect((await t.client().get(`/api/announcements/${id}`)).statusCode).toBe(404);
  });
});
