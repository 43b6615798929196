import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import { applicationBody, createOk, enterprise } from './helpers';

type Fields = { code: string; fields: { path: string; message: string }[] };

/** SPEC §3.2: every rule of the application form, on 保存 (draft strength) and on 提交 (complete). */
describe(`application form ${describeDb}`, () => {
  let t: TestApp;
  let c: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    c = await enterprise(t, 1);
  });
  afterAll(async () => t.close());

  const fieldsOf = (res: { json: <T>() => T }) =>
    Object.fromEntries(res.json<Fields>().fields.map((f) => [f.path, f.message]));

  it('saves a draft with its number, names and creator, and audits it', async () => {
    const a = await createOk(c);
    expect(a.number).toMatch(/^A31000003\d{4}\d{6}$/);
    expect(a.status).toBe('draft');
    expect(a.actions).toEqual(['view', 'edit', 'delete', 'submit']);
    expect(a.names.clause.name).toBe('工厂生产线/成套生产线配套所需的设备/零部件（不含办公用品）');
    expect(a.names.bureau).toBe('上海市市场监督管理局');
    expect(a.names.locationAddressType.name).toBe('注册地址');
    expect(a.names.locationDivision).toContain('浦东新区');
    expect(a.createdBy).toEqual({ username: 'user1', contactName: '张三1' });
    expect(a.fields.contractNo).toBeNull();
    const rows = (await auditRows(t, 'APPLICATION_CREATED')).filter((r) => r.entity_id === a.id);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.after_json!)).toMatchObject({
      number: a.number,
      clauseCode: '03',
      bureauCode: '310000',
    });
  });

  it('lets a draft be saved incomplete, but needs clause, bureau and location for the number', async () => {
    const res = await c.post('/api/applications', {
      clauseCode: '01',
      locationDivisionCode: '310115',
      bureauCode: '310000',
    });
    expect(res.statusCode, res.body).toBe(200);
    const empty = await c.post('/api/applications', {});
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(fieldsOf(empty)).sort()).toEqual(['bureauCode', 'clauseCode', 'locationDivisionCode']);
    expect(fieldsOf(empty).clauseCode).toBe('请选择免办条款');
  });

  it('requires the second-level clause for clause 01 and the applicant type for 01 and 02 on 提交', async () => {
    const a01 = await createOk(c, { clauseCode: '01' });
    let res = await c.post(`/api/applications/${a01.id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toMatchObject({
      subClauseCode: '该免办条款须选择二级明细条款',
      applicantTypeCode: '该免办条款须选择申请人类型',
    });
    const a02 = await createOk(c, { clauseCode: '02' });
    res = await c.post(`/api/applications/${a02.id}/submit`);
    expect(fieldsOf(res)).toHaveProperty('applicantTypeCode');
    expect(fieldsOf(res)).not.toHaveProperty('subClauseCode');
    const a03 = await createOk(c);
    res = await c.post(`/api/applications/${a03.id}/submit`);
    expect(fieldsOf(res)).not.toHaveProperty('applicantTypeCode');
    expect(fieldsOf(res)).not.toHaveProperty('subClauseCode');
  });

  it('refuses a second-level clause or applicant type that belongs to another clause', async () => {
    let res = await c.post(
      '/api/applications',
      applicationBody({ clauseCode: '02', subClauseCode: 'research' }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual({ subClauseCode: '所选二级明细条款不属于该免办条款' });
    res = await c.post(
      '/api/applications',
      applicationBody({ clauseCode: '01', applicantTypeCode: 'repairer' }),
    );
    expect(fieldsOf(res)).toEqual({ applicantTypeCode: '所选申请人类型不属于该免办条款' });
    const ok = await createOk(c, {
      clauseCode: '01',
      subClauseCode: 'ccc_sample',
      applicantTypeCode: 'ccc_applicant',
    });
    expect(ok.names.subClause.name).toBe('CCC认证检测');
    expect(ok.names.applicantType.name).toBe('CCC认证委托人');
  });

  it('refuses disabled or unknown clauses, sub-clauses and address types for new applications', async () => {
    await t.database.db
      .updateTable('sub_clauses')
      .set({ enabled: 0 })
      .where('code', '=', 'testing')
      .execute();
    await t.database.db.updateTable('clauses').set({ enabled: 0 }).where('code', '=', '06').execute();
    try {
      let res = await c.post('/api/applications', applicationBody({ clauseCode: '06' }));
      expect(fieldsOf(res)).toEqual({ clauseCode: '该免办条款不存在或已停用，请重新选择' });
      res = await c.post('/api/applications', applicationBody({ clauseCode: '99' }));
      expect(fieldsOf(res)).toHaveProperty('clauseCode');
      res = await c.post(
        '/api/applications',
        applicationBody({ clauseCode: '01', subClauseCode: 'testing' }),
      );
      expect(fieldsOf(res)).toEqual({ subClauseCode: '所选二级明细条款不属于该免办条款' });
      res = await c.post('/api/applications', applicationBody({ locationAddressTypeCode: 'nowhere' }));
      expect(fieldsOf(res)).toEqual({ locationAddressTypeCode: '该地址类型不存在或已停用，请重新选择' });
    } finally {
      await t.database.db
        .updateTable('sub_clauses')
        .set({ enabled: 1 })
        .where('code', '=', 'testing')
        .execute();
      await t.database.db.updateTable('clauses').set({ enabled: 1 }).where('code', '=', '06').execute();
    }
  });

  it('keeps a sub-clause disabled after the save valid on that application', async () => {
    const a = await createOk(c, {
      clauseCode: '01',
      subClauseCode: 'testing',
      applicantTypeCode: 'testing_body',
    });
    await t.database.db
      .updateTable('sub_clauses')
      .set({ enabled: 0 })
      .where('code', '=', 'testing')
      .execute();
    try {
      const res = await c.put(
        `/api/applications/${a.id}`,
        applicationBody({
          clauseCode: '01',
          subClauseCode: 'testing',
          applicantTypeCode: 'testing_body',
          contractNo: 'C-1',
        }),
      );
      expect(res.statusCode, res.body).toBe(200);
    } finally {
      await t.database.db
        .updateTable('sub_clauses')
        .set({ enabled: 1 })
        .where('code', '=', 'testing')
        .execute();
    }
  });

  it('offers only bureaus that cover the location: another province’s bureau is refused', async () => {
    const res = await c.post('/api/applications', applicationBody({ bureauCode: '440000' }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual({
      bureauCode: '所选市场监督管理局不受理该所在地的申请，请从系统匹配的市场监督管理局中选择',
    });
    // 广东 深圳 南山 is covered by 广东省局
    const gd = await createOk(c, { locationDivisionCode: '440305', bureauCode: '440000' });
    expect(gd.number.slice(1, 7)).toBe('440000');
    // a disabled bureau is offered no more
    await t.database.db.updateTable('bureaus').set({ enabled: 0 }).where('code', '=', '440000').execute();
    try {
      const off = await c.post(
        '/api/applications',
        applicationBody({ locationDivisionCode: '440305', bureauCode: '440000' }),
      );
      expect(fieldsOf(off)).toHaveProperty('bureauCode');
    } finally {
      await t.database.db.updateTable('bureaus').set({ enabled: 1 }).where('code', '=', '440000').execute();
    }
    // a bureau code that does not exist, and a division that does not
    expect(
      fieldsOf(await c.post('/api/applications', applicationBody({ bureauCode: '999999' }))),
    ).toHaveProperty('bureauCode');
    expect(
      fieldsOf(await c.post('/api/applications', applicationBody({ locationDivisionCode: '999999' }))),
    ).toEqual({
      locationDivisionCode: '请选择所在地区',
    });
    expect(
      fieldsOf(await c.post('/api/applications', applicationBody({ bureauCode: ['310000', '440000'] }))),
    ).toHaveProperty('bureauCode');
  });

  it('asks for at least one of 提运单号 / 进口合同号 / 发票号 and names all three', async () => {
    const a = await createOk(c, { invoiceNo: '' });
    const res = await c.post(`/api/applications/${a.id}/submit`);
    expect(res.statusCode).toBe(400);
    const f = fieldsOf(res);
    for (const path of ['billOfLadingNo', 'contractNo', 'invoiceNo']) {
      expect(f[path]).toBe('提运单号、进口合同号、发票号至少填写一项');
    }
    const fixed = await c.put(
      `/api/applications/${a.id}`,
      applicationBody({ invoiceNo: null, billOfLadingNo: 'BL-77' }),
    );
    expect(fixed.statusCode).toBe(200);
    const again = fieldsOf(await c.post(`/api/applications/${a.id}/submit`));
    expect(again).not.toHaveProperty('billOfLadingNo');
  });

  it('limits the lengths of addresses, numbers and long texts', async () => {
    const res = await c.post(
      '/api/applications',
      applicationBody({
        locationAddress: '地'.repeat(301),
        invoiceNo: 'x'.repeat(101),
        productFeatures: '特'.repeat(4001),
        exemptionReason: '因'.repeat(4000),
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual({
      locationAddress: '内容过长',
      invoiceNo: '内容过长',
      productFeatures: '内容过长',
    });
  });

  it('asks clause 04 for the display period in order and the disposal', async () => {
    let res = await c.post(
      '/api/applications',
      applicationBody({ clauseCode: '04', displayStartDate: '2026-05-10', displayEndDate: '2026-05-01' }),
    );
    expect(fieldsOf(res)).toEqual({ displayEndDate: '展示开始日期不能晚于展示结束日期' });
    res = await c.post(
      '/api/applications',
      applicationBody({ clauseCode: '04', displayStartDate: '2026-02-30' }),
    );
    expect(fieldsOf(res)).toHaveProperty('displayStartDate');
    const a = await createOk(c, { clauseCode: '04' });
    const f = fieldsOf(await c.post(`/api/applications/${a.id}/submit`));
    expect(f).toMatchObject({
      displayStartDate: '此项为必填项',
      displayEndDate: '此项为必填项',
      postDisplayDisposal: '此项为必填项',
    });
    const ok = await c.put(
      `/api/applications/${a.id}`,
      applicationBody({
        clauseCode: '04',
        displayStartDate: '2026-05-01',
        displayEndDate: '2026-05-10',
        postDisplayDisposal: '展后退运出境',
      }),
    );
    expect(ok.json<ApplicationDetail>().fields).toMatchObject({
      displayStartDate: '2026-05-01',
      postDisplayDisposal: '展后退运出境',
    });
    // another clause drops them
    const other = await createOk(c, { displayStartDate: '2026-05-01', postDisplayDisposal: 'x' });
    expect(other.fields.displayStartDate).toBeNull();
    expect(other.fields.postDisplayDisposal).toBeNull();
  });

  it('fixes clause and bureau from the first save; everything else stays editable', async () => {
    const a = await createOk(c);
    let res = await c.put(`/api/applications/${a.id}`, applicationBody({ clauseCode: '05' }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual({
      clauseCode: '免办条款和受理市场监督管理局保存后不能修改；如需更改，请删除本草稿后重新新增申请',
    });
    res = await c.put(
      `/api/applications/${a.id}`,
      applicationBody({ locationDivisionCode: '440305', bureauCode: '440000' }),
    );
    expect(Object.keys(fieldsOf(res))).toEqual(['bureauCode']);
    // the location may change within the bureau's jurisdiction, not outside it
    res = await c.put(`/api/applications/${a.id}`, applicationBody({ locationDivisionCode: '440305' }));
    expect(fieldsOf(res)).toEqual({
      locationDivisionCode: '所选地区不在本申请受理市场监督管理局的管辖范围内',
    });
    res = await c.put(
      `/api/applications/${a.id}`,
      applicationBody({
        locationDivisionCode: '310104',
        locationAddress: '徐汇区新地址',
        contractNo: 'HT-9',
        exemptionReason: '新理由',
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<ApplicationDetail>();
    expect(d.number).toBe(a.number);
    expect(d.fields).toMatchObject({
      locationDivisionCode: '310104',
      contractNo: 'HT-9',
      exemptionReason: '新理由',
    });
    const upd = (await auditRows(t, 'APPLICATION_UPDATED')).filter((r) => r.entity_id === a.id);
    expect(upd).toHaveLength(1);
    expect(JSON.parse(upd[0]!.before_json!)).toMatchObject({
      locationDivisionCode: '310115',
      contractNo: null,
    });
    expect(JSON.parse(upd[0]!.after_json!)).toMatchObject({
      locationDivisionCode: '310104',
      contractNo: 'HT-9',
    });
    expect(JSON.parse(upd[0]!.after_json!)).not.toHaveProperty('safetyAssurance');
  });

  it('answers in English when asked', async () => {
    c.lang = 'en-US';
    try {
      const res = await c.post('/api/applications', applicationBody({ bureauCode: '440000' }));
      expect(res.json<Fields>().fields[0]!.message).toMatch(
        /does not accept applications from that location/,
      );
    } finally {
      c.lang = 'zh-CN';
    }
  });

  it('is for enterprise users of an organisation only', async () => {
    const anon = t.client();
    await anon.refreshSession();
    expect((await anon.post('/api/applications', applicationBody())).statusCode).toBe(401);
    expect((await anon.get('/api/applications')).statusCode).toBe(401);
  });
});
