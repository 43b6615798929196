import type { ServiceLevel } from '@ccc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../../src/modules/reference/reference-loader';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import {
  auditRows,
  freshClient,
  loginOk,
  PASSWORD,
  registerOk,
  registrationBody,
} from '../../helpers/identity';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { OFFICER_PW, officerBody, SH } from '../officers/factories';

describe(`administration of the service levels ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const bureaus = () =>
    t.database.db
      .selectFrom('bureaus')
      .select(['code', 'accept_days', 'decide_days', 'modified_by_admin', 'updated_at'])
      .orderBy('code')
      .execute();
  const list = async () => {
    const res = await admin.get('/api/admin/service-levels');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: ServiceLevel[] }>().items;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginOk(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => t.close());

  it("lists every enabled bureau's limits, 2 and 5 working days by default", async () => {
    const items = await list();
    const enabled = await t.database.db
      .selectFrom('bureaus')
      .select('code')
      .where('enabled', '=', 1)
      .execute();
    expect(items.map((i) => i.bureauCode)).toEqual(enabled.map((b) => b.code).sort());
    expect(items.length).toBe(32);
    expect(items.find((i) => i.bureauCode === SH)).toEqual({
      bureauCode: SH,
      bureauName: '上海市市场监督管理局',
      acceptDays: 2,
      decideDays: 5,
    });
    expect(items.every((i) => i.acceptDays === 2 && i.decideDays === 5)).toBe(true);
    // A disabled bureau is not listed.
    await t.database.db.updateTable('bureaus').set({ enabled: 0 }).where('code', '=', '440000').execute();
    expect((await list()).map((i) => i.bureauCode)).not.toContain('440000');
    await t.database.db.updateTable('bureaus').set({ enabled: 1 }).where('code', '=', '440000').execute();
  });

  it('refuses values out of range or a decision limit shorter than the acceptance one, changing nothing', async () => {
    const before = await bureaus();
    // A message of null: zod's own (not a whole number), only the field is checked.
    const cases: [Record<string, unknown>, string, string | null][] = [
      [{ acceptDays: 0, decideDays: 5 }, 'acceptDays', '请输入 1 至 60 之间的工作日数'],
      [{ acceptDays: 2, decideDays: 61 }, 'decideDays', '请输入 1 至 60 之间的工作日数'],
      [{ acceptDays: 2.5, decideDays: 5 }, 'acceptDays', null],
      [{ acceptDays: 6, decideDays: 5 }, 'decideDays', '办结时限不能短于受理时限'],
    ];
    for (const [body, path, message] of cases) {
      const res = await admin.put(`/api/admin/service-levels/${SH}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields, JSON.stringify(body)).toEqual([{ path, message: expect.any(String) }]);
      if (message) expect(res.json().fields[0].message).toBe(message);
    }
    expect(await bureaus()).toEqual(before);
    expect(await auditRows(t, 'SERVICE_LEVEL_CHANGED')).toEqual([]);
  });

  it('answers an unknown bureau with 404', async () => {
    const res = await admin.put('/api/admin/service-levels/999999', { acceptDays: 3, decideDays: 7 });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it("sets a bureau's limits, audited, kept over a reference-data reload", async () => {
    t.clock.advance(60_000);
    const res = await admin.put(`/api/admin/service-levels/${SH}`, { acceptDays: 3, decideDays: 7 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      bureauCode: SH,
      bureauName: '上海市市场监督管理局',
      acceptDays: 3,
      decideDays: 7,
    });
    expect((await list()).find((i) => i.bureauCode === SH)).toMatchObject({ acceptDays: 3, decideDays: 7 });
    const others = (await list()).filter((i) => i.bureauCode !== SH);
    expect(others.every((i) => i.acceptDays === 2 && i.decideDays === 5)).toBe(true);
    // The public bureau list carries the same limits.
    const pub = await freshClient(t).get('/api/reference/bureaus');
    expect(pub.json().items.find((b: { code: string }) => b.code === SH)).toMatchObject({
      acceptDays: 3,
      decideDays: 7,
    });

    const [audit] = await auditRows(t, 'SERVICE_LEVEL_CHANGED');
    expect(audit).toMatchObject({
      entity_type: 'bureau',
      entity_id: SH,
      bureau_code: SH,
      actor_role: 'admin',
    });
    expect(JSON.parse(audit!.before_json!)).toEqual({ acceptDays: 2, decideDays: 5 });
    expect(JSON.parse(audit!.after_json!)).toEqual({ acceptDays: 3, decideDays: 7 });

    const row = (await bureaus()).find((b) => b.code === SH)!;
    expect(row).toMatchObject({ modified_by_admin: 1, updated_at: t.clock.now().toISOString() });
    // A reload comparing every row with the shipped files leaves the administrator's row alone.
    await loadReferenceData({ db: t.database.db, clock: t.clock }, { force: true });
    expect((await bureaus()).find((b) => b.code === SH)).toMatchObject({ accept_days: 3, decide_days: 7 });
  });

  it('is for administrators only: an officer cannot change service levels', async () => {
    expect((await admin.post('/api/admin/officers', officerBody(1))).statusCode).toBe(201);
    await registerOk(t, registrationBody(1));
    const anonymous = freshClient(t);
    await anonymous.refreshSession();
    const clients: [TestClient, number][] = [
      [anonymous, 401],
      [await loginOk(t, 'officer1', OFFICER_PW), 403],
      [await loginOk(t, 'user1', PASSWORD), 403],
    ];
    const before = await bureaus();
    for (const [c, status] of clients) {
      expect((await c.get('/api/admin/service-levels')).statusCode).toBe(status);
      const put = await c.put(`/api/admin/service-levels/${SH}`, { acceptDays: 10, decideDays: 20 });
      expect(put.statusCode).toBe(status);
      expect(put.json().code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
    expect(await bureaus()).toEqual(before);
    expect((await auditRows(t, 'SERVICE_LEVEL_CHANGED')).length).toBe(1);
  });
});
