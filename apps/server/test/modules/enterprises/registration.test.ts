import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import {
  auditRows,
  freshClient,
  login,
  loginOk,
  mailsTo,
  orgCode18,
  orgCode9,
  register,
  registerOk,
  registrationBody,
  userId,
} from '../../helpers/identity';

describe(`registration and joining an organisation ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('registers a new organisation with an active first user, audited and e-mailed', async () => {
    const body = registrationBody(1);
    const res = await registerOk(t, body);
    expect(res).toEqual({ status: 'active', joinedExisting: false, orgNameZh: body.orgNameZh });

    const org = await t.database.db
      .selectFrom('organisations')
      .selectAll()
      .where('code', '=', orgCode18(1))
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({
      org_code9: orgCode9(1),
      name_zh: body.orgNameZh,
      name_en: body.orgNameEn,
      division_code: '310115',
      postcode: '200120',
      remark: null,
    });
    const user = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('username_key', '=', 'user1')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'enterprise', status: 'active', organisation_id: org.id, fax: null });
    expect(user.password_hash).toMatch(/^\$argon2id\$/);

    const actions = (await auditRows(t)).filter((a) => a.organisation_id === org.id).map((a) => a.action);
    expect(actions).toEqual(['ORGANISATION_CREATED', 'USER_REGISTERED']);

    const mails = await mailsTo(t, 'user1@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('注册成功');
    expect(mails[0]!.text).toContain('user1');
    // Chinese first, English below it.
    expect(mails[0]!.text.indexOf('您已成功注册')).toBeLessThan(
      mails[0]!.text.indexOf('You have registered'),
    );

    await loginOk(t, 'user1');
  });

  it('answers each invalid field with its path and message', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ acceptDeclaration: false }, 'acceptDeclaration', '请阅读并同意注册用户声明'],
      [{ username: 'ab' }, 'username', '用户名为4至32位字母、数字或 _ . @ -'],
      [{ username: '张三用户' }, 'username', '用户名为4至32位字母、数字或 _ . @ -'],
      [
        { password: 'abcdefgh', confirmPassword: 'abcdefgh' },
        'password',
        '密码至少8位，且包含大写字母、小写字母、数字、符号中的至少三种',
      ],
      [{ confirmPassword: 'Other-Pass-1' }, 'confirmPassword', '两次输入的密码不一致'],
      [{ orgCode: '12345' }, 'orgCode', '统一社会信用代码为18位，组织机构代码为9位'],
      [{ orgCode: '' }, 'orgCode', '此项为必填项'],
      [{ orgNameZh: '  ' }, 'orgNameZh', '此项为必填项'],
      [{ divisionCode: '31011' }, 'divisionCode', '请选择所在地区'],
      [{ orgAddress: '' }, 'orgAddress', '此项为必填项'],
      [{ orgPostcode: '20012' }, 'orgPostcode', '邮编为6位数字'],
      [{ contactName: '' }, 'contactName', '此项为必填项'],
      [{ mobile: '12800138000' }, 'mobile', '请输入11位中国大陆手机号码'],
      [{ email: 'not-an-email' }, 'email', '请输入有效的电子邮箱地址'],
      [{ phone: 'call me' }, 'phone', '电话号码只能包含数字、+、-、括号和空格'],
    ];
    for (const [override, path, message] of cases) {
      const res = await register(t, registrationBody(2, override));
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      const body = res.json();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.fields, path).toContainEqual({ path, message });
    }
    // In English when the browser asks for it.
    const c = freshClient(t);
    c.lang = 'en-US';
    await c.refreshSession();
    const en = await c.post('/api/auth/register', registrationBody(2, { orgPostcode: 'abc' }));
    expect(en.json().fields).toContainEqual({ path: 'orgPostcode', message: 'A postcode has 6 digits' });
    // Nothing was created by any of them.
    const users = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username_key', '=', 'user2')
      .execute();
    expect(users).toHaveLength(0);
  });

  it('refuses a credit code with a wrong check character, and an unknown division', async () => {
    const good = orgCode18(3);
    const wrongCheck = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const res = await register(t, registrationBody(3, { orgCode: wrongCheck }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toContainEqual({ path: 'orgCode', message: '代码校验位不正确，请核对' });

    const badNine = orgCode9(3).slice(0, 8) + (orgCode9(3)[8] === '1' ? '2' : '1');
    const res9 = await register(t, registrationBody(3, { orgCode: badNine }));
    expect(res9.json().fields).toContainEqual({ path: 'orgCode', message: '代码校验位不正确，请核对' });

    const noDivision = await register(t, registrationBody(3, { divisionCode: '999999' }));
    expect(noDivision.statusCode).toBe(400);
    expect(noDivision.json().fields).toContainEqual({ path: 'divisionCode', message: '请选择所在地区' });
  });

  it('accepts codes written with hyphens, spaces and lower case, stored normalised', async () => {
    const code = orgCode18(4);
    const messy = `${code.slice(0, 8).toLowerCase()} ${code.slice(8, 16)}-${code.slice(16)}`;
    await registerOk(t, registrationBody(4, { orgCode: messy }));
    const org = await t.database.db
      .selectFrom('organisations')
      .select('code')
      .where('code', '=', code)
      .executeTakeFirst();
    expect(org?.code).toBe(code);
  });

  it('refuses a duplicate user name, also in another case, with 409 on the username field', async () => {
    await registerOk(t, registrationBody(5));
    for (const username of ['user5', 'USER5', 'User5']) {
      const res = await register(t, registrationBody(6, { username }));
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'USERNAME_TAKEN',
        fields: [{ path: 'username', message: '该用户名已被注册' }],
      });
    }
    // The refused registrations created no organisation either.
    const org = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', orgCode18(6))
      .execute();
    expect(org).toHaveLength(0);
  });

  it('gives one 409 when two registrations race for one user name', async () => {
    const [a, b] = await Promise.all([
      register(t, registrationBody(7, { username: 'racer' })),
      register(t, registrationBody(8, { username: 'RACER' })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().fields).toEqual([{ path: 'username', message: '该用户名已被注册' }]);
    const rows = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username_key', '=', 'racer')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('makes one organisation of two first registrations of one code at the same moment', async () => {
    const [a, b] = await Promise.all([
      registerOk(t, registrationBody(9, { username: 'first-a' })),
      registerOk(t, registrationBody(9, { username: 'first-b', orgNameZh: '另一个名称' })),
    ]);
    expect([a.status, b.status].sort()).toEqual(['active', 'pending']);
    const orgs = await t.database.db
      .selectFrom('organisations')
      .select('name_zh')
      .where('code', '=', orgCode18(9))
      .execute();
    expect(orgs).toHaveLength(1);
    expect([a.orgNameZh, b.orgNameZh]).toEqual([orgs[0]!.name_zh, orgs[0]!.name_zh]);
  });

  it('looks up a code, treating the 9-character code inside an 18-character one as the same organisation', async () => {
    const c = freshClient(t);
    const lookup = async (code: string) =>
      (await c.get(`/api/auth/organisations/lookup?code=${code}`)).json<unknown>();
    expect(await lookup(orgCode18(1))).toEqual({ exists: true, orgNameZh: '上海测试进出口有限公司1' });
    expect(await lookup(orgCode9(1))).toEqual({ exists: true, orgNameZh: '上海测试进出口有限公司1' });
    expect(await lookup(orgCode18(99))).toEqual({ exists: false });
    expect(await lookup(orgCode9(99))).toEqual({ exists: false });
    const bad = await c.get('/api/auth/organisations/lookup?code=123');
    expect(bad.statusCode).toBe(400);

    // A registered 9-character code: the 18-character code that embeds it names the same organisation.
    await registerOk(t, registrationBody(20, { orgCode: orgCode9(20) }));
    expect(await lookup(orgCode18(20))).toEqual({ exists: true, orgNameZh: '上海测试进出口有限公司20' });
  });

  let pendingId = '';
  it('makes a second user of a registered organisation wait, ignoring its organisation fields', async () => {
    const before = await t.database.db
      .selectFrom('organisations')
      .selectAll()
      .where('code', '=', orgCode18(1))
      .executeTakeFirstOrThrow();
    const res = await registerOk(
      t,
      registrationBody(30, {
        orgCode: orgCode9(1),
        orgNameZh: '冒名顶替公司',
        orgNameEn: 'Impostor Ltd',
        orgAddress: '别处',
        divisionCode: '110101',
      }),
    );
    expect(res).toEqual({ status: 'pending', joinedExisting: true, orgNameZh: '上海测试进出口有限公司1' });
    const after = await t.database.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', before.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    pendingId = await userId(t, 'user30');
    const u = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', pendingId)
      .executeTakeFirstOrThrow();
    expect(u).toMatchObject({ status: 'pending', organisation_id: before.id });

    // The organisation's active user is told; the applicant gets its own mail.
    const toMember = await mailsTo(t, 'user1@example.com');
    const notice = toMember.find((m) => m.subject.includes('申请加入'));
    expect(notice?.text).toContain('user30');
    expect(notice?.text).toContain('修改企业信息');
    const toApplicant = await mailsTo(t, 'user30@example.com');
    expect(toApplicant.map((m) => m.subject).join()).toContain('等待本单位确认');
  });

  it('joins without the organisation fields when the form knew the code was registered', async () => {
    await registerOk(t, registrationBody(33));
    const body = registrationBody(34, { orgCode: orgCode18(33), joinExisting: true });
    for (const f of ['orgNameZh', 'orgNameEn', 'divisionCode', 'orgAddress', 'orgPostcode', 'orgRemark'])
      delete body[f];
    expect(await registerOk(t, body)).toEqual({
      status: 'pending',
      joinedExisting: true,
      orgNameZh: '上海测试进出口有限公司33',
    });
  });

  it('names every missing organisation field when the code is not registered after all', async () => {
    const body = registrationBody(35, { joinExisting: true });
    for (const f of ['orgNameZh', 'divisionCode', 'orgAddress', 'orgPostcode']) delete body[f];
    const res = await register(t, body);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['divisionCode', 'orgAddress', 'orgNameZh', 'orgPostcode']);
    const users = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username_key', '=', 'user35')
      .execute();
    expect(users).toHaveLength(0);
  });

  it('lets the pending user log in but shows it nothing of the organisation', async () => {
    const c = await loginOk(t, 'user30');
    const session = (await c.get('/api/auth/session')).json();
    expect(session.user).toMatchObject({ username: 'user30', status: 'pending', organisationId: null });
    for (const url of ['/api/me/profile', '/api/organisation/members']) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('ACCOUNT_PENDING');
    }
    const decide = await c.post(`/api/organisation/members/${pendingId}/decision`, { decision: 'approve' });
    expect(decide.statusCode).toBe(403);
    const save = await c.put('/api/me/profile', { ...registrationBody(30), orgNameZh: '改名' });
    expect(save.statusCode).toBe(403);
    const org = await t.database.db
      .selectFrom('organisations')
      .select('name_zh')
      .where('code', '=', orgCode18(1))
      .executeTakeFirstOrThrow();
    expect(org.name_zh).toBe('上海测试进出口有限公司1');
  });

  it('lets an active member see and approve the applicant, who is then told and sees the organisation', async () => {
    const member = await loginOk(t, 'user1');
    const list = (await member.get('/api/organisation/members')).json();
    expect(list.items.map((m: { username: string; status: string }) => [m.username, m.status])).toEqual([
      ['user30', 'pending'],
      ['user1', 'active'],
    ]);
    const res = await member.post(`/api/organisation/members/${pendingId}/decision`, { decision: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: pendingId, status: 'active' });

    const audit = await auditRows(t, 'MEMBERSHIP_APPROVED');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_id: pendingId, actor_username: 'user1' });
    const mails = await mailsTo(t, 'user30@example.com');
    expect(mails.some((m) => m.subject.includes('已通过'))).toBe(true);

    // Deciding twice is refused: the applicant is no longer pending.
    const again = await member.post(`/api/organisation/members/${pendingId}/decision`, {
      decision: 'reject',
    });
    expect(again.statusCode).toBe(409);

    const applicant = await loginOk(t, 'user30');
    const profile = await applicant.get('/api/me/profile');
    expect(profile.statusCode).toBe(200);
    expect(profile.json().orgNameZh).toBe('上海测试进出口有限公司1');
  });

  it('lets the administrator list and approve applicants', async () => {
    await registerOk(t, registrationBody(31, { orgCode: orgCode18(5) }));
    const id = await userId(t, 'user31');
    const admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
    const list = (await admin.get('/api/admin/pending-users')).json();
    expect(list.items).toContainEqual(
      expect.objectContaining({
        id,
        username: 'user31',
        orgCode: orgCode18(5),
        orgNameZh: '上海测试进出口有限公司5',
      }),
    );
    const res = await admin.post(`/api/admin/pending-users/${id}/decision`, { decision: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('active');
    const audit = (await auditRows(t, 'MEMBERSHIP_APPROVED')).find((a) => a.entity_id === id);
    expect(audit).toMatchObject({ actor_role: 'admin' });
    const after = (await admin.get('/api/admin/pending-users')).json();
    expect(after.items.map((u: { id: string }) => u.id)).not.toContain(id);

    // Enterprise users cannot use the administrator's list.
    const member = await loginOk(t, 'user5');
    expect((await member.get('/api/admin/pending-users')).statusCode).toBe(403);
  });

  it('rejects an applicant: told by e-mail, and it cannot log in', async () => {
    await registerOk(t, registrationBody(32, { orgCode: orgCode18(5) }));
    const id = await userId(t, 'user32');
    const member = await loginOk(t, 'user5');
    const res = await member.post(`/api/organisation/members/${id}/decision`, { decision: 'reject' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('rejected');
    expect((await auditRows(t, 'MEMBERSHIP_REJECTED')).map((a) => a.entity_id)).toContain(id);
    const mails = await mailsTo(t, 'user32@example.com');
    expect(mails.some((m) => m.subject.includes('未通过'))).toBe(true);

    const { res: loginRes } = await login(t, 'user32');
    expect(loginRes.statusCode).toBe(403);
    expect(loginRes.json().code).toBe('ACCOUNT_DISABLED');
    // The member list still shows the rejected applicant.
    const list = (await member.get('/api/organisation/members')).json();
    expect(list.items).toContainEqual(expect.objectContaining({ id, status: 'rejected' }));
  });

  it('limits registrations to 10 an hour from one address', async () => {
    const c = freshClient(t);
    await c.refreshSession();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await c.post('/api/auth/register', registrationBody(100 + i));
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((s) => s === 200)).toBe(true);
    const last = await c.post('/api/auth/register', registrationBody(120));
    expect(last.statusCode).toBe(429);
    expect(last.json().code).toBe('RATE_LIMITED');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(codes[10]).toBe(429);
  });
});
