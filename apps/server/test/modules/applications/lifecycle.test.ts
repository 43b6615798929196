import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '@ccc/domain';
import { HOUR } from '../../../src/lib/clock';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows, loginOk, mailsTo, registerOk, registrationBody } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import {
  addProductOk,
  applicationBody,
  attachOk,
  CLAUSE_03_REQUIRED,
  completeDraft,
  createOk,
  enterprise,
  productBody,
  simulateBureauReturn,
  submitOk,
} from './helpers';

type Envelope = { code: string; message: string; fields: { path: string; message: string }[] };

/** SPEC §3.5–3.7: 提交 with its completeness check, 撤回, 删除, 已退回 and the detail with its history. */
describe(`application lifecycle ${describeDb}`, () => {
  let t: TestApp;
  let c: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    c = await enterprise(t, 1);
  });
  afterAll(async () => t.close());

  const detail = async (id: string, client = c) =>
    (await client.get(`/api/applications/${id}`)).json<ApplicationDetail>();

  it('names every missing item of an incomplete application in one answer', async () => {
    const a = (
      await c.post('/api/applications', {
        clauseCode: '01',
        subClauseCode: 'ccc_sample',
        locationDivisionCode: '310115',
        bureauCode: '310000',
      })
    ).json<ApplicationDetail>();
    const res = await c.post(`/api/applications/${a.id}/submit`);
    expect(res.statusCode).toBe(400);
    const body = res.json<Envelope>();
    expect(body.code).toBe('APPLICATION_INCOMPLETE');
    expect(body.message).toBe('申请信息不完整，请补充以下各项后再提交');
    const byPath = Object.fromEntries(body.fields.map((f) => [f.path, f.message]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        'applicantTypeCode',
        'locationAddressTypeCode',
        'locationAddress',
        'useDivisionCode',
        'useAddress',
        'billOfLadingNo',
        'contractNo',
        'invoiceNo',
        'productFeatures',
        'exemptionReason',
        'safetyAssurance',
        'products',
        'attachments.business_licence',
        'attachments.management_commitment',
        'attachments.conformity_declaration',
        'attachments.ccc_sample_notice',
      ].sort(),
    );
    expect(byPath.products).toBe('请至少添加一个产品');
    expect(byPath['attachments.ccc_sample_notice']).toBe(
      '请上传必传附件：CCC指定认证机构出具的CCC认证送样通知书',
    );
    expect(byPath.locationAddressTypeCode).toBe('请选择地址类型');
    // nothing changed
    expect((await detail(a.id)).status).toBe('draft');
    expect((await auditRows(t, 'APPLICATION_SUBMITTED')).filter((r) => r.entity_id === a.id)).toHaveLength(0);
  });

  it('re-evaluates the required attachments when the second-level clause changes', async () => {
    const a = await createOk(c, {
      clauseCode: '01',
      subClauseCode: 'research',
      applicantTypeCode: 'research_institute',
    });
    const paths = async () =>
      (await c.post(`/api/applications/${a.id}/submit`))
        .json<Envelope>()
        .fields.map((f) => f.path)
        .filter((p) => p.startsWith('attachments.'));
    expect(await paths()).toContain('attachments.project_description');
    expect(await paths()).not.toContain('attachments.ccc_sample_notice');
    await c.put(
      `/api/applications/${a.id}`,
      applicationBody({ clauseCode: '01', subClauseCode: 'ccc_sample', applicantTypeCode: 'ccc_applicant' }),
    );
    expect(await paths()).toContain('attachments.ccc_sample_notice');
    expect(await paths()).not.toContain('attachments.project_description');
  });

  it('submits a complete application: 待受理, locked, audited, and the organisation’s users told', async () => {
    const colleague = registrationBody(11, {
      orgCode: registrationBody(1).orgCode,
      username: 'colleague1',
      email: 'colleague1@example.com',
    });
    await registerOk(t, colleague);
    await c.post(
      `/api/organisation/members/${(await t.database.db.selectFrom('users').select('id').where('username', '=', 'colleague1').executeTakeFirstOrThrow()).id}/decision`,
      { decision: 'approve' },
    );
    const a = await completeDraft(t, c);
    t.clock.advance(HOUR);
    c = await loginOk(t, 'user1');
    const s = await submitOk(c, a.id);
    expect(s.status).toBe('submitted');
    expect(s.submittedAt).toBe(t.clock.now().toISOString());
    expect(s.actions).toEqual(['view', 'withdraw']);
    const rows = (await auditRows(t, 'APPLICATION_SUBMITTED')).filter((r) => r.entity_id === a.id);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.before_json!)).toMatchObject({ status: 'draft' });
    expect(JSON.parse(rows[0]!.after_json!)).toMatchObject({ status: 'submitted', number: a.number });
    for (const to of ['user1@example.com', 'colleague1@example.com']) {
      const mails = (await mailsTo(t, to)).filter((m) => m.subject.includes(a.number));
      expect(mails, to).toHaveLength(1);
      expect(mails[0]!.subject).toContain('CCC免办申请已提交');
      expect(mails[0]!.text).toContain('上海市市场监督管理局');
    }
  });

  it('allows no change after submission: fields, products, attachments, delete, submit again', async () => {
    const a = await completeDraft(t, c);
    await submitOk(c, a.id);
    const product = (await detail(a.id)).products[0]!;
    const tries = [
      await c.put(`/api/applications/${a.id}`, applicationBody({ contractNo: 'X' })),
      await c.post(`/api/applications/${a.id}/products`, productBody()),
      await c.put(`/api/applications/${a.id}/products/${product.id}`, productBody()),
      await c.delete(`/api/applications/${a.id}/products/${product.id}`),
      await c.delete(`/api/applications/${a.id}/attachments/business_licence`),
      await c.delete(`/api/applications/${a.id}`),
      await c.post(`/api/applications/${a.id}/submit`),
    ];
    for (const res of tries) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json<Envelope>().code).toBe('INVALID_TRANSITION');
    }
    const d = await detail(a.id);
    expect(d.status).toBe('submitted');
    expect(d.fields.contractNo).toBeNull();
    expect(d.products).toHaveLength(1);
  });

  it('withdraws a 待受理 application back to 未提交, keeping number and history', async () => {
    const a = await completeDraft(t, c);
    await submitOk(c, a.id);
    const res = await c.post(`/api/applications/${a.id}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<ApplicationDetail>();
    expect(d).toMatchObject({ status: 'draft', number: a.number, submittedAt: null });
    expect(d.history.map((h) => h.action)).toContain('APPLICATION_WITHDRAWN');
    expect(d.history.map((h) => h.action)).toContain('APPLICATION_SUBMITTED');
    // a draft cannot be withdrawn, and can be changed and submitted again
    expect((await c.post(`/api/applications/${a.id}/withdraw`)).statusCode).toBe(409);
    expect(
      (await c.put(`/api/applications/${a.id}`, applicationBody({ contractNo: 'HT-2' }))).statusCode,
    ).toBe(200);
    expect((await submitOk(c, a.id)).status).toBe('submitted');
    // once the bureau accepted it (审核中), no withdrawal
    await t.database.db
      .updateTable('applications')
      .set({ status: 'under_review' })
      .where('id', '=', a.id)
      .execute();
    expect((await c.post(`/api/applications/${a.id}/withdraw`)).statusCode).toBe(409);
  });

  it('deletes drafts only, with their products and attachments, and audits it', async () => {
    const a = await completeDraft(t, c);
    const res = await c.delete(`/api/applications/${a.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await c.get(`/api/applications/${a.id}`)).statusCode).toBe(404);
    const left = await Promise.all([
      t.database.db
        .selectFrom('application_products')
        .select('id')
        .where('application_id', '=', a.id)
        .execute(),
      t.database.db
        .selectFrom('application_attachments')
        .select('id')
        .where('application_id', '=', a.id)
        .execute(),
      t.database.db
        .selectFrom('file_references')
        .select('owner_id')
        .where('owner_type', '=', 'application_attachment')
        .execute(),
    ]);
    expect(left[0]).toEqual([]);
    expect(left[1]).toEqual([]);
    const deleted = (await auditRows(t, 'APPLICATION_DELETED')).find((r) => r.entity_id === a.id)!;
    expect(JSON.parse(deleted.before_json!)).toMatchObject({ number: a.number, productCount: 1 });
    // returned, submitted and under review ones cannot be deleted
    const b = await completeDraft(t, c);
    await submitOk(c, b.id);
    expect((await c.delete(`/api/applications/${b.id}`)).statusCode).toBe(409);
    await simulateBureauReturn(t, b.id, '请补充说明');
    expect((await c.delete(`/api/applications/${b.id}`)).statusCode).toBe(409);
    expect((await detail(b.id)).status).toBe('returned');
  });

  it('lets a returned application be corrected and submitted again, the reason shown', async () => {
    const a = await completeDraft(t, c);
    await submitOk(c, a.id);
    await simulateBureauReturn(t, a.id, '产品用途说明不清，请补充安全保证措施');
    let d = await detail(a.id);
    expect(d).toMatchObject({ status: 'returned', returnReason: '产品用途说明不清，请补充安全保证措施' });
    expect(d.actions).toEqual(['view', 'edit', 'submit']);
    const fixed = await c.put(
      `/api/applications/${a.id}`,
      applicationBody({ safetyAssurance: '补充后的安全保证措施' }),
    );
    expect(fixed.statusCode).toBe(200);
    await addProductOk(c, a.id, { productName: '补充的产品' });
    await attachOk(t, c, a.id, 'product_photos');
    d = await submitOk(c, a.id);
    expect(d.status).toBe('submitted');
    // the last return reason stays on the record; nothing of the history is cleared
    expect(d.returnReason).toBe('产品用途说明不清，请补充安全保证措施');
    const actions = d.history.map((h) => h.action);
    expect(actions.filter((x) => x === 'APPLICATION_SUBMITTED')).toHaveLength(2);
    expect(actions).toContain('APPLICATION_UPDATED');
    const mails = (await mailsTo(t, 'user1@example.com')).filter((m) => m.subject.includes(a.number));
    expect(mails).toHaveLength(2);
    expect(mails.filter((m) => m.text.includes('修改后重新提交'))).toHaveLength(1);
  });

  it('shows the detail with names, products, attachments and who did what, when and why', async () => {
    const a = await createOk(c, {
      clauseCode: '01',
      subClauseCode: 'research',
      applicantTypeCode: 'research_institute',
    });
    await addProductOk(c, a.id, { productName: '测试样机' });
    await attachOk(t, c, a.id, 'business_licence');
    const d = await detail(a.id);
    expect(d.organisation.nameZh).toBe('上海测试进出口有限公司1');
    expect(d.names).toMatchObject({
      clause: { code: '01', name: '为科研、测试和认证检测所需的产品和样品' },
      subClause: { code: 'research', name: '科研' },
      applicantType: { code: 'research_institute', name: '科研机构' },
      bureau: '上海市市场监督管理局',
    });
    expect(d.products.map((p) => p.productName)).toEqual(['测试样机']);
    const licence = d.attachments.find((x) => x.typeCode === 'business_licence')!;
    expect(licence).toMatchObject({ required: true, file: { filename: 'business_licence.pdf' } });
    expect(d.attachments.find((x) => x.typeCode === 'project_description')).toMatchObject({
      required: true,
      file: null,
    });
    expect(d.history.map((h) => [h.action, h.actorUsername, h.actorName, h.actorRole])).toEqual([
      ['APPLICATION_CREATED', 'user1', '张三1', 'enterprise'],
      ['PRODUCT_ADDED', 'user1', '张三1', 'enterprise'],
      ['ATTACHMENT_UPLOADED', 'user1', '张三1', 'enterprise'],
    ]);
    expect(d.history[1]!.subject).toBe('1. 测试样机');
    for (const h of d.history) expect(h.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('takes over the reusable attachments of the latest application under the same clause', async () => {
    const first = await createOk(c, { clauseCode: '05' });
    for (const type of CLAUSE_03_REQUIRED.slice(0, 3)) await attachOk(t, c, first.id, type);
    await attachOk(t, c, first.id, 'export_contract');
    const second = await createOk(c, { clauseCode: '05' });
    const files = second.attachments
      .filter((x) => x.file)
      .map((x) => x.typeCode)
      .sort();
    expect(files).toEqual(['business_licence', 'conformity_declaration', 'management_commitment']);
    expect(second.history.map((h) => h.action)).toEqual(['APPLICATION_CREATED', 'ATTACHMENTS_TAKEN_OVER']);
  });
});
