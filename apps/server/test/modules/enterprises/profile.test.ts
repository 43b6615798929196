import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import {
  auditRows,
  loginOk,
  mailsTo,
  orgCode18,
  registerOk,
  registrationBody,
  userId,
} from '../../helpers/identity';

/** 修改企业信息: contact fields are the user's own, organisation fields are everyone's. */
describe(`enterprise information ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    // Organisation 1 with three users: user1 (first), user2 (approved), user3 (still pending).
    await registerOk(t, registrationBody(1));
    await registerOk(t, registrationBody(2, { orgCode: orgCode18(1) }));
    await registerOk(t, registrationBody(3, { orgCode: orgCode18(1) }));
    const admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
    const res = await admin.post(`/api/admin/pending-users/${await userId(t, 'user2')}/decision`, {
      decision: 'approve',
    });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  const profileBody = (p: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
    orgNameZh: p.orgNameZh,
    orgNameEn: p.orgNameEn ?? '',
    divisionCode: p.divisionCode,
    orgAddress: p.orgAddress,
    orgPostcode: p.orgPostcode,
    orgRemark: p.orgRemark ?? '',
    contactName: p.contactName,
    mobile: p.mobile,
    email: p.email,
    phone: p.phone ?? '',
    fax: p.fax ?? '',
    ...over,
  });

  it('shows the user and organisation fields, with the division name', async () => {
    const c = await loginOk(t, 'user1');
    const res = await c.get('/api/me/profile');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      username: 'user1',
      orgCode: orgCode18(1),
      orgNameZh: '上海测试进出口有限公司1',
      orgNameEn: 'Shanghai Test Import Co. 1',
      divisionCode: '310115',
      divisionName: expect.stringContaining('浦东新区'),
      orgAddress: '上海市浦东新区世纪大道100号',
      orgPostcode: '200120',
      orgRemark: null,
      contactName: '张三1',
      mobile: '13800138000',
      email: 'user1@example.com',
      phone: '021-12345678',
      fax: null,
    });
  });

  it('changes organisation fields for every user: audited, and the other active users are e-mailed', async () => {
    const c1 = await loginOk(t, 'user1');
    const current = (await c1.get('/api/me/profile')).json();
    const res = await c1.put(
      '/api/me/profile',
      profileBody(current, {
        orgNameZh: '上海新名称贸易有限公司',
        orgPostcode: '200000',
        divisionCode: '110101',
        orgRemark: '搬迁',
        contactName: '李四',
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      orgNameZh: '上海新名称贸易有限公司',
      contactName: '李四',
      orgRemark: '搬迁',
    });

    // Another user of the organisation sees the change; its own contact fields are untouched.
    const c2 = await loginOk(t, 'user2');
    const p2 = (await c2.get('/api/me/profile')).json();
    expect(p2).toMatchObject({
      orgNameZh: '上海新名称贸易有限公司',
      orgPostcode: '200000',
      divisionCode: '110101',
      divisionName: expect.stringContaining('东城区'),
      orgRemark: '搬迁',
      contactName: '张三2',
    });

    const audit = await auditRows(t, 'ORGANISATION_UPDATED');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before_json!)).toEqual({
      name_zh: '上海测试进出口有限公司1',
      division_code: '310115',
      postcode: '200120',
      remark: null,
    });
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({
      name_zh: '上海新名称贸易有限公司',
      division_code: '110101',
      postcode: '200000',
      remark: '搬迁',
    });
    expect(audit[0]).toMatchObject({ actor_username: 'user1', entity_type: 'organisation' });
    expect((await auditRows(t, 'PROFILE_UPDATED')).map((a) => JSON.parse(a.after_json!) as unknown)).toEqual([
      { contactName: '李四' },
    ]);

    // user2 (active) is told what changed; user1 (who changed it) and user3 (pending) are not.
    const toUser2 = (await mailsTo(t, 'user2@example.com')).filter((m) =>
      m.subject.includes('本单位信息已修改'),
    );
    expect(toUser2).toHaveLength(1);
    expect(toUser2[0]!.text).toContain('申请单位：“上海测试进出口有限公司1” → “上海新名称贸易有限公司”');
    expect(toUser2[0]!.text).toContain('申请单位邮编：“200120” → “200000”');
    expect(toUser2[0]!.text).toContain('东城区');
    expect(toUser2[0]!.text).toContain(
      'Organisation name: "上海测试进出口有限公司1" → "上海新名称贸易有限公司"',
    );
    for (const other of ['user1@example.com', 'user3@example.com']) {
      const mails = await mailsTo(t, other);
      expect(
        mails.filter((m) => m.subject.includes('本单位信息已修改')),
        other,
      ).toHaveLength(0);
    }
  });

  it('changing only contact fields touches neither the organisation nor anyone’s mailbox', async () => {
    const c2 = await loginOk(t, 'user2');
    const before = await mailsTo(t, 'user1@example.com');
    const current = (await c2.get('/api/me/profile')).json();
    const res = await c2.put(
      '/api/me/profile',
      profileBody(current, { mobile: '13900139000', fax: '021-7654321' }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mobile: '13900139000', fax: '021-7654321' });
    expect(await auditRows(t, 'ORGANISATION_UPDATED')).toHaveLength(1);
    expect(await mailsTo(t, 'user1@example.com')).toHaveLength(before.length);
    const p1 = (await (await loginOk(t, 'user1')).get('/api/me/profile')).json();
    expect(p1.mobile).toBe('13800138000');
  });

  it('refuses invalid fields and an unknown division, changing nothing', async () => {
    const c = await loginOk(t, 'user1');
    const current = (await c.get('/api/me/profile')).json();
    const bad = await c.put('/api/me/profile', profileBody(current, { orgPostcode: '1234', email: 'x' }));
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['email', 'orgPostcode']);
    const division = await c.put(
      '/api/me/profile',
      profileBody(current, { divisionCode: '999999', orgNameZh: '不应保存' }),
    );
    expect(division.statusCode).toBe(400);
    expect(division.json().fields).toEqual([{ path: 'divisionCode', message: '请选择所在地区' }]);
    expect((await c.get('/api/me/profile')).json().orgNameZh).toBe('上海新名称贸易有限公司');
  });

  it('is for enterprise users only', async () => {
    const admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await admin.get('/api/me/profile')).statusCode).toBe(403);
    expect((await t.client().get('/api/me/profile')).statusCode).toBe(401);
  });
});
