import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { fixture, uploadFile } from '../../helpers/upload';
import { freshClient, loginOk, PASSWORD, registerOk, registrationBody, userId } from '../../helpers/identity';
import { OFFICER_PW, officerBody } from './factories';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe(`administration routes are the administrator's only ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let routes: [Method, string, Record<string, unknown>?][];
  let upload: string;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await admin.post('/api/admin/officers', officerBody(1))).statusCode).toBe(201);
    await registerOk(t, registrationBody(1));

    // Real ids, so a refusal cannot be a 404 in disguise.
    const officerId = await userId(t, 'officer1');
    const created = await admin.post('/api/admin/announcements', { title: '权限测试', bodyHtml: '<p>x</p>' });
    const a = created.json<{ id: string }>().id;
    const att = await uploadFile(
      t,
      admin,
      `/api/admin/announcements/${a}/attachments`,
      'a.pdf',
      fixture('sample.pdf'),
    );
    const attId = att.json<{ id: string }>().id;
    upload = `/api/admin/announcements/${a}/attachments`;

    routes = [
      ['GET', '/api/admin/officers'],
      ['GET', `/api/admin/officers/${officerId}`],
      ['POST', '/api/admin/officers', officerBody(2)],
      [
        'PUT',
        `/api/admin/officers/${officerId}`,
        { contactName: 'x', mobile: '13900000000', email: 'x@example.cn', bureauCode: '310000' },
      ],
      ['POST', `/api/admin/officers/${officerId}/status`, { status: 'disabled' }],
      ['POST', `/api/admin/officers/${officerId}/password`, { password: 'Hijack#2026x' }],
      ['GET', '/api/admin/announcements'],
      ['GET', `/api/admin/announcements/${a}`],
      ['POST', '/api/admin/announcements', { title: 'x', bodyHtml: '' }],
      ['PUT', `/api/admin/announcements/${a}`, { title: 'x', bodyHtml: '' }],
      ['POST', `/api/admin/announcements/${a}/publish`],
      ['POST', `/api/admin/announcements/${a}/unpublish`],
      ['POST', `/api/admin/announcements/${a}/pin`, { pinned: true }],
      ['GET', `/api/admin/announcements/${a}/attachments/${attId}`],
      ['DELETE', `/api/admin/announcements/${a}/attachments/${attId}`],
      ['DELETE', `/api/admin/announcements/${a}`],
    ];
  });
  afterAll(async () => t.close());

  const snapshot = async () => ({
    officers: await t.database.db
      .selectFrom('users')
      .select(['username', 'status', 'contact_name'])
      .orderBy('id')
      .execute(),
    announcements: await t.database.db.selectFrom('announcements').selectAll().execute(),
    attachments: await t.database.db.selectFrom('announcement_attachments').selectAll().execute(),
  });

  const expectRefused = async (c: TestClient, status: number, code: string) => {
    const before = await snapshot();
    for (const [method, url, body] of routes) {
      const res = await c.request(
        method,
        url,
        method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}),
      );
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(res.json().code, `${method} ${url}`).toBe(code);
    }
    const file = await uploadFile(t, c, upload, 'b.pdf', fixture('sample.pdf'));
    expect(file.statusCode).toBe(status);
    expect(await snapshot()).toEqual(before);
  };

  it('answers anonymous requests with 401', async () => {
    const c = freshClient(t);
    await c.refreshSession(); // a valid pre-login CSRF token: the refusal is about the role
    await expectRefused(c, 401, 'UNAUTHENTICATED');
  });

  it('answers an officer with 403', async () => {
    await expectRefused(await loginOk(t, 'officer1', OFFICER_PW), 403, 'FORBIDDEN');
  });

  it('answers an enterprise user with 403', async () => {
    await expectRefused(await loginOk(t, 'user1', PASSWORD), 403, 'FORBIDDEN');
  });

  it('lets the administrator through (the same requests succeed)', async () => {
    for (const [method, url, body] of routes.slice(0, 2)) {
      const res = await admin.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(200);
    }
  });
});
