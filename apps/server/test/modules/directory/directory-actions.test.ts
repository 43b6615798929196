import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUser } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import {
  auditRows,
  login,
  loginOk,
  mailsTo,
  registerOk,
  registrationBody,
  userId,
} from '../../helpers/identity';
import { officer } from '../../helpers/review';
import { OFFICER_PW } from '../officers/factories';

describe(`单位与用户: 停用, 启用, 解锁 ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
    for (const n of [1, 2, 3]) await registerOk(t, registrationBody(n));
    await registerOk(t, registrationBody(1, { username: 'joiner1', email: 'joiner1@example.com' }));
  });
  afterAll(async () => t.close());

  const act = (id: string, action: 'disable' | 'enable' | 'unlock') =>
    admin.post(`/api/admin/users/${id}/${action}`);
  const userRow = (id: string) =>
    t.database.db
      .selectFrom('users')
      .select(['status', 'failed_logins', 'locked_until'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const audit = async (action: string, id: string) =>
    (await auditRows(t, action))
      .filter((r) => r.entity_id === id)
      .map((r) => ({
        actor: r.actor_username,
        org: r.organisation_id,
        before: JSON.parse(r.before_json ?? 'null') as Record<string, unknown>,
        after: JSON.parse(r.after_json ?? 'null') as Record<string, unknown>,
      }));

  it('停用 ends every session at once and refuses login; 启用 lets the user back; both audited and mailed', async () => {
    const id = await userId(t, 'user1');
    const sessionA = await loginOk(t, 'user1');
    const sessionB = await loginOk(t, 'user1');
    expect((await sessionA.get('/api/applications')).statusCode).toBe(200);

    const res = await act(id, 'disable');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AdminUser>()).toMatchObject({ username: 'user1', status: 'disabled' });
    expect((await userRow(id)).status).toBe('disabled');
    const sessions = await t.database.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', id)
      .execute();
    expect(sessions).toEqual([]);
    for (const c of [sessionA, sessionB]) expect((await c.get('/api/applications')).statusCode).toBe(401);

    const { res: refused } = await login(t, 'user1');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ACCOUNT_DISABLED');

    const org = (
      await t.database.db
        .selectFrom('users')
        .select('organisation_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).organisation_id;
    expect(await audit('USER_DISABLED', id)).toEqual([
      {
        actor: TEST_ADMIN.username,
        org,
        before: {
          username: 'user1',
          role: 'enterprise',
          status: 'active',
          failedLogins: 0,
          lockedUntil: null,
        },
        after: { status: 'disabled', failedLogins: 0, lockedUntil: null, signedOut: 2 },
      },
    ]);
    const disabledMails = (await mailsTo(t, 'user1@example.com')).filter((m) =>
      m.subject.includes('您的账号已被停用'),
    );
    expect(disabledMails).toHaveLength(1);
    const disabledMail = disabledMails[0]!;
    expect(disabledMail.subject).toContain('Your account has been disabled');
    expect(disabledMail.text).toContain('用户名：user1');

    // Asked again: nothing changes, no second audit row.
    expect((await act(id, 'disable')).statusCode).toBe(200);
    expect(await audit('USER_DISABLED', id)).toHaveLength(1);

    const enabled = await act(id, 'enable');
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect(enabled.json<AdminUser>().status).toBe('active');
    const back = await loginOk(t, 'user1');
    expect((await back.get('/api/applications')).statusCode).toBe(200);
    expect(await audit('USER_ENABLED', id)).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ status: 'disabled' }),
        after: expect.objectContaining({ status: 'active' }),
      }),
    ]);
    const enabledMails = (await mailsTo(t, 'user1@example.com')).filter((m) =>
      m.subject.includes('您的账号已重新启用'),
    );
    expect(enabledMails.map((m) => m.text.includes('enabled your account'))).toEqual([true]);
  });

  it('解锁 after five wrong passwords lets the user log in at once; the lock shows in the lists', async () => {
    const id = await userId(t, 'user2');
    for (let i = 0; i < 4; i++) expect((await login(t, 'user2', 'Wrong#Pass1')).res.statusCode).toBe(401);
    expect((await login(t, 'user2', 'Wrong#Pass1')).res.statusCode).toBe(423);
    expect((await login(t, 'user2')).res.json().code).toBe('ACCOUNT_LOCKED');

    const listed = (await admin.get('/api/admin/users?q=user2')).json<{ items: AdminUser[] }>().items[0]!;
    const lockedUntil = (await userRow(id)).locked_until;
    expect(lockedUntil).not.toBeNull();
    expect(listed.lockedUntil).toBe(lockedUntil);

    const res = await act(id, 'unlock');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AdminUser>()).toMatchObject({ lockedUntil: null, failedLogins: 0, status: 'active' });
    expect(await userRow(id)).toEqual({ status: 'active', failed_logins: 0, locked_until: null });
    await loginOk(t, 'user2');
    expect(await audit('USER_UNLOCKED', id)).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ lockedUntil, status: 'active' }),
        after: { status: 'active', failedLogins: 0, lockedUntil: null },
      }),
    ]);
    expect(
      (await mailsTo(t, 'user2@example.com')).filter((m) => m.subject.includes('您的账号已解锁')),
    ).toHaveLength(1);

    // A count of wrong passwords short of the lock is cleared too.
    for (let i = 0; i < 2; i++) await login(t, 'user2', 'Wrong#Pass1');
    expect((await userRow(id)).failed_logins).toBe(2);
    expect((await act(id, 'unlock')).json<AdminUser>().failedLogins).toBe(0);
    expect((await userRow(id)).failed_logins).toBe(0);
    // Nothing to clear: no audit row, no mail.
    const mails = (await mailsTo(t, 'user2@example.com')).length;
    expect((await act(id, 'unlock')).statusCode).toBe(200);
    expect(await audit('USER_UNLOCKED', id)).toHaveLength(2);
    expect(await mailsTo(t, 'user2@example.com')).toHaveLength(mails);
  });

  it('refuses that an administrator disables their own account, and a pending or unknown user', async () => {
    const self = await userId(t, TEST_ADMIN.username);
    const res = await act(self, 'disable');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_TRANSITION', message: '不能停用您自己的账号' });
    expect((await userRow(self)).status).toBe('active');
    expect((await admin.get('/api/admin/users?role=admin')).statusCode).toBe(200);

    const pending = await userId(t, 'joiner1');
    const p = await act(pending, 'disable');
    expect(p.statusCode).toBe(409);
    expect(p.json().message).toContain('待确认用户');
    expect((await userRow(pending)).status).toBe('pending');
    const notDisabled = await act(await userId(t, 'user3'), 'enable');
    expect(notDisabled.statusCode).toBe(200);
    expect(notDisabled.json<AdminUser>().status).toBe('active');
    expect(await audit('USER_ENABLED', await userId(t, 'user3'))).toEqual([]);
    expect((await act(pending, 'enable')).statusCode).toBe(409);

    expect((await act('no-such-user', 'disable')).statusCode).toBe(404);
    expect((await act('no-such-user', 'unlock')).statusCode).toBe(404);
  });

  it('disables and enables an officer the same way', async () => {
    const session = await officer(t, 5);
    const id = await userId(t, 'officer5');
    expect((await session.get('/api/bureau/workspace')).statusCode).toBe(200);
    expect((await act(id, 'disable')).statusCode).toBe(200);
    expect((await session.get('/api/bureau/workspace')).statusCode).toBe(401);
    expect((await login(t, 'officer5', OFFICER_PW)).res.statusCode).toBe(403);
    const [row] = await audit('USER_DISABLED', id);
    expect(row).toMatchObject({ before: { role: 'officer' } });
    const bureau = (await auditRows(t, 'USER_DISABLED')).find((r) => r.entity_id === id)!.bureau_code;
    expect(bureau).toBe('310000');
    expect((await act(id, 'enable')).statusCode).toBe(200);
    await loginOk(t, 'officer5', OFFICER_PW);
  });
});
