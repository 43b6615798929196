import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { loginOk } from '../../helpers/identity';
import { fixture, uploadFile } from '../../helpers/upload';
import { collectAfterGrace } from '../../helpers/files';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe(`announcement attachments ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const pdf = fixture('sample.pdf');
  const jpg = fixture('photo.jpg');
  const png = fixture('scan.png');
  const exe = fixture('disguised-executable.pdf');
  const notice = fixture('notice.pdf');

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => t.close());

  const storedPath = (hash: string) =>
    path.join(t.config.dataDir, 'storage', 'files', hash.slice(0, 2), hash);
  const newAnnouncement = async (title = '附件测试') => {
    const res = await admin.post('/api/admin/announcements', { title, bodyHtml: '<p>见附件</p>' });
    return res.json<{ id: string }>().id;
  };
  const upload = (id: string, name: string, data: Buffer, type?: string) =>
    uploadFile(t, admin, `/api/admin/announcements/${id}/attachments`, name, data, type);

  it('stores a PDF under its UTF-8 name and serves it to the public once published', async () => {
    const id = await newAnnouncement();
    const res = await upload(id, '2026年CCC免办申报指南.pdf', pdf, 'application/pdf');
    expect(res.statusCode).toBe(201);
    const att = res.json<{ id: string; filename: string; size: number; mime: string }>();
    expect(att).toMatchObject({
      filename: '2026年CCC免办申报指南.pdf',
      size: pdf.length,
      mime: 'application/pdf',
    });

    // Stored content-addressed, with its files row, before anyone can read it.
    expect(fs.readFileSync(storedPath(sha(pdf))).equals(pdf)).toBe(true);
    const fileRow = await t.database.db
      .selectFrom('files')
      .selectAll()
      .where('sha256', '=', sha(pdf))
      .executeTakeFirst();
    expect(fileRow).toMatchObject({ size: pdf.length, mime: 'application/pdf' });

    // A draft's attachment does not exist for the public; the administrator can read it.
    const url = `/api/announcements/${id}/attachments/${att.id}`;
    expect((await t.client().get(url)).statusCode).toBe(404);
    const adminCopy = await admin.get(`/api/admin/announcements/${id}/attachments/${att.id}`);
    expect(adminCopy.statusCode).toBe(200);
    expect(adminCopy.rawPayload.equals(pdf)).toBe(true);

    await admin.post(`/api/admin/announcements/${id}/publish`);
    const detail = (await t.client().get(`/api/announcements/${id}`)).json();
    expect(detail.attachmentCount).toBe(1);
    expect(detail.attachments).toEqual([att]);
    const list = (await t.client().get('/api/announcements')).json();
    expect(list.items.find((i: { id: string }) => i.id === id).attachmentCount).toBe(1);

    const dl = await t.client().get(url);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-length']).toBe(String(pdf.length));
    const cd = String(dl.headers['content-disposition']);
    expect(cd).toMatch(/^attachment; /);
    expect(cd).toContain(`filename*=UTF-8''${encodeURIComponent('2026年CCC免办申报指南.pdf')}`);
    expect(cd).toContain('filename="2026_CCC______.pdf"');

    // Unpublished again: gone for the public.
    await admin.post(`/api/admin/announcements/${id}/unpublish`);
    expect((await t.client().get(url)).statusCode).toBe(404);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', id)
      .where('action', '=', 'ANNOUNCEMENT_ATTACHMENT_ADDED')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({
      filename: '2026年CCC免办申报指南.pdf',
      sha256: sha(pdf),
    });
  });

  it('judges the type by content: JPG and PNG pass whatever their name, a renamed executable does not', async () => {
    const id = await newAnnouncement();
    const j = await upload(id, '现场照片.jpg', jpg, 'image/jpeg');
    expect(j.statusCode).toBe(201);
    expect(j.json().mime).toBe('image/jpeg');
    t.clock.advance(1000); // attachments are listed in upload order
    // The browser's claimed type is ignored: the PNG is a PNG even when sent as a PDF.
    const p = await upload(id, '扫描件.png', png, 'application/pdf');
    expect(p.statusCode).toBe(201);
    expect(p.json().mime).toBe('image/png');
    const dl = await admin.get(`/api/admin/announcements/${id}/attachments/${p.json().id}`);
    expect(dl.headers['content-type']).toBe('image/png');

    const e = await upload(id, '通知.pdf', exe, 'application/pdf');
    expect(e.statusCode).toBe(415);
    expect(e.json()).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', message: '不支持的文件类型' });
    expect(fs.existsSync(storedPath(sha(exe)))).toBe(false);
    expect(
      await t.database.db
        .selectFrom('files')
        .select('sha256')
        .where('sha256', '=', sha(exe))
        .executeTakeFirst(),
    ).toBeUndefined();

    const empty = await upload(id, 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(415);

    const detail = (await admin.get(`/api/admin/announcements/${id}`)).json();
    expect(detail.attachments.map((a: { filename: string }) => a.filename)).toEqual([
      '现场照片.jpg',
      '扫描件.png',
    ]);
  });

  it('refuses a file over 20 MB with 413 and stores nothing', async () => {
    const id = await newAnnouncement();
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    pdf.copy(big, 0, 0, 64); // starts like a real PDF, so only its size is wrong
    const res = await upload(id, '超大文件.pdf', big, 'application/pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(fs.existsSync(storedPath(sha(big)))).toBe(false);
    expect((await admin.get(`/api/admin/announcements/${id}`)).json().attachments).toEqual([]);

    // Exactly 20 MB is accepted.
    const limit = big.subarray(0, 20 * 1024 * 1024);
    const ok = await upload(id, '刚好20MB.pdf', limit, 'application/pdf');
    expect(ok.statusCode).toBe(201);
    expect(ok.json().size).toBe(20 * 1024 * 1024);
  });

  it('needs a file part, and an existing announcement', async () => {
    const id = await newAnnouncement();
    const none = await admin.post(`/api/admin/announcements/${id}/attachments`, {});
    expect(none.statusCode).toBe(400);
    const missing = await upload('00000000-0000-4000-8000-000000000000', 'a.pdf', pdf);
    expect(missing.statusCode).toBe(404);
  });

  it('removes the stored file only when no attachment refers to it any more', async () => {
    const a = await newAnnouncement('甲');
    const b = await newAnnouncement('乙');
    const onA = (await upload(a, '通知.pdf', notice)).json<{ id: string }>();
    const onB = (await upload(b, '通知（重复）.pdf', notice)).json<{ id: string }>();
    expect(fs.existsSync(storedPath(sha(notice)))).toBe(true);

    const del = await admin.delete(`/api/admin/announcements/${a}/attachments/${onA.id}`);
    expect(del.statusCode).toBe(200);
    // B still refers to the same content.
    expect(fs.existsSync(storedPath(sha(notice)))).toBe(true);
    expect(
      (await admin.get(`/api/admin/announcements/${b}/attachments/${onB.id}`)).rawPayload.equals(notice),
    ).toBe(true);
    expect((await admin.get(`/api/admin/announcements/${a}/attachments/${onA.id}`)).statusCode).toBe(404);

    // An attachment is addressed through its own announcement only.
    expect((await admin.delete(`/api/admin/announcements/${a}/attachments/${onB.id}`)).statusCode).toBe(404);

    // Deleting the draft B takes its attachment, and now the last reference, with it; the collector
    // removes the content after the grace period.
    expect((await admin.delete(`/api/admin/announcements/${b}`)).statusCode).toBe(200);
    await collectAfterGrace(t);
    expect(fs.existsSync(storedPath(sha(notice)))).toBe(false);
    expect(
      await t.database.db
        .selectFrom('files')
        .select('sha256')
        .where('sha256', '=', sha(notice))
        .executeTakeFirst(),
    ).toBeUndefined();

    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', 'in', [a, b])
      .orderBy('id')
      .execute();
    expect(actions.map((r) => r.action)).toEqual([
      'ANNOUNCEMENT_CREATED',
      'ANNOUNCEMENT_CREATED',
      'ANNOUNCEMENT_ATTACHMENT_ADDED',
      'ANNOUNCEMENT_ATTACHMENT_ADDED',
      'ANNOUNCEMENT_ATTACHMENT_REMOVED',
      'ANNOUNCEMENT_DELETED',
    ]);
  });
});
