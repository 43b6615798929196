import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { missingRequiredAttachments } from '../../../src/modules/attachments/attachments.service';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import { collectAfterGrace } from '../../helpers/files';
import {
  attachmentRows,
  draft,
  enterprise,
  fileRow,
  isStored,
  listAttachments,
  pdfOfSize,
  references,
  sha,
  uploadOk,
} from './factories';

const REUSABLE = ['business_licence', 'management_commitment', 'conformity_declaration'];
const REUSABLE_NAMES = [
  '申请人营业执照',
  '后续管理承诺书',
  '关于相应产品符合国内安全标准的要求（产品符合性声明）',
];

describe(`attachments over an application's life ${describeDb}`, () => {
  let t: TestApp;
  let c: TestClient;
  let n = 100;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    n += 1;
    c = await enterprise(t, n);
  });

  const missing = (applicationId: string, clauseCode: string, subClauseCode: string | null = null) =>
    missingRequiredAttachments(t.database.db, { applicationId, clauseCode, subClauseCode });

  it('takes over exactly the reusable types from the previous application under the same clause', async () => {
    const first = await draft(c);
    const files: Record<string, Buffer> = {};
    for (const type of [
      ...REUSABLE,
      'shipping_documents',
      'product_photos',
      'production_line_proof',
      'other_materials',
    ]) {
      files[type] = pdfOfSize(1500, `${n}-${type}`);
      await uploadOk(t, c, first, type, `${type}.pdf`, files[type]);
    }
    t.clock.advance(60_000);
    const second = await draft(c);

    const rows = await attachmentRows(t, second);
    expect(rows.map((r) => r.attachment_type_code).sort()).toEqual([...REUSABLE].sort());
    for (const row of rows) {
      // The same stored file, with a row and a file reference of its own.
      expect(row.file_sha256).toBe(sha(files[row.attachment_type_code]!));
      expect(row.taken_over_from).toBe(first);
      expect(row.filename).toBe(`${row.attachment_type_code}.pdf`);
      const refs = await references(t, row.file_sha256);
      expect(refs.map((r) => r.owner_id).sort()).toEqual(
        [
          row.id,
          (await attachmentRows(t, first)).find((r) => r.attachment_type_code === row.attachment_type_code)!
            .id,
        ].sort(),
      );
    }
    const listed = await listAttachments(c, second);
    expect(listed.filter((i) => i.file?.takenOver).map((i) => i.typeCode)).toEqual(REUSABLE);
    expect(listed.find((i) => i.typeCode === 'production_line_proof')?.file).toBeNull();
    const audit = (await auditRows(t, 'ATTACHMENTS_TAKEN_OVER')).filter((r) => r.entity_id === second);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ fromApplicationId: first });

    // The user may replace a taken-over file; the first application keeps its own.
    const newLicence = pdfOfSize(1500, `${n}-new-licence`);
    const replaced = await uploadOk(t, c, second, 'business_licence', '新营业执照.pdf', newLicence);
    expect(replaced.file?.takenOver).toBe(false);
    const firstLicence = await c.get(`/api/applications/${first}/attachments/business_licence/file`);
    expect(firstLicence.rawPayload.equals(files.business_licence!)).toBe(true);

    // The latest application under the clause is the source: a third takes the replaced licence.
    t.clock.advance(60_000);
    const third = await draft(c);
    const thirdRows = await attachmentRows(t, third);
    expect(thirdRows.find((r) => r.attachment_type_code === 'business_licence')?.file_sha256).toBe(
      sha(newLicence),
    );
    expect(thirdRows.every((r) => r.taken_over_from === second)).toBe(true);

    // Another clause takes nothing over; neither does another organisation.
    const repair = await draft(c, { clauseCode: '02' });
    expect(await attachmentRows(t, repair)).toEqual([]);
    const other = await enterprise(t, 5000 + n);
    expect(await attachmentRows(t, await draft(other))).toEqual([]);
  });

  it('deleting a draft releases its files, keeping those another application still refers to', async () => {
    const first = await draft(c);
    const licence = pdfOfSize(1200, `${n}-licence`);
    const proof = pdfOfSize(1200, `${n}-proof`);
    await uploadOk(t, c, first, 'business_licence', '营业执照.pdf', licence);
    await uploadOk(t, c, first, 'production_line_proof', '证明.pdf', proof);
    const second = await draft(c);
    expect((await attachmentRows(t, second)).map((r) => r.attachment_type_code)).toEqual([
      'business_licence',
    ]);

    const res = await c.delete(`/api/applications/${first}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await attachmentRows(t, first)).toEqual([]);
    // Only the first application had the proof: gone (from storage once the collector ran). The licence
    // lives on with the second.
    await collectAfterGrace(t);
    expect(isStored(t, sha(proof))).toBe(false);
    expect(await fileRow(t, sha(proof))).toBeUndefined();
    expect(isStored(t, sha(licence))).toBe(true);
    expect(await references(t, sha(licence))).toHaveLength(1);
    const kept = await c.get(`/api/applications/${second}/attachments/business_licence/file`);
    expect(kept.rawPayload.equals(licence)).toBe(true);
  });

  it('names the required attachments still missing, per clause and second-level clause', async () => {
    const id = await draft(c, { clauseCode: '01', subClauseCode: 'ccc_sample' });
    const names = async (clause: string, sub: string | null = null) =>
      (await missing(id, clause, sub)).map((m) => m.name);

    expect(await names('01', 'research')).toEqual([...REUSABLE_NAMES, '科研/测试项目说明']);
    expect(await names('01', 'testing')).toEqual([...REUSABLE_NAMES, '科研/测试项目说明']);
    expect(await names('01', 'ccc_sample')).toEqual([
      ...REUSABLE_NAMES,
      'CCC指定认证机构出具的CCC认证送样通知书',
    ]);
    expect(await names('01', null)).toEqual(REUSABLE_NAMES);
    expect(await names('02')).toEqual([...REUSABLE_NAMES, '维修合同或维修服务证明']);
    expect(await names('03')).toEqual([...REUSABLE_NAMES, '生产线配套证明（设备采购合同等）']);
    expect(await names('04')).toEqual([...REUSABLE_NAMES, '展会邀请函或展示合同及展后处置说明']);
    expect(await names('05')).toEqual([...REUSABLE_NAMES, '整机出口合同或加工贸易手册']);
    expect(await names('06')).toEqual([...REUSABLE_NAMES, '特殊用途说明']);
    expect((await missing(id, '01', 'ccc_sample')).map((m) => m.typeCode)).toEqual([
      ...REUSABLE,
      'ccc_sample_notice',
    ]);

    // Files present are no longer missing; optional types never are.
    await uploadOk(t, c, id, 'business_licence', '营业执照.pdf', pdfOfSize(900, `${n}-a`));
    await uploadOk(t, c, id, 'ccc_sample_notice', '送样通知书.pdf', pdfOfSize(900, `${n}-b`));
    await uploadOk(t, c, id, 'other_materials', '其他.pdf', pdfOfSize(900, `${n}-c`));
    expect(await names('01', 'ccc_sample')).toEqual(REUSABLE_NAMES.slice(1));
    for (const type of REUSABLE.slice(1)) {
      await uploadOk(t, c, id, type, `${type}.pdf`, pdfOfSize(900, `${n}-${type}`));
    }
    expect(await missing(id, '01', 'ccc_sample')).toEqual([]);

    // The list marks the same: 必传 for the notice under CCC认证检测.
    const listed = await listAttachments(c, id);
    expect(listed.find((i) => i.typeCode === 'ccc_sample_notice')).toMatchObject({
      required: true,
      applicable: true,
    });
    expect(listed.find((i) => i.typeCode === 'project_description')).toBeUndefined();
  });

  it('re-evaluates the attachments when the second-level clause changes', async () => {
    const body = { clauseCode: '01', subClauseCode: 'ccc_sample' };
    const id = await draft(c, body);
    await uploadOk(t, c, id, 'ccc_sample_notice', '送样通知书.pdf', pdfOfSize(800, `${n}-notice`));
    const detail = (await c.get(`/api/applications/${id}`)).json<{ fields: Record<string, unknown> }>();
    const res = await c.put(`/api/applications/${id}`, { ...detail.fields, subClauseCode: 'research' });
    expect(res.statusCode, res.body).toBe(200);

    const listed = await listAttachments(c, id);
    expect(listed.find((i) => i.typeCode === 'project_description')).toMatchObject({
      required: true,
      applicable: true,
      file: null,
    });
    // The notice uploaded before stays visible, no longer called for: it can be deleted, not replaced.
    const left = listed.find((i) => i.typeCode === 'ccc_sample_notice');
    expect(left).toMatchObject({ applicable: false, required: false });
    expect(left?.file?.filename).toBe('送样通知书.pdf');
    expect((await missing(id, '01', 'research')).map((m) => m.typeCode)).toContain('project_description');
    const again = await c.post(`/api/applications/${id}/attachments/ccc_sample_notice`);
    expect(again.statusCode).toBe(400);
    expect((await c.delete(`/api/applications/${id}/attachments/ccc_sample_notice`)).statusCode).toBe(200);
  });
});
