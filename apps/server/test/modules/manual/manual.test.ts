import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { fixture, uploadFile } from '../../helpers/upload';
import { auditRows, freshClient, loginOk, registerOk, registrationBody } from '../../helpers/identity';
import { pdfText } from './pdf-tools';
import { officer } from '../../helpers/review';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MANUAL_NAME = '企业用户操作手册.pdf';
const MANUAL_NAME_RFC5987 = encodeURIComponent(MANUAL_NAME);

interface Info {
  source: 'generated' | 'uploaded';
  filename: string;
  size: number | null;
  updatedAt: string | null;
}

describe(`user manual download and replacement ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let enterprise: TestClient;
  let generated: Buffer;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
    await registerOk(t, registrationBody(1));
    enterprise = await loginOk(t, 'user1');
  });
  afterAll(async () => t.close());

  const download = (client: TestClient = t.client()) => client.get('/api/manual');
  const info = async (client: TestClient = t.client()) => {
    const res = await client.get('/api/manual/info');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Info>();
  };
  const generatedSetting = async () => {
    const row = await t.database.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'manual.generated')
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as { sha256: string; size: number; generatedAt: string }) : null;
  };

  it('offers the manual generated from docs/user-manual to anyone, as a PDF download', async () => {
    const res = await download();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${MANUAL_NAME_RFC5987}`);
    generated = res.rawPayload;
    expect(Number(res.headers['content-length'])).toBe(generated.length);
    expect(generated.subarray(0, 5).toString()).toBe('%PDF-');

    const text = pdfText(generated);
    expect(text).toContain('CCC免办及特殊用途进口产品检测处理管理系统');
    expect(text).toContain('企业用户操作手册');
    for (const chapter of ['系统首页', '注册', '登录', '找回密码', '修改企业信息', '修改密码', '退出系统']) {
      expect(text).toContain(chapter);
    }

    // Rendered once, kept in file storage under its hash.
    const setting = await generatedSetting();
    expect(setting).toMatchObject({ sha256: sha(generated), size: generated.length });
    expect((await t.deps.files.read(sha(generated))).equals(generated)).toBe(true);

    expect(await info()).toEqual({
      source: 'generated',
      filename: MANUAL_NAME,
      size: generated.length,
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/),
    });
  });

  it('serves the same bytes again without rendering again, and answers a matching ETag with 304', async () => {
    const before = await generatedSetting();
    t.clock.advance(5 * 60 * 1000); // less than the 30-minute idle limit of the logged-in clients
    const again = await download();
    expect(again.rawPayload.equals(generated)).toBe(true);
    expect((await generatedSetting())?.generatedAt).toBe(before?.generatedAt);

    const etag = String(again.headers.etag);
    expect(etag).toBe(`"${sha(generated)}"`);
    const cached = await t.client().get('/api/manual', { 'if-none-match': etag });
    expect(cached.statusCode).toBe(304);
    expect(cached.rawPayload.length).toBe(0);
  });

  it('renders again when the stored file is gone, with the same bytes', async () => {
    await t.deps.files.remove(sha(generated));
    const res = await download();
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(generated)).toBe(true);
  });

  it('lets only the administrator replace or reset the manual', async () => {
    const anonymous = freshClient(t);
    await anonymous.refreshSession(); // a valid pre-login CSRF token: the refusal is about the login
    const pdf = fixture('sample.pdf');
    const officerClient = await officer(t, 1);
    for (const [client, status, code] of [
      [anonymous, 401, 'UNAUTHENTICATED'],
      [enterprise, 403, 'FORBIDDEN'],
      [officerClient, 403, 'FORBIDDEN'],
    ] as const) {
      const up = await uploadFile(t, client, '/api/admin/manual', 'x.pdf', pdf, 'application/pdf');
      expect(up.statusCode, up.body).toBe(status);
      expect(up.json()).toMatchObject({ code });
      const reset = await client.delete('/api/admin/manual');
      expect(reset.statusCode, reset.body).toBe(status);
    }
    expect((await info()).source).toBe('generated');
    expect(await auditRows(t, 'MANUAL_REPLACED')).toHaveLength(0);
  });

  it('refuses a file that is not a PDF by its content, whatever its name, and one over 20 MB', async () => {
    for (const [name, data] of [
      ['手册.pdf', fixture('disguised-executable.pdf')],
      ['手册.png', fixture('scan.png')],
    ] as const) {
      const res = await uploadFile(t, admin, '/api/admin/manual', name, data, 'application/pdf');
      expect(res.statusCode, res.body).toBe(415);
      expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' });
    }
    const huge = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    huge.write('%PDF-1.7\n');
    const tooLarge = await uploadFile(t, admin, '/api/admin/manual', 'big.pdf', huge, 'application/pdf');
    expect(tooLarge.statusCode).toBe(413);
    const empty = await admin.post('/api/admin/manual', {});
    expect(empty.statusCode).toBe(400);
    expect((await info()).source).toBe('generated');
  });

  it('serves the uploaded PDF under its own name once the administrator replaces the manual', async () => {
    const pdf = fixture('notice.pdf');
    const res = await uploadFile(t, admin, '/api/admin/manual', '企业用户操作手册（2026版）.pdf', pdf);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Info>()).toEqual({
      source: 'uploaded',
      filename: '企业用户操作手册（2026版）.pdf',
      size: pdf.length,
      updatedAt: t.clock.now().toISOString(),
    });
    expect(await info()).toEqual(res.json());

    const got = await download();
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect(String(got.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('企业用户操作手册（2026版）.pdf')}`,
    );

    const [audit] = await auditRows(t, 'MANUAL_REPLACED');
    expect(audit).toMatchObject({
      actor_username: TEST_ADMIN.username,
      entity_type: 'manual',
      entity_id: sha(pdf),
    });
    expect(JSON.parse(audit!.after_json!)).toMatchObject({
      filename: '企业用户操作手册（2026版）.pdf',
      size: pdf.length,
    });

    // A second upload replaces the first; a name without .pdf gets it.
    const second = await uploadFile(t, admin, '/api/admin/manual', 'manual-v2', fixture('sample.pdf'));
    expect(second.json<Info>().filename).toBe('manual-v2.pdf');
    expect((await download()).rawPayload.equals(fixture('sample.pdf'))).toBe(true);
    const replaced = await auditRows(t, 'MANUAL_REPLACED');
    expect(replaced).toHaveLength(2);
    expect(JSON.parse(replaced[1]!.before_json!)).toMatchObject({ sha256: sha(pdf) });

    // Nobody but the administrator can put the default back.
    expect((await enterprise.delete('/api/admin/manual')).statusCode).toBe(403);
    expect((await info()).filename).toBe('manual-v2.pdf');
    expect(await auditRows(t, 'MANUAL_RESET')).toHaveLength(0);
  });

  it('returns to the generated manual when the administrator resets it', async () => {
    const res = await admin.delete('/api/admin/manual');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Info>()).toMatchObject({
      source: 'generated',
      filename: MANUAL_NAME,
      size: generated.length,
    });

    const got = await download();
    expect(got.rawPayload.equals(generated)).toBe(true);
    expect(String(got.headers['content-disposition'])).toContain(`filename*=UTF-8''${MANUAL_NAME_RFC5987}`);

    const resets = await auditRows(t, 'MANUAL_RESET');
    expect(resets).toHaveLength(1);
    expect(JSON.parse(resets[0]!.before_json!)).toMatchObject({ filename: 'manual-v2.pdf' });

    // Resetting the default again changes nothing and records nothing.
    expect((await admin.delete('/api/admin/manual')).statusCode).toBe(200);
    expect(await auditRows(t, 'MANUAL_RESET')).toHaveLength(1);
  });
});
