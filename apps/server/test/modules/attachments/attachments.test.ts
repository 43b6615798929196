import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import { fixture } from '../../helpers/upload';
import { collectAfterGrace } from '../../helpers/files';
import {
  attachmentRows,
  attachmentUrl,
  draft,
  enterprise,
  fileRow,
  isStored,
  listAttachments,
  pdfOfSize,
  references,
  sha,
  upload,
  uploadOk,
} from './factories';

const MB20 = 20 * 1024 * 1024;

describe(`application attachments ${describeDb}`, () => {
  let t: TestApp;
  let c: TestClient;
  const pdf = fixture('sample.pdf');
  const notice = fixture('notice.pdf');
  const jpg = fixture('photo.jpg');
  const png = fixture('scan.png');
  const exe = fixture('disguised-executable.pdf');

  let n = 0;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());
  // Each test its own organisation: a new draft would otherwise take over the previous test's files.
  beforeEach(async () => {
    n += 1;
    c = await enterprise(t, n);
  });

  it('lists the types the clause calls for, 必传 and reusable marked, none with a file yet', async () => {
    const id = await draft(c);
    const items = await listAttachments(c, id);
    expect(items.map((i) => [i.typeCode, i.required, i.reusable])).toEqual([
      ['business_licence', true, true],
      ['management_commitment', true, true],
      ['conformity_declaration', true, true],
      ['shipping_documents', false, false],
      ['product_photos', false, false],
      ['production_line_proof', true, false],
      ['other_materials', false, false],
    ]);
    expect(items[0]).toMatchObject({ name: '申请人营业执照', applicable: true, file: null });
    expect(items.find((i) => i.typeCode === 'production_line_proof')?.name).toBe(
      '生产线配套证明（设备采购合同等）',
    );
  });

  it('judges PDF, JPG and PNG by their content, whatever the name or the declared type', async () => {
    const id = await draft(c);
    // A PDF named .png and declared image/png is a PDF.
    const a = await uploadOk(t, c, id, 'business_licence', '营业执照.png', pdf);
    expect(a.file).toMatchObject({ filename: '营业执照.png', size: pdf.length, mime: 'application/pdf' });
    const b = await uploadOk(t, c, id, 'product_photos', '产品照片.pdf', jpg);
    expect(b.file?.mime).toBe('image/jpeg');
    const d = await uploadOk(t, c, id, 'other_materials', 'scan', png);
    expect(d.file?.mime).toBe('image/png');
    expect(d.file).toMatchObject({ uploadedBy: `张三${n}`, takenOver: false });
    expect(d.file?.uploadedAt).toBe(t.clock.now().toISOString());

    // A Windows executable renamed .pdf is refused, and the file already there stays.
    const res = await upload(t, c, id, 'business_licence', '营业执照.pdf', exe, 'application/pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' });
    expect(res.json<{ message: string }>().message).toContain('PDF、JPG、PNG');
    expect(isStored(t, sha(exe))).toBe(false);
    expect(await fileRow(t, sha(exe))).toBeUndefined();
    const rows = await attachmentRows(t, id);
    expect(rows.find((r) => r.attachment_type_code === 'business_licence')?.file_sha256).toBe(sha(pdf));

    // Stored content-addressed with its files row and one reference per attachment row.
    expect(isStored(t, sha(pdf))).toBe(true);
    expect(await fileRow(t, sha(pdf))).toMatchObject({ size: pdf.length, mime: 'application/pdf' });
    const refs = await references(t, sha(jpg));
    expect(refs).toEqual([
      {
        sha256: sha(jpg),
        owner_type: 'application_attachment',
        owner_id: rows.find((r) => r.attachment_type_code === 'product_photos')!.id,
      },
    ]);
    const audits = (await auditRows(t, 'ATTACHMENT_UPLOADED')).filter((r) => r.entity_id === id);
    expect(audits.map((r) => (JSON.parse(r.after_json!) as { typeCode: string }).typeCode)).toEqual([
      'business_licence',
      'product_photos',
      'other_materials',
    ]);
    expect(audits[0]).toMatchObject({ entity_type: 'application', actor_username: `user${n}` });
  });

  it('refuses a file over 20 MB with 413 and stores nothing; 20 MB exactly is accepted', async () => {
    const id = await draft(c);
    const big = pdfOfSize(MB20 + 1, 'too-big');
    const res = await upload(t, c, id, 'business_licence', '大文件.pdf', big, 'application/pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '附件不能超过20MB，请压缩或拆分后再上传',
    });
    expect(isStored(t, sha(big))).toBe(false);
    expect(await fileRow(t, sha(big))).toBeUndefined();
    expect(await attachmentRows(t, id)).toEqual([]);

    const limit = pdfOfSize(MB20, 'at-limit');
    const ok = await uploadOk(t, c, id, 'business_licence', '刚好20MB.pdf', limit);
    expect(ok.file?.size).toBe(MB20);
    expect(isStored(t, sha(limit))).toBe(true);
  });

  it('shows the file inline under its UTF-8 name, or as a download', async () => {
    const id = await draft(c);
    await uploadOk(t, c, id, 'business_licence', '2026年 营业执照（副本）.pdf', pdf);
    const res = await c.get(`${attachmentUrl(id, 'business_licence')}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-length']).toBe(String(pdf.length));
    const cd = String(res.headers['content-disposition']);
    expect(cd).toMatch(/^inline; /);
    expect(cd).toContain(`filename*=UTF-8''${encodeURIComponent('2026年 营业执照（副本）.pdf')}`);

    const dl = await c.get(`${attachmentUrl(id, 'business_licence')}/file?download=1`);
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment; /);

    await uploadOk(t, c, id, 'product_photos', 'photo.jpg', jpg);
    const img = await c.get(`${attachmentUrl(id, 'product_photos')}/file`);
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect(img.rawPayload.equals(jpg)).toBe(true);

    expect((await c.get(`${attachmentUrl(id, 'other_materials')}/file`)).statusCode).toBe(404);
  });

  it('replaces the file of a type, releasing the old one only when nothing else refers to it', async () => {
    const a = await draft(c);
    const b = await draft(c);
    const first = pdfOfSize(4096, 'first');
    const second = pdfOfSize(4096, 'second');
    const shared = pdfOfSize(4096, 'shared');

    await uploadOk(t, c, a, 'production_line_proof', '合同-旧.pdf', first);
    const [before] = await attachmentRows(t, a);
    const replaced = await uploadOk(t, c, a, 'production_line_proof', '合同-新.pdf', second);
    expect(replaced.file).toMatchObject({ filename: '合同-新.pdf', size: second.length });
    const after = await attachmentRows(t, a);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before!.id, file_sha256: sha(second) });
    // The first file had no other owner: gone from the database, and from the disk once the collector ran.
    expect(isStored(t, sha(first))).toBe(true);
    await collectAfterGrace(t);
    expect(isStored(t, sha(first))).toBe(false);
    expect(await fileRow(t, sha(first))).toBeUndefined();
    expect(await references(t, sha(first))).toEqual([]);
    const audit = (await auditRows(t, 'ATTACHMENT_REPLACED')).filter((r) => r.entity_id === a);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({ filename: '合同-旧.pdf', sha256: sha(first) });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ filename: '合同-新.pdf', sha256: sha(second) });

    // The same content on two applications: replacing it on one keeps it for the other.
    await uploadOk(t, c, a, 'other_materials', '共用.pdf', shared);
    await uploadOk(t, c, b, 'other_materials', '共用.pdf', shared);
    expect(await references(t, sha(shared))).toHaveLength(2);
    await uploadOk(t, c, a, 'other_materials', '其他.pdf', notice);
    expect(isStored(t, sha(shared))).toBe(true);
    expect(await references(t, sha(shared))).toHaveLength(1);
    const kept = await c.get(`${attachmentUrl(b, 'other_materials')}/file`);
    expect(kept.rawPayload.equals(shared)).toBe(true);
    const mine = await c.get(`${attachmentUrl(a, 'other_materials')}/file`);
    expect(mine.rawPayload.equals(notice)).toBe(true);

    // Uploading the very same content again keeps the file and its single reference.
    await uploadOk(t, c, a, 'production_line_proof', '合同-新（再传）.pdf', second);
    expect(isStored(t, sha(second))).toBe(true);
    expect(await references(t, sha(second))).toHaveLength(1);
  });

  it('deletes the file of a type', async () => {
    const id = await draft(c);
    const own = pdfOfSize(2048, 'to-delete');
    await uploadOk(t, c, id, 'shipping_documents', '发票.pdf', own);
    const res = await c.delete(attachmentUrl(id, 'shipping_documents'));
    expect(res.statusCode, res.body).toBe(200);
    expect(await attachmentRows(t, id)).toEqual([]);
    await collectAfterGrace(t);
    expect(isStored(t, sha(own))).toBe(false);
    expect((await listAttachments(c, id)).find((i) => i.typeCode === 'shipping_documents')?.file).toBeNull();
    const audit = (await auditRows(t, 'ATTACHMENT_DELETED')).filter((r) => r.entity_id === id);
    expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({
      typeCode: 'shipping_documents',
      filename: '发票.pdf',
    });
    expect((await c.delete(attachmentUrl(id, 'shipping_documents'))).statusCode).toBe(404);
  });

  it('refuses a type the clause (or second-level clause) does not call for', async () => {
    const id = await draft(c);
    const res = await upload(t, c, id, 'repair_proof', '维修合同.pdf', pdf);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'typeCode', message: '本申请的免办条款不需要该类附件' }],
    });
    expect((await upload(t, c, id, 'no_such_type', 'x.pdf', pdf)).statusCode).toBe(400);
    expect((await upload(t, c, id, 'Bad-Code!', 'x.pdf', pdf)).statusCode).toBe(400);

    const research = await draft(c, { clauseCode: '01', subClauseCode: 'research' });
    expect((await upload(t, c, research, 'ccc_sample_notice', '送样通知书.pdf', pdf)).statusCode).toBe(400);
    await uploadOk(t, c, research, 'project_description', '项目说明.pdf', pdf);
    expect(await attachmentRows(t, id)).toEqual([]);
  });

  it("answers another organisation's application as not found, audited, and stores nothing", async () => {
    const id = await draft(c);
    await uploadOk(t, c, id, 'business_licence', '营业执照.pdf', pdf);
    const other = await enterprise(t, 1000 + n);
    const foreign = pdfOfSize(3000, 'foreign');
    const before = (await auditRows(t, 'ACCESS_DENIED')).length;

    const up = await upload(t, other, id, 'business_licence', '替换.pdf', foreign);
    expect(up.statusCode).toBe(404);
    expect((await other.delete(attachmentUrl(id, 'business_licence'))).statusCode).toBe(404);
    expect((await other.get(`${attachmentUrl(id, 'business_licence')}/file`)).statusCode).toBe(404);
    expect((await other.get(`/api/applications/${id}/attachments`)).statusCode).toBe(404);

    const denied = (await auditRows(t, 'ACCESS_DENIED')).slice(before);
    expect(denied).toHaveLength(4);
    for (const row of denied) expect(row).toMatchObject({ entity_type: 'application', entity_id: id });
    expect(isStored(t, sha(foreign))).toBe(false);
    expect(await fileRow(t, sha(foreign))).toBeUndefined();
    const rows = await attachmentRows(t, id);
    expect(rows.map((r) => r.file_sha256)).toEqual([sha(pdf)]);

    // An unknown id is the same "not found".
    expect((await upload(t, other, 'no-such-application', 'business_licence', 'x.pdf', pdf)).statusCode).toBe(
      404,
    );
    // Not logged in: 401.
    const anonymous = t.client();
    expect((await anonymous.get(`/api/applications/${id}/attachments`)).statusCode).toBe(401);
  });

  it('allows no change once the application is submitted (409), but viewing', async () => {
    const id = await draft(c);
    const prod = await c.post(`/api/applications/${id}/products`, {
      hsCode: '8414301300',
      productName: '空调压缩机',
      model: 'QXA-B141',
      quantity: '2',
      unit: '台',
    });
    expect(prod.statusCode, prod.body).toBe(200);
    for (const type of [
      'business_licence',
      'management_commitment',
      'conformity_declaration',
      'production_line_proof',
    ]) {
      await uploadOk(t, c, id, type, `${type}.pdf`, pdf);
    }
    const submitted = await c.post(`/api/applications/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);

    const late = pdfOfSize(1000, 'late');
    const res = await upload(t, c, id, 'other_materials', '补充.pdf', late);
    expect(res.statusCode).toBe(409);
    expect(isStored(t, sha(late))).toBe(false);
    expect((await upload(t, c, id, 'business_licence', '替换.pdf', late)).statusCode).toBe(409);
    expect((await c.delete(attachmentUrl(id, 'business_licence'))).statusCode).toBe(409);
    expect((await attachmentRows(t, id)).map((r) => r.file_sha256)).toEqual(Array(4).fill(sha(pdf)));
    const view = await c.get(`${attachmentUrl(id, 'business_licence')}/file`);
    expect(view.statusCode).toBe(200);
    expect((await listAttachments(c, id)).filter((i) => i.file).length).toBe(4);
  });
});
