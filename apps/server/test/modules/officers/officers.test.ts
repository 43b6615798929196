import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/lib/clock';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { auditRows, freshClient, login, loginOk, mailsTo, userId } from '../../helpers/identity';
import { GD, OFFICER_PW, officerBody, SH } from './factories';

describe(`officer accounts ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let bureauName: (code: string) => Promise<string>;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
    bureauName = async (code) =>
      (
        await t.database.db
          .selectFrom('bureaus')
          .select('name')
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).name;
  });
  afterAll(async () => t.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/admin/officers', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; username: string; bureauCode: string; status: string }>();
  };

  it('creates an active officer of one bureau, mails them without the password, and audits it', async () => {
    const o = await create(officerBody(1));
    expect(o).toMatchObject({
      username: 'officer1',
      contactName: '李审核1',
      email: 'officer1@samr.example.cn',
      bureauCode: SH,
      bureauName: await bureauName(SH),
      status: 'active',
      lastLoginAt: null,
      createdAt: t.clock.now().toISOString(),
    });
    const row = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'officer', status: 'active', organisation_id: null, bureau_code: SH });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);

    const mails = await mailsTo(t, 'officer1@samr.example.cn');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('审核人员账号已开通');
    expect(mails[0]!.text).toContain('officer1');
    expect(mails[0]!.text).toContain(await bureauName(SH));
    expect(mails[0]!.text).not.toContain(OFFICER_PW);

    const [audit] = await auditRows(t, 'OFFICER_CREATED');
    expect(audit).toMatchObject({ entity_id: o.id, actor_role: 'admin', bureau_code: SH });
    expect(audit!.after_json).toContain('"username":"officer1"');
    expect(audit!.after_json).not.toMatch(/password|argon2/i);
  });

  it('lets the new officer log in and see only the workspace of its own bureau', async () => {
    t.clock.advance(MINUTE);
    await create(officerBody(2, { bureauCode: GD, email: 'officer2@gd.example.cn' }));
    const sh = await loginOk(t, 'officer1', OFFICER_PW);
    const session = (await sh.get('/api/auth/session')).json();
    expect(session.user).toMatchObject({ role: 'officer', bureauCode: SH, organisationId: null });

    const ws = await sh.get('/api/bureau/workspace');
    expect(ws.statusCode, ws.body).toBe(200);
    const body = ws.json();
    expect(body).toMatchObject({
      code: SH,
      name: await bureauName(SH),
      level: 'province',
      acceptDays: 2,
      decideDays: 5,
    });
    expect(body.divisions.map((d: { code: string }) => d.code)).toContain(SH);
    expect(body.divisions.find((d: { code: string }) => d.code === SH)).toMatchObject({ name: '上海市' });
    expect(body.officers).toEqual([
      { id: expect.any(String), username: 'officer1', contactName: '李审核1', status: 'active' },
    ]);

    const gd = await loginOk(t, 'officer2', OFFICER_PW);
    const gdWs = (await gd.get('/api/bureau/workspace')).json();
    expect(gdWs.code).toBe(GD);
    expect(gdWs.officers.map((x: { username: string }) => x.username)).toEqual(['officer2']);
    expect(JSON.stringify(gdWs)).not.toContain('officer1');

    // The administration's pages are not theirs.
    expect((await sh.get('/api/admin/officers')).statusCode).toBe(403);
  });

  it('refuses a taken user name whatever its case, including the administrator’s', async () => {
    for (const username of ['OFFICER1', 'Officer1', TEST_ADMIN.username.toUpperCase()]) {
      const res = await admin.post('/api/admin/officers', officerBody(3, { username }));
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'USERNAME_TAKEN',
        fields: [{ path: 'username', message: '该用户名已被注册' }],
      });
    }
  });

  it('refuses an unknown or disabled bureau on the bureauCode field', async () => {
    const unknown = await admin.post('/api/admin/officers', officerBody(4, { bureauCode: '999999' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'bureauCode', message: '该市场监督管理局不存在或已停用' }],
    });

    // Disabling a bureau is the reference module's business; the test sets the state directly.
    await t.database.db.updateTable('bureaus').set({ enabled: 0 }).where('code', '=', '120000').execute();
    const disabled = await admin.post('/api/admin/officers', officerBody(4, { bureauCode: '120000' }));
    expect(disabled.statusCode).toBe(400);
    expect(disabled.json().fields[0].path).toBe('bureauCode');

    const badFormat = await admin.post('/api/admin/officers', officerBody(4, { bureauCode: '12' }));
    expect(badFormat.statusCode).toBe(400);
    const weak = await admin.post('/api/admin/officers', officerBody(4, { password: 'password' }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0].path).toBe('password');

    const count = await t.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('username_key', '=', 'officer4')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('lists officers newest first, searches and filters, with the last login', async () => {
    t.clock.advance(MINUTE);
    await create(officerBody(5, { contactName: '王五', email: 'wang.wu@sh.example.cn' }));
    t.clock.advance(MINUTE);
    await create(officerBody(6, { bureauCode: GD, email: 'o6@gd.example.cn' }));

    const all = (await admin.get('/api/admin/officers')).json();
    expect(all.items.map((o: { username: string }) => o.username)).toEqual([
      'officer6',
      'officer5',
      'officer2',
      'officer1',
    ]);
    expect(all.total).toBe(4);
    // officer1 logged in above; officer5 never did.
    expect(all.items.find((o: { username: string }) => o.username === 'officer1').lastLoginAt).toEqual(
      expect.any(String),
    );
    expect(all.items.find((o: { username: string }) => o.username === 'officer5').lastLoginAt).toBeNull();
    expect(all.items[0]).toMatchObject({ bureauCode: GD, bureauName: await bureauName(GD) });

    const names = async (q: string): Promise<string[]> =>
      (await admin.get(`/api/admin/officers?${q}`))
        .json<{ items: { username: string }[] }>()
        .items.map((o) => o.username);
    expect(await names(`q=${encodeURIComponent('王五')}`)).toEqual(['officer5']);
    expect(await names('q=WANG.WU@')).toEqual(['officer5']);
    expect(await names('q=OFFICER2')).toEqual(['officer2']);
    expect(await names(`bureauCode=${GD}`)).toEqual(['officer6', 'officer2']);
    expect(await names('q=_')).toEqual([]);
    expect(await names('status=disabled')).toEqual([]);
    const page = (await admin.get('/api/admin/officers?page=2&pageSize=3')).json();
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items.map((o: { username: string }) => o.username)).toEqual(['officer1']);
    // Administrators and enterprise users are not officers.
    expect(JSON.stringify(all)).not.toContain(`"username":"${TEST_ADMIN.username}"`);
  });

  it('edits contact details and moves an officer to another bureau; other users are not found', async () => {
    const id = await userId(t, 'officer5');
    const res = await admin.put(`/api/admin/officers/${id}`, {
      contactName: '王五（调岗）',
      mobile: '13700001111',
      email: 'wang.wu@gd.example.cn',
      phone: '',
      bureauCode: GD,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      contactName: '王五（调岗）',
      mobile: '13700001111',
      phone: null,
      bureauCode: GD,
      bureauName: await bureauName(GD),
    });
    const [audit] = await auditRows(t, 'OFFICER_UPDATED');
    expect(JSON.parse(audit!.before_json!)).toMatchObject({ bureauCode: SH, contactName: '王五' });
    expect(JSON.parse(audit!.after_json!)).toMatchObject({ bureauCode: GD, contactName: '王五（调岗）' });

    const toDisabled = await admin.put(`/api/admin/officers/${id}`, {
      contactName: '王五',
      mobile: '13700001111',
      email: 'wang.wu@gd.example.cn',
      bureauCode: '120000',
    });
    expect(toDisabled.statusCode).toBe(400);

    const adminId = await userId(t, TEST_ADMIN.username);
    const update = { contactName: 'x', mobile: '13700001111', email: 'x@example.cn', bureauCode: SH };
    expect((await admin.put(`/api/admin/officers/${adminId}`, update)).statusCode).toBe(404);
    expect((await admin.get(`/api/admin/officers/${adminId}`)).statusCode).toBe(404);
    expect(
      (await admin.post(`/api/admin/officers/${adminId}/status`, { status: 'disabled' })).statusCode,
    ).toBe(404);
    expect(
      (await admin.post(`/api/admin/officers/${adminId}/password`, { password: 'Another#2026' })).statusCode,
    ).toBe(404);
    expect((await admin.get('/api/admin/officers/no-such-id')).statusCode).toBe(404);
    // The administrator is still active and can still log in.
    await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });

  it('disabling ends the officer’s sessions and bars login; enabling lets them back', async () => {
    const id = await userId(t, 'officer1');
    const sessionA = await loginOk(t, 'officer1', OFFICER_PW);
    const sessionB = await loginOk(t, 'officer1', OFFICER_PW);
    expect((await sessionA.get('/api/bureau/workspace')).statusCode).toBe(200);

    const res = await admin.post(`/api/admin/officers/${id}/status`, { status: 'disabled' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('disabled');
    const left = await t.database.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', id)
      .execute();
    expect(left).toEqual([]);
    for (const c of [sessionA, sessionB]) {
      expect((await c.get('/api/bureau/workspace')).statusCode).toBe(401);
    }
    const { res: refused } = await login(t, 'officer1', OFFICER_PW);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ACCOUNT_DISABLED');
    expect((await admin.get('/api/admin/officers?status=disabled')).json().items[0].username).toBe(
      'officer1',
    );

    // Disabling twice changes nothing and writes no second audit row.
    expect((await admin.post(`/api/admin/officers/${id}/status`, { status: 'disabled' })).statusCode).toBe(
      200,
    );
    expect((await auditRows(t, 'OFFICER_DISABLED')).filter((r) => r.entity_id === id)).toHaveLength(1);

    const enabled = await admin.post(`/api/admin/officers/${id}/status`, { status: 'active' });
    expect(enabled.json().status).toBe('active');
    await loginOk(t, 'officer1', OFFICER_PW);
    expect((await auditRows(t, 'OFFICER_ENABLED')).map((r) => r.entity_id)).toEqual([id]);
  });

  it('lets the administrator set a new password: sessions end, the old password stops working', async () => {
    const id = await userId(t, 'officer2');
    const before = await loginOk(t, 'officer2', OFFICER_PW);
    const NEW = 'Fresh&Pass2027';
    const res = await admin.post(`/api/admin/officers/${id}/password`, { password: NEW });
    expect(res.statusCode, res.body).toBe(200);
    expect((await before.get('/api/bureau/workspace')).statusCode).toBe(401);
    expect((await login(t, 'officer2', OFFICER_PW)).res.statusCode).toBe(401);
    await loginOk(t, 'officer2', NEW);

    const mails = await mailsTo(t, 'officer2@gd.example.cn');
    const last = mails.at(-1)!;
    expect(last.subject).toContain('密码已由管理员重新设置');
    expect(last.text).not.toContain(NEW);
    const [audit] = await auditRows(t, 'OFFICER_PASSWORD_SET');
    expect(audit).toMatchObject({ entity_id: id, bureau_code: GD });
    expect(audit!.after_json).not.toContain(NEW);

    const weak = await admin.post(`/api/admin/officers/${id}/password`, { password: 'short' });
    expect(weak.statusCode).toBe(400);
  });

  it('gives an officer’s workspace only to officers', async () => {
    expect((await admin.get('/api/bureau/workspace')).statusCode).toBe(403);
    const anonymous = freshClient(t);
    expect((await anonymous.get('/api/bureau/workspace')).statusCode).toBe(401);
  });
});
