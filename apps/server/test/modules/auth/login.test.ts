import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/lib/clock';
import { sha256Hex } from '../../../src/lib/crypto';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import {
  auditRows,
  freshClient,
  login,
  loginOk,
  PASSWORD,
  registerOk,
  registrationBody,
  userId,
} from '../../helpers/identity';

describe(`login, lockout and last login ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    for (const n of [1, 2, 3, 4, 5]) await registerOk(t, registrationBody(n));
  });
  afterAll(async () => t.close());

  it('logs in: HttpOnly session cookie, only its hash stored, a fresh CSRF token, audited', async () => {
    const c = freshClient(t);
    const pre = (await c.refreshSession()).json();
    expect(pre).toMatchObject({ user: null, captchaRequired: false });
    expect(pre.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const res = await c.post('/api/auth/login', { username: 'USER1', password: PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'user1', role: 'enterprise', status: 'active' });
    expect(body.csrfToken).not.toBe(pre.csrfToken);
    const cookie = res.cookies.find((k) => k.name === 'ccc_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const sessions = await t.database.db.selectFrom('sessions').selectAll().execute();
    expect(sessions.map((s) => s.id_hash)).not.toContain(cookie.value);
    expect(sessions.some((s) => s.id_hash.length === 64)).toBe(true);
    const s = sessions.find((x) => x.csrf_token === body.csrfToken)!;
    expect(new Date(s.expires_at).getTime() - new Date(s.created_at).getTime()).toBe(12 * 60 * MINUTE);
    expect((await auditRows(t, 'LOGIN_SUCCEEDED')).at(-1)).toMatchObject({ actor_username: 'user1' });
    c.csrf = body.csrfToken;
    expect((await c.get('/api/auth/session')).json().user.username).toBe('user1');
  });

  it('refuses a wrong password and an unknown user name with the same answer', async () => {
    const wrong = await login(t, 'user2', 'Wrong-Pass-1');
    const unknown = await login(t, 'nobody-here', 'Wrong-Pass-1');
    for (const r of [wrong.res, unknown.res]) {
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', fields: [] });
    }
    const failed = await auditRows(t, 'LOGIN_FAILED');
    expect(failed.map((f) => (JSON.parse(f.after_json!) as { reason: string }).reason)).toEqual([
      'wrong_password',
      'unknown_user',
    ]);
  });

  it('locks the account after five wrong passwords in a row, until 15 minutes have passed', async () => {
    const id = await userId(t, 'user3');
    const c = freshClient(t);
    for (let i = 1; i <= 4; i++) {
      const { res } = await login(t, 'user3', `Wrong-Pass-${i}`, c);
      expect(res.json().code).toBe('INVALID_CREDENTIALS');
    }
    const fifth = (await login(t, 'user3', 'Wrong-Pass-5', c)).res;
    expect(fifth.statusCode).toBe(423);
    const lockedUntil = new Date(t.clock.now().getTime() + 15 * MINUTE).toISOString();
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { lockedUntil } });
    // The message names the end in Beijing time (the test clock starts at 02:00 UTC = 10:00 CST).
    expect(fifth.json().message).toContain('2026-03-02 10:15');
    expect((await auditRows(t, 'ACCOUNT_LOCKED')).map((a) => a.entity_id)).toEqual([id]);

    // Even the right password is refused while locked.
    t.clock.advance(14 * MINUTE);
    const during = (await login(t, 'user3', PASSWORD, c)).res;
    expect(during.statusCode).toBe(423);
    expect(during.json().details.lockedUntil).toBe(lockedUntil);

    // The lock ends by itself.
    t.clock.advance(1 * MINUTE + 1000);
    await loginOk(t, 'user3', PASSWORD, c);
    const row = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(0);
  });

  it('counts only wrong passwords in a row: a success starts the count again', async () => {
    const c = freshClient(t);
    for (let i = 0; i < 4; i++) await login(t, 'user4', 'Wrong-Pass-1', c);
    await loginOk(t, 'user4', PASSWORD, c);
    for (let i = 0; i < 4; i++) {
      t.clock.advance(MINUTE); // stay under the 10 a minute per address
      expect((await login(t, 'user4', 'Wrong-Pass-1', c)).res.json().code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('refuses disabled accounts, but only after the password was right', async () => {
    const id = await userId(t, 'user5');
    await t.database.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', id).execute();
    const wrong = (await login(t, 'user5', 'Wrong-Pass-1')).res;
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    const right = (await login(t, 'user5', PASSWORD)).res;
    expect(right.statusCode).toBe(403);
    expect(right.json().code).toBe('ACCOUNT_DISABLED');
    await t.database.db.updateTable('users').set({ status: 'active' }).where('id', '=', id).execute();
  });

  it('shows the previous login’s time and address after login', async () => {
    t.clock.advance(60 * MINUTE);
    const firstAt = t.clock.now().toISOString();
    const a = freshClient(t);
    a.ip = '203.0.113.7';
    await loginOk(t, 'user2', PASSWORD, a);
    // The first login ever: no previous one.
    expect((await a.get('/api/auth/session')).json().user).toMatchObject({
      lastLoginAt: null,
      lastLoginIp: null,
    });

    t.clock.advance(90 * MINUTE);
    const b = freshClient(t);
    b.ip = '198.51.100.23';
    const res = await b
      .refreshSession()
      .then(() => b.post('/api/auth/login', { username: 'user2', password: PASSWORD }));
    expect(res.json().user).toMatchObject({ lastLoginAt: firstAt, lastLoginIp: '203.0.113.7' });
    b.csrf = res.json().csrfToken;
    expect((await b.get('/api/auth/session')).json().user).toMatchObject({
      lastLoginAt: firstAt,
      lastLoginIp: '203.0.113.7',
    });
  });

  it('limits logins to 10 a minute from one address', async () => {
    const c = freshClient(t);
    await c.refreshSession();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      codes.push((await c.post('/api/auth/login', { username: 'nobody', password: 'x' })).statusCode);
    }
    expect(codes.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(codes[10]).toBe(429);
    const over = await c.post('/api/auth/login', { username: 'user1', password: PASSWORD });
    expect(over.json()).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfter: expect.any(Number) } });
    t.clock.advance(MINUTE);
    expect((await c.post('/api/auth/login', { username: 'user1', password: PASSWORD })).statusCode).toBe(200);
  });

  it('rotates: logging in again from one browser ends its previous session', async () => {
    const c = await loginOk(t, 'user1');
    const oldSid = c.cookies.get('ccc_sid')!;
    await loginOk(t, 'user1', PASSWORD, c);
    expect(c.cookies.get('ccc_sid')).not.toBe(oldSid);
    const old = await t.database.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('id_hash', '=', sha256Hex(oldSid))
      .execute();
    expect(old).toHaveLength(0);
    const stale = t.client();
    stale.cookies.set('ccc_sid', oldSid);
    expect((await stale.get('/api/auth/session')).json().user).toBeNull();
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const c = await loginOk(t, 'user1');
    const res = await c.post('/api/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((k) => k.name === 'ccc_sid')?.value).toBe('');
    expect((await c.get('/api/auth/session')).json().user).toBeNull();
    expect((await auditRows(t, 'LOGOUT')).length).toBeGreaterThan(0);
  });

  it('logs the administrator in too', async () => {
    const admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await admin.get('/api/auth/session')).json().user).toMatchObject({
      role: 'admin',
      organisationId: null,
    });
  });
});
