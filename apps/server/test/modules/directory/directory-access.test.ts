import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { auditRows, freshClient, login, loginOk, userId } from '../../helpers/identity';
import { officer } from '../../helpers/review';
import { enterprise } from '../applications/helpers';

type Method = 'GET' | 'POST';

describe(`单位与用户 is the administrator's only ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let ent: TestClient;
  let off: TestClient;
  let routes: [Method, string][];

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
    ent = await enterprise(t, 1);
    await enterprise(t, 2);
    off = await officer(t, 1);
    // A locked user, so that an unlock by the wrong party would have something to change.
    for (let i = 0; i < 5; i++) await login(t, 'user2', 'Wrong#Pass1');

    const org = (
      await t.database.db
        .selectFrom('organisations')
        .select('id')
        .orderBy('created_at')
        .executeTakeFirstOrThrow()
    ).id;
    // Real ids (another user, the caller itself, the administrator), so a refusal cannot be a 404 in disguise.
    const targets = [
      await userId(t, 'user2'),
      await userId(t, 'user1'),
      await userId(t, TEST_ADMIN.username),
    ];
    routes = [
      ['GET', '/api/admin/organisations'],
      ['GET', '/api/admin/organisations?q=user'],
      ['GET', `/api/admin/organisations/${org}`],
      ['GET', `/api/admin/organisations/${org}/applications`],
      ['GET', '/api/admin/users'],
      ['GET', `/api/admin/users/${targets[0]}`],
      ...targets.flatMap((id) =>
        (['disable', 'enable', 'unlock'] as const).map((a): [Method, string] => [
          'POST',
          `/api/admin/users/${id}/${a}`,
        ]),
      ),
    ];
  });
  afterAll(async () => t.close());

  const snapshot = async () => ({
    users: await t.database.db
      .selectFrom('users')
      .select(['id', 'status', 'failed_logins', 'locked_until', 'updated_at'])
      .orderBy('id')
      .execute(),
    sessions: (await t.database.db.selectFrom('sessions').select(['user_id']).execute()).length,
    audit: (await auditRows(t)).filter((r) => r.action.startsWith('USER_')).length,
    outbox: (await t.database.db.selectFrom('outbox').select('id').execute()).length,
  });

  const expectRefused = async (c: TestClient, status: number, code: string) => {
    const before = await snapshot();
    for (const [method, url] of routes) {
      const res = await c.request(method, url, method === 'GET' ? undefined : {});
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(res.json().code, `${method} ${url}`).toBe(code);
    }
    expect(await snapshot()).toEqual(before);
  };

  it('answers anonymous requests with 401', async () => {
    const c = freshClient(t);
    await c.refreshSession();
    await expectRefused(c, 401, 'UNAUTHENTICATED');
  });

  it('answers an enterprise user with 403 and changes nothing', async () => {
    await expectRefused(ent, 403, 'FORBIDDEN');
    expect((await ent.get('/api/applications')).statusCode).toBe(200);
  });

  it('answers an officer with 403 and changes nothing', async () => {
    await expectRefused(off, 403, 'FORBIDDEN');
    expect((await off.get('/api/bureau/workspace')).statusCode).toBe(200);
  });

  it('lets the administrator through', async () => {
    for (const [method, url] of routes.filter(([m]) => m === 'GET')) {
      expect((await admin.request(method, url)).statusCode, url).toBe(200);
    }
  });
});
