import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/lib/clock';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import {
  auditRows,
  freshClient,
  login,
  loginOk,
  mailsTo,
  NEW_PASSWORD,
  PASSWORD,
  registerOk,
  registrationBody,
} from '../../helpers/identity';

/** 忘记密码 and 修改密码. Codes are read from the delivered mail, as the user would read them. */
describe(`password recovery and change ${describeDb}`, () => {
  let t: TestApp;
  const codesSeen: string[] = [];
  const passwordsUsed = [PASSWORD, NEW_PASSWORD, 'Third-Pass-33', 'Fourth-Pass-44'];

  beforeAll(async () => {
    t = await buildTestApp();
    for (const n of [1, 2, 3, 4, 5, 6]) await registerOk(t, registrationBody(n));
  });
  afterAll(async () => t.close());

  async function forgot(username: string, email: string, c = freshClient(t)) {
    await c.refreshSession();
    return c.post('/api/auth/password/forgot', { username, email });
  }

  async function reset(
    username: string,
    code: string,
    password = NEW_PASSWORD,
    email = `${username}@example.com`,
  ) {
    const c = freshClient(t);
    await c.refreshSession();
    return c.post('/api/auth/password/reset', { username, email, code, password, confirmPassword: password });
  }

  /** The newest code in the user's mailbox. */
  async function latestCode(address: string): Promise<string> {
    const mails = (await mailsTo(t, address)).filter((m) => m.subject.includes('找回密码验证码'));
    const code = /验证码为：(\d{6})/.exec(mails.at(-1)?.text ?? '')?.[1];
    expect(code, `a code mailed to ${address}`).toBeDefined();
    codesSeen.push(code!);
    return code!;
  }

  const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('answers the same whether or not user name and e-mail match, and mails a code only when they do', async () => {
    const matched = await forgot('user1', 'USER1@Example.com');
    t.clock.advance(MINUTE);
    const wrongEmail = await forgot('user1', 'someone@example.com');
    const unknown = await forgot('nobody-at-all', 'user1@example.com');
    for (const r of [matched, wrongEmail, unknown]) {
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ ok: true });
    }
    const mails = (await mailsTo(t, 'user1@example.com')).filter((m) => m.subject.includes('找回密码验证码'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toMatch(/验证码为：\d{6}/);
    expect(mails[0]!.text).toContain('10分钟内有效');
    expect(mails[0]!.text).toContain('valid for 10 minutes');
    expect(await mailsTo(t, 'someone@example.com')).toHaveLength(0);
    expect(await auditRows(t, 'PASSWORD_RESET_REQUESTED')).toHaveLength(1);
  });

  it('refuses a wrong code, then sets the password with the right one: sessions end, lock cleared', async () => {
    const code = await latestCode('user1@example.com');
    const loggedIn = await loginOk(t, 'user1');
    // Lock the account: the reset clears the lock too.
    const attacker = freshClient(t);
    for (let i = 0; i < 5; i++) await login(t, 'user1', 'Wrong-Pass-1', attacker);
    expect((await login(t, 'user1', PASSWORD)).res.json().code).toBe('ACCOUNT_LOCKED');

    const wrong = await reset('user1', wrongCode(code));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'RESET_CODE_INVALID', message: '验证码错误、已过期或已使用' });
    const unknown = await reset('nobody-at-all', code);
    expect(unknown.json()).toEqual(wrong.json());

    const ok = await reset('user1', code);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await loggedIn.get('/api/me/profile')).statusCode).toBe(401);
    expect((await loggedIn.get('/api/auth/session')).json().user).toBeNull();
    const sessions = await t.database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.id_hash')
      .where('users.username_key', '=', 'user1')
      .execute();
    expect(sessions).toHaveLength(0);
    expect((await login(t, 'user1', PASSWORD)).res.json().code).toBe('INVALID_CREDENTIALS');
    await loginOk(t, 'user1', NEW_PASSWORD);
    expect((await auditRows(t, 'PASSWORD_RESET')).map((a) => a.actor_username)).toEqual(['user1']);

    // Used once only.
    const reused = await reset('user1', code, 'Third-Pass-33');
    expect(reused.json().code).toBe('RESET_CODE_INVALID');
  });

  it('lets a code expire after 10 minutes', async () => {
    expect((await forgot('user2', 'user2@example.com')).statusCode).toBe(200);
    const code = await latestCode('user2@example.com');
    t.clock.advance(10 * MINUTE + 1000);
    expect((await reset('user2', code)).json().code).toBe('RESET_CODE_INVALID');
  });

  it('allows 5 tries per code', async () => {
    expect((await forgot('user3', 'user3@example.com')).statusCode).toBe(200);
    const code = await latestCode('user3@example.com');
    for (let i = 0; i < 5; i++) expect((await reset('user3', wrongCode(code))).statusCode).toBe(400);
    expect((await reset('user3', code)).json().code).toBe('RESET_CODE_INVALID');
    await loginOk(t, 'user3', PASSWORD);
  });

  it('lets a newer code supersede the older one', async () => {
    expect((await forgot('user5', 'user5@example.com')).statusCode).toBe(200);
    const first = await latestCode('user5@example.com');
    t.clock.advance(MINUTE);
    expect((await forgot('user5', 'user5@example.com')).statusCode).toBe(200);
    const second = await latestCode('user5@example.com');
    if (first !== second) expect((await reset('user5', first)).json().code).toBe('RESET_CODE_INVALID');
    expect((await reset('user5', second)).statusCode).toBe(200);
  });

  it('sends at most one code a minute and five an hour per user name, existing or not, saying when to retry', async () => {
    for (const username of ['user4', 'ghost-user']) {
      const c = freshClient(t);
      expect((await forgot(username, `${username}@example.com`, c)).statusCode).toBe(200);
      const second = await forgot(username, `${username}@example.com`, c);
      expect(second.statusCode).toBe(429);
      expect(second.json()).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfter: 60 } });
      expect(second.json().message).toBe('操作过于频繁，请60秒后再试');
      expect(second.headers['retry-after']).toBe('60');
      for (let i = 0; i < 4; i++) {
        t.clock.advance(MINUTE);
        expect((await forgot(username, `${username}@example.com`, c)).statusCode).toBe(200);
      }
      t.clock.advance(MINUTE);
      const sixth = await forgot(username, `${username}@example.com`, c);
      expect(sixth.statusCode).toBe(429);
      expect(sixth.json().details.retryAfter).toBeGreaterThan(50 * 60);
      t.clock.advance(HOUR);
      expect((await forgot(username, `${username}@example.com`, c)).statusCode).toBe(200);
    }
    const mails = (await mailsTo(t, 'user4@example.com')).filter((m) => m.subject.includes('找回密码验证码'));
    expect(mails).toHaveLength(6);
    await latestCode('user4@example.com');
  });

  it('limits recovery requests to 20 an hour from one address', async () => {
    const c = freshClient(t);
    const codes: number[] = [];
    for (let i = 0; i < 21; i++)
      codes.push((await forgot(`someone${i}`, `someone${i}@example.com`, c)).statusCode);
    expect(codes.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('changes the password with the current one: the other sessions end, this one stays', async () => {
    const other = await loginOk(t, 'user6');
    const c = await loginOk(t, 'user6');
    const wrong = await c.post('/api/me/password', {
      currentPassword: 'Not-My-Pass-1',
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'PASSWORD_INCORRECT',
      fields: [{ path: 'currentPassword', message: '当前密码不正确' }],
    });
    const weak = await c.post('/api/me/password', {
      currentPassword: PASSWORD,
      password: 'weak',
      confirmPassword: 'weak',
    });
    expect(weak.json().fields).toContainEqual({
      path: 'password',
      message: expect.stringContaining('密码至少8位'),
    });

    const ok = await c.post('/api/me/password', {
      currentPassword: PASSWORD,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await c.get('/api/me/profile')).statusCode).toBe(200);
    expect((await other.get('/api/me/profile')).statusCode).toBe(401);
    expect((await login(t, 'user6', PASSWORD)).res.json().code).toBe('INVALID_CREDENTIALS');
    await loginOk(t, 'user6', NEW_PASSWORD);
    expect((await auditRows(t, 'PASSWORD_CHANGED')).map((a) => a.actor_username)).toEqual(['user6']);
    expect((await t.client().post('/api/me/password', {})).statusCode).toBe(403);
  });

  it('never writes a password, hash, code or token into the audit log', async () => {
    const rows = await auditRows(t);
    expect(rows.length).toBeGreaterThan(20);
    const text = JSON.stringify(rows);
    const users = await t.database.db.selectFrom('users').select('password_hash').execute();
    const sessions = await t.database.db.selectFrom('sessions').select(['id_hash', 'csrf_token']).execute();
    const resetCodes = await t.database.db.selectFrom('password_reset_codes').select('code_hash').execute();
    const secrets = [
      ...passwordsUsed,
      ...codesSeen,
      ...users.map((u) => u.password_hash),
      ...sessions.flatMap((s) => [s.id_hash, s.csrf_token]),
      ...resetCodes.map((r) => r.code_hash),
    ];
    expect(codesSeen.length).toBeGreaterThan(3);
    for (const secret of secrets) expect(text, 'a secret in the audit log').not.toContain(secret);
    expect(text).not.toMatch(/argon2/);
  });
});
