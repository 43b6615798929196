import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/lib/clock';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { freshClient, loginOk, orgCode18, registerOk, registrationBody } from '../../helpers/identity';

describe(`session lifetime and CSRF ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await registerOk(t, registrationBody(1));
  });
  afterAll(async () => t.close());

  it('ends a session after 30 minutes idle', async () => {
    const c = await loginOk(t, 'user1');
    t.clock.advance(29 * MINUTE);
    expect((await c.get('/api/me/profile')).statusCode).toBe(200);
    // The request above counts as activity: another 29 minutes are fine.
    t.clock.advance(29 * MINUTE);
    expect((await c.get('/api/me/profile')).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    const res = await c.get('/api/me/profile');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
    expect((await c.get('/api/auth/session')).json().user).toBeNull();
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const c = await loginOk(t, 'user1');
    let elapsed = 0;
    while (elapsed + 20 * MINUTE < 12 * HOUR) {
      t.clock.advance(20 * MINUTE);
      elapsed += 20 * MINUTE;
      expect((await c.get('/api/me/profile')).statusCode, `after ${elapsed / MINUTE} min`).toBe(200);
    }
    t.clock.advance(12 * HOUR - elapsed);
    const res = await c.get('/api/me/profile');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('refuses state-changing requests without the right X-CSRF-Token, changing nothing', async () => {
    const c = await loginOk(t, 'user1');
    const profile = (await c.get('/api/me/profile')).json();
    const body = {
      ...profile,
      orgNameEn: profile.orgNameEn ?? '',
      orgRemark: '',
      phone: '',
      fax: '',
      orgNameZh: '被篡改的名称',
    };
    const good = c.csrf!;
    for (const token of [null, 'wrong-token-value-1234567890', good.slice(0, -1)]) {
      c.csrf = token;
      const res = await c.put('/api/me/profile', body);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF_INVALID');
    }
    // The pre-login token of another browser does not pass for this session.
    const other = freshClient(t);
    const preToken = (await other.refreshSession()).json().csrfToken;
    c.csrf = preToken;
    expect((await c.put('/api/me/profile', body)).statusCode).toBe(403);
    c.csrf = null;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(403);

    c.csrf = good;
    expect((await c.get('/api/me/profile')).json().orgNameZh).toBe(profile.orgNameZh);
    expect((await c.get('/api/auth/session')).json().user.username).toBe('user1');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'ORGANISATION_UPDATED')
      .execute();
    expect(audit).toHaveLength(0);
  });

  it('refuses a login or registration without the pre-session token', async () => {
    const c = freshClient(t);
    const res = await c.post('/api/auth/login', { username: 'user1', password: 'whatever' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    const reg = await c.post('/api/auth/register', registrationBody(2, { orgCode: orgCode18(2) }));
    expect(reg.statusCode).toBe(403);
    const users = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username_key', '=', 'user2')
      .execute();
    expect(users).toHaveLength(0);
  });
});
