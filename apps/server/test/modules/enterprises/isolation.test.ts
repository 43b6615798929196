import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows, loginOk, orgCode18, registerOk, registrationBody, userId } from '../../helpers/identity';

/** One organisation's user can neither read nor decide anything of another's. */
describe(`organisation isolation ${describeDb}`, () => {
  let t: TestApp;
  let applicantB = '';
  let memberB = '';
  beforeAll(async () => {
    t = await buildTestApp();
    await registerOk(t, registrationBody(1)); // organisation A: user1
    await registerOk(t, registrationBody(2)); // organisation B: user2
    await registerOk(t, registrationBody(3, { orgCode: orgCode18(2) })); // user3 applies to join B
    applicantB = await userId(t, 'user3');
    memberB = await userId(t, 'user2');
  });
  afterAll(async () => t.close());

  it('does not list another organisation’s users or applicants', async () => {
    const a = await loginOk(t, 'user1');
    const list = (await a.get('/api/organisation/members')).json();
    expect(list.items.map((m: { username: string }) => m.username)).toEqual(['user1']);
    const profile = (await a.get('/api/me/profile')).json();
    expect(profile.orgCode).toBe(orgCode18(1));
  });

  it('answers a decision on another organisation’s applicant with 404 and an audit row, changing nothing', async () => {
    const a = await loginOk(t, 'user1');
    for (const id of [applicantB, memberB]) {
      const res = await a.post(`/api/organisation/members/${id}/decision`, { decision: 'approve' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '未找到该记录' });
    }
    const unknown = await a.post('/api/organisation/members/no-such-user/decision', { decision: 'reject' });
    expect(unknown.statusCode).toBe(404);

    const denied = await auditRows(t, 'ACCESS_DENIED');
    expect(denied.map((r) => r.entity_id)).toEqual([applicantB, memberB, 'no-such-user']);
    expect(denied[0]).toMatchObject({ actor_username: 'user1', entity_type: 'user' });
    const status = await t.database.db
      .selectFrom('users')
      .select('status')
      .where('id', '=', applicantB)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('pending');
    expect(await auditRows(t, 'MEMBERSHIP_APPROVED')).toHaveLength(0);
  });

  it('keeps the administrator’s pending list for administrators', async () => {
    const a = await loginOk(t, 'user1');
    expect((await a.get('/api/admin/pending-users')).statusCode).toBe(403);
    const res = await a.post(`/api/admin/pending-users/${applicantB}/decision`, { decision: 'approve' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('lets organisation B decide its own applicant', async () => {
    const b = await loginOk(t, 'user2');
    const res = await b.post(`/api/organisation/members/${applicantB}/decision`, { decision: 'approve' });
    expect(res.statusCode).toBe(200);
  });
});
