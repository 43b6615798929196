import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationResult } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { freshClient } from '../../helpers/identity';
import { officer } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { issuedCertificate } from './helpers';
import { VERIFY_LIMIT } from '../../../src/modules/certificates/certificates.routes';
import { MINUTE } from '../../../src/lib/clock';

describe(`${describeDb} 证明查询 (public verification)`, () => {
  let t: TestApp;
  let number: string;
  let code: string;
  let certificateId: string;
  let productName: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const { cert, app } = await issuedCertificate(t, 1, await officer(t, 1));
    number = cert.number;
    code = cert.verificationCode;
    certificateId = cert.id;
    productName = app.products[0]!.productName;
  });
  afterAll(async () => t.close());

  const verify = async (c: TestClient, path: string, headers?: Record<string, string>) => {
    const res = await c.get(`/api/verify/${path}`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<VerificationResult>();
  };
  const checks = () =>
    t.database.db.selectFrom('certificate_checks').selectAll().orderBy('checked_at').orderBy('id').execute();

  it('by number, without login: genuine and current, holder, issue date and bureau, but no products', async () => {
    const anyone = freshClient(t);
    const r = await verify(anyone, number);
    expect(r).toMatchObject({
      number,
      found: true,
      status: 'valid',
      version: 'original',
      holderNameZh: '上海测试进出口有限公司1',
      holderNameEn: 'Shanghai Test Import Co. 1',
      issueDate: '2026-03-02',
      bureauName: '上海市市场监督管理局',
      revokedOn: null,
      supersededBy: null,
      codeValid: null,
      products: null,
      checkedAt: t.clock.now().toISOString(),
    });
  });

  it('with a wrong code: codeValid false and still no products; with the right one (any case): the products', async () => {
    const c = freshClient(t);
    const wrong = await verify(c, `${number}?code=${code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA'}`);
    expect([wrong.found, wrong.codeValid, wrong.products]).toEqual([true, false, null]);
    const right = await verify(
      c,
      `${number.toLowerCase()}?code=${encodeURIComponent(` ${code.toLowerCase()} `)}`,
    );
    expect(right.codeValid).toBe(true);
    expect(right.products).toEqual([
      { lineNo: 1, hsCode: '8414301300', productName, model: 'QXA-B141', quantity: '2', unit: '台' },
    ]);
  });

  it('an unknown number, or a text that cannot be one, is not found (and recorded); an absurdly long one is refused', async () => {
    const c = freshClient(t);
    const unknown = await verify(c, 'N310026999999?code=ABCDEFGH');
    expect(unknown).toMatchObject({
      number: 'N310026999999',
      found: false,
      status: null,
      holderNameZh: null,
      products: null,
      codeValid: false,
    });
    const garbage = await verify(c, encodeURIComponent(' hello '));
    expect([garbage.number, garbage.found]).toEqual(['HELLO', false]);
    expect((await c.get(`/api/verify/${'N'.repeat(41)}`)).statusCode).toBe(400);
  });

  it('records every check: address, number, result, code given and right, and the channel (web or api)', async () => {
    await t.database.db.deleteFrom('certificate_checks').execute();
    const web = freshClient(t);
    const program = freshClient(t);
    const start = t.clock.now().getTime();
    // One second apart, so the rows sort in the order the checks were made.
    const steps: [TestClient, string, Record<string, string>?][] = [
      [web, number, { 'X-CCC-Client': 'web' }],
      [web, `${number}?code=${code}`, { 'x-ccc-client': 'web' }],
      [program, `${number}?code=ZZZZZZZZ`],
      [program, 'N310026999999'],
    ];
    for (const [c, path, headers] of steps) {
      t.clock.advance(1000);
      await verify(c, path, headers);
    }
    const rows = await checks();
    expect(
      rows.map((r) => [r.ip, r.number, r.certificate_id, r.result, r.with_code, r.code_valid, r.channel]),
    ).toEqual([
      [web.ip, number, certificateId, 'valid', 0, null, 'web'],
      [web.ip, number, certificateId, 'valid', 1, 1, 'web'],
      [program.ip, number, certificateId, 'valid', 1, 0, 'api'],
      [program.ip, 'N310026999999', null, 'not_found', 0, null, 'api'],
    ]);
    expect(rows.map((r) => r.checked_at)).toEqual(
      [1, 2, 3, 4].map((i) => new Date(start + i * 1000).toISOString()),
    );
  });

  it(`allows ${VERIFY_LIMIT.max} checks a minute per address, then 429 with retryAfter; others and the next minute go on`, async () => {
    t.clock.advance(MINUTE);
    const c = freshClient(t);
    for (let i = 0; i < VERIFY_LIMIT.max; i++)
      expect((await c.get(`/api/verify/${number}`)).statusCode).toBe(200);
    const before = (await checks()).length;
    const over = await c.get(`/api/verify/${number}`);
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfter: expect.any(Number) } });
    expect(over.headers['retry-after']).toBeDefined();
    expect((await checks()).length).toBe(before);
    expect((await freshClient(t).get(`/api/verify/${number}`)).statusCode).toBe(200);
    t.clock.advance(VERIFY_LIMIT.timeWindow);
    expect((await c.get(`/api/verify/${number}`)).statusCode).toBe(200);
  });
});
