import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/lib/clock';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import type { TestClient } from '../../helpers/test-client';
import { freshClient, PASSWORD, registerOk, registrationBody } from '../../helpers/identity';

/** The captcha is solved through the injected generator (t.captchaAnswers), never from the response. */
describe(`login with the image captcha ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ captcha: true });
    await registerOk(t, registrationBody(1));
  });
  afterAll(async () => t.close());

  async function newCaptcha(c: TestClient) {
    const res = await c.get('/api/auth/captcha');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ id: string; image: string }>();
    return { id: body.id, image: body.image, answer: t.captchaAnswers.at(-1)! };
  }

  it('says a captcha is required and serves an SVG image, storing only a hash of the answer', async () => {
    const c = freshClient(t);
    expect((await c.refreshSession()).json().captchaRequired).toBe(true);
    const cap = await newCaptcha(c);
    expect(cap.image).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(cap.image.split(',')[1]!, 'base64').toString('utf8');
    expect(svg).toContain('<svg');
    expect(svg).not.toContain(cap.answer);
    const row = await t.database.db
      .selectFrom('captcha_challenges')
      .selectAll()
      .where('id', '=', cap.id)
      .executeTakeFirstOrThrow();
    expect(row.answer_hash).not.toContain(cap.answer);
    expect(row.answer_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(row.expires_at).getTime() - t.clock.now().getTime()).toBe(5 * MINUTE);
  });

  it('refuses a login without a captcha or with a wrong one', async () => {
    const c = freshClient(t);
    await c.refreshSession();
    const none = await c.post('/api/auth/login', { username: 'user1', password: PASSWORD });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'CAPTCHA_INVALID', fields: [{ path: 'captchaAnswer' }] });
    const cap = await newCaptcha(c);
    const wrong = await c.post('/api/auth/login', {
      username: 'user1',
      password: PASSWORD,
      captchaId: cap.id,
      captchaAnswer: 'ZZZZ',
    });
    expect(wrong.json().code).toBe('CAPTCHA_INVALID');
    // A wrong attempt used the challenge up: the right answer no longer works with it.
    const reused = await c.post('/api/auth/login', {
      username: 'user1',
      password: PASSWORD,
      captchaId: cap.id,
      captchaAnswer: cap.answer,
    });
    expect(reused.json().code).toBe('CAPTCHA_INVALID');
  });

  it('logs in with the right answer (any case), once per challenge', async () => {
    const c = freshClient(t);
    await c.refreshSession();
    const cap = await newCaptcha(c);
    const body = {
      username: 'user1',
      password: PASSWORD,
      captchaId: cap.id,
      captchaAnswer: cap.answer.toLowerCase(),
    };
    const ok = await c.post('/api/auth/login', body);
    expect(ok.statusCode, ok.body).toBe(200);
    c.csrf = ok.json().csrfToken;
    const again = await c.post('/api/auth/login', body);
    expect(again.json().code).toBe('CAPTCHA_INVALID');
  });

  it('refuses an expired captcha after 5 minutes', async () => {
    const c = freshClient(t);
    await c.refreshSession();
    const cap = await newCaptcha(c);
    t.clock.advance(5 * MINUTE + 1000);
    const res = await c.post('/api/auth/login', {
      username: 'user1',
      password: PASSWORD,
      captchaId: cap.id,
      captchaAnswer: cap.answer,
    });
    expect(res.json().code).toBe('CAPTCHA_INVALID');
  });

  it('does not count a failed captcha as a wrong password', async () => {
    const c = freshClient(t);
    await c.refreshSession();
    for (let i = 0; i < 6; i++) {
      const cap = await newCaptcha(c);
      const res = await c.post('/api/auth/login', {
        username: 'user1',
        password: 'Wrong-Pass-1',
        captchaId: cap.id,
        captchaAnswer: 'ZZZZ',
      });
      expect(res.json().code).toBe('CAPTCHA_INVALID');
      t.clock.advance(MINUTE);
    }
    const row = await t.database.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('username_key', '=', 'user1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
    const cap = await newCaptcha(c);
    const ok = await c.post('/api/auth/login', {
      username: 'user1',
      password: PASSWORD,
      captchaId: cap.id,
      captchaAnswer: cap.answer,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('limits captcha images to 30 a minute from one address', async () => {
    const c = freshClient(t);
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await c.get('/api/auth/captcha')).statusCode);
    expect(codes.filter((s) => s === 200)).toHaveLength(30);
    expect(codes[30]).toBe(429);
    // each limited route counts on its own: the exhausted captcha limit does not stop a login
    const cap = { id: 'none', answer: 'none' };
    const login = await c.post('/api/auth/login', {
      username: 'user1',
      password: PASSWORD,
      captchaId: cap.id,
      captchaAnswer: cap.answer,
    });
    expect(login.statusCode).not.toBe(429);
    const keys = await t.database.db.selectFrom('rate_limits').select('key').execute();
    expect(keys.some((k) => k.key.includes('GET:/api/auth/captcha'))).toBe(true);
    expect(keys.every((k) => !k.key.includes('undefined'))).toBe(true);
    const other = freshClient(t);
    expect((await other.get('/api/auth/captcha')).statusCode).toBe(200);
  });
});
