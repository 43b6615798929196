import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { collectAfterGrace } from '../../helpers/files';
import { adminClient } from '../../helpers/identity';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { fixture, uploadFile } from '../../helpers/upload';

/** One stored file may belong to several owners (identical content): it stays until the last lets go. */
describe(`stored files shared by several owners ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => t.close());

  const stored = (sha: string) => path.join(t.config.dataDir, 'storage/files', sha.slice(0, 2), sha);

  it('keeps the manual when an announcement attachment with the same content is deleted', async () => {
    const pdf = fixture('sample.pdf');
    const manual = await uploadFile(t, admin, '/api/admin/manual', '手册.pdf', pdf, 'application/pdf');
    expect(manual.statusCode, manual.body).toBe(200);
    const ann = await admin.post('/api/admin/announcements', {
      title: '共享文件',
      bodyHtml: '<p>x</p>',
      pinned: false,
    });
    const annId = ann.json().id as string;
    const att = await uploadFile(
      t,
      admin,
      `/api/admin/announcements/${annId}/attachments`,
      '附件.pdf',
      pdf,
      'application/pdf',
    );
    expect(att.statusCode, att.body).toBeLessThan(300);
    const sha = (await t.database.db.selectFrom('files').select('sha256').executeTakeFirstOrThrow()).sha256;
    const refs = await t.database.db
      .selectFrom('file_references')
      .selectAll()
      .where('sha256', '=', sha)
      .execute();
    expect(refs.map((r) => r.owner_type).sort()).toEqual(['announcement_attachment', 'manual']);

    expect(
      (await admin.delete(`/api/admin/announcements/${annId}/attachments/${att.json().id}`)).statusCode,
    ).toBeLessThan(300);
    expect(fs.existsSync(stored(sha))).toBe(true);
    const download = await t.client().get('/api/manual');
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);

    // Back to the generated manual: the last owner let go, so the row goes at once and the file with the
    // collector, after the grace period.
    expect((await admin.delete('/api/admin/manual')).statusCode).toBe(200);
    expect(fs.existsSync(stored(sha))).toBe(true);
    await collectAfterGrace(t);
    expect(fs.existsSync(stored(sha))).toBe(false);
    expect(
      await t.database.db.selectFrom('files').select('sha256').where('sha256', '=', sha).executeTakeFirst(),
    ).toBeUndefined();
  });
});
