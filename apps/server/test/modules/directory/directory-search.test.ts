import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminOrganisationDetail, AdminOrganisationList, AdminUserList } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { loginOk, orgCode18, orgCode9, registerOk, registrationBody } from '../../helpers/identity';
import { officer, submittedApplication } from '../../helpers/review';
import { createOk } from '../applications/helpers';

describe(`单位与用户: search and read views ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let ent1: TestClient;
  let submittedNumber: string;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
    // Organisation 1 with a submitted application and, later, two drafts (newest first in its list).
    const s = await submittedApplication(t, 1);
    ent1 = s.ent;
    submittedNumber = s.app.number;
    t.clock.advance(60_000);
    await createOk(ent1);
    t.clock.advance(60_000);
    await createOk(ent1);
    // Organisations 2 and 3; organisation 2 with a second user waiting to join.
    t.clock.advance(60_000);
    await registerOk(t, registrationBody(2));
    t.clock.advance(60_000);
    await registerOk(t, registrationBody(3, { orgNameEn: 'Pudong Trading Ltd' }));
    t.clock.advance(60_000);
    await registerOk(
      t,
      registrationBody(2, { username: 'joiner2', email: 'Joiner.Two@Example.org', contactName: '李四' }),
    );
    await officer(t, 7);
  });
  afterAll(async () => t.close());

  const orgs = async (query: string) => {
    const res = await admin.get(`/api/admin/organisations?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AdminOrganisationList>();
  };
  const names = async (q: string) =>
    (await orgs(`q=${encodeURIComponent(q)}`)).items.map((o) => o.nameZh).sort();
  const orgId = async (n: number) =>
    (
      await t.database.db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', orgCode18(n))
        .executeTakeFirstOrThrow()
    ).id;

  it('lists organisations newest first with their division, user and application counts', async () => {
    const list = await orgs('pageSize=2');
    expect(list.total).toBe(3);
    expect(list.items.map((o) => o.code)).toEqual([orgCode18(3), orgCode18(2)]);
    expect(list.items[1]).toMatchObject({
      nameZh: '上海测试进出口有限公司2',
      nameEn: 'Shanghai Test Import Co. 2',
      divisionCode: '310115',
      userCount: 2,
      applicationCount: 0,
    });
    expect(list.items[1]!.divisionName).toContain('浦东新区');
    const page2 = await orgs('pageSize=2&page=2');
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]).toMatchObject({ code: orgCode18(1), userCount: 1, applicationCount: 3 });
  });

  it('searches by 统一社会信用代码 and 组织机构代码 as a prefix', async () => {
    expect(await names(orgCode18(2))).toEqual(['上海测试进出口有限公司2']);
    expect(await names(orgCode18(3).slice(0, 16))).toEqual(['上海测试进出口有限公司3']);
    // The 9-character organisation code embedded in the credit code, in lower case too.
    expect(await names(orgCode9(1).toLowerCase())).toEqual(['上海测试进出口有限公司1']);
    expect((await names('91310115')).length).toBe(3);
    expect(await names('91310116')).toEqual([]);
  });

  it('searches by part of the name, Chinese or English, whatever the case', async () => {
    expect(await names('进出口有限公司3')).toEqual(['上海测试进出口有限公司3']);
    expect(await names('pudong TRADING')).toEqual(['上海测试进出口有限公司3']);
    expect((await names('测试进出口')).length).toBe(3);
    // LIKE wildcards typed by the administrator are plain characters.
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
  });

  it('searches by a member’s user name or e-mail, pending members included', async () => {
    expect(await names('USER3')).toEqual(['上海测试进出口有限公司3']);
    expect(await names('user1@example.com')).toEqual(['上海测试进出口有限公司1']);
    expect(await names('joiner.two@example')).toEqual(['上海测试进出口有限公司2']);
    // An officer belongs to no organisation.
    expect(await names('officer7')).toEqual([]);
  });

  it('shows an organisation with its users, their status, lock and last login', async () => {
    const res = await admin.get(`/api/admin/organisations/${await orgId(2)}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<AdminOrganisationDetail>();
    expect(d).toMatchObject({
      code: orgCode18(2),
      orgCode9: orgCode9(2),
      nameZh: '上海测试进出口有限公司2',
      address: '上海市浦东新区世纪大道100号',
      postcode: '200120',
      userCount: 2,
      applicationCount: 0,
    });
    expect(d.users.map((u) => [u.username, u.status, u.role])).toEqual([
      ['user2', 'active', 'enterprise'],
      ['joiner2', 'pending', 'enterprise'],
    ]);
    expect(d.users[1]).toMatchObject({
      contactName: '李四',
      email: 'Joiner.Two@Example.org',
      mobile: '13800138000',
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: null,
      lastLoginIp: null,
    });

    const c = await loginOk(t, 'user2');
    const after = (
      await admin.get(`/api/admin/organisations/${await orgId(2)}`)
    ).json<AdminOrganisationDetail>();
    expect(after.users[0]!.lastLoginIp).toBe(c.ip);
    expect(after.users[0]!.lastLoginAt).toBe(t.clock.now().toISOString());

    expect((await admin.get('/api/admin/organisations/nope')).statusCode).toBe(404);
  });

  it('pages an organisation’s applications newest first, with number, state, clause, bureau', async () => {
    const id = await orgId(1);
    const res = await admin.get(`/api/admin/organisations/${id}/applications?pageSize=2`);
    expect(res.statusCode, res.body).toBe(200);
    const page1 = res.json<{ items: Record<string, unknown>[]; total: number }>();
    expect(page1.total).toBe(3);
    expect(page1.items.map((a) => a.status)).toEqual(['draft', 'draft']);
    const page2 = (await admin.get(`/api/admin/organisations/${id}/applications?pageSize=2&page=2`)).json<{
      items: Record<string, unknown>[];
    }>();
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]).toMatchObject({
      number: submittedNumber,
      status: 'submitted',
      clauseCode: '03',
      bureauCode: '310000',
      bureauName: '上海市市场监督管理局',
      certificateNumber: null,
    });
    expect(page2.items[0]!.clauseName).toEqual(expect.any(String));
    expect(page2.items[0]!.clauseName).not.toBe('03');
    expect(page2.items[0]!.submittedAt).toEqual(expect.any(String));
    expect((await admin.get('/api/admin/organisations/nope/applications')).statusCode).toBe(404);
  });

  it('lists users of every role, searched by name, e-mail, contact, organisation; filtered by role and status', async () => {
    const users = async (query: string) => {
      const res = await admin.get(`/api/admin/users?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<AdminUserList>();
    };
    const usernames = async (query: string) => (await users(query)).items.map((u) => u.username).sort();

    const all = await users('pageSize=100');
    expect(all.items.map((u) => u.username).sort()).toEqual(
      ['admin', 'joiner2', 'officer7', 'user1', 'user2', 'user3'].sort(),
    );
    expect(all.total).toBe(6);
    expect(await usernames('role=officer')).toEqual(['officer7']);
    expect((await users('role=officer')).items[0]).toMatchObject({
      bureauCode: '310000',
      bureauName: '上海市市场监督管理局',
      organisationId: null,
    });
    expect(await usernames('role=admin')).toEqual(['admin']);
    expect(await usernames('status=pending')).toEqual(['joiner2']);
    expect(await usernames('q=USER2')).toEqual(['user2']);
    expect(await usernames(`q=${encodeURIComponent('joiner.two@')}`)).toEqual(['joiner2']);
    expect(await usernames(`q=${encodeURIComponent('李四')}`)).toEqual(['joiner2']);
    expect(await usernames(`q=${encodeURIComponent('进出口有限公司2')}`)).toEqual(['joiner2', 'user2']);
    expect(await usernames(`q=${orgCode18(3)}`)).toEqual(['user3']);
    expect(await usernames(`q=user&role=enterprise&status=active`)).toEqual(['user1', 'user2', 'user3']);
    const u1 = (await users('q=user1')).items[0]!;
    expect(u1).toMatchObject({
      orgCode: orgCode18(1),
      orgNameZh: '上海测试进出口有限公司1',
      role: 'enterprise',
    });
    expect(u1.lastLoginAt).toEqual(expect.any(String));

    expect((await admin.get('/api/admin/users?role=boss')).statusCode).toBe(400);
    expect((await admin.get('/api/admin/users?pageSize=1000')).statusCode).toBe(400);
  });
});
