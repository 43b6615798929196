import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_COUNTER, MAX_SERIAL, parseApplicationNumber, type ApplicationDetail } from '@ccc/domain';
import { countersRepository } from '../../../src/modules/counters/counters.repository';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows, loginOk } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import { applicationBody, createOk, enterprise } from './helpers';

/**
 * 申请编号 (DOMAIN "Numbers"): 'A' + bureau + clause + YYMM of the first save (China time) + a national
 * serial of the year, unique and gap-free under concurrency on both databases, never reused, never wrapped.
 */

const serialsOf = (apps: { number: string }[]) => apps.map((a) => parseApplicationNumber(a.number)!.serial);
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe(`application numbers ${describeDb}`, () => {
  let t: TestApp;
  let c: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    c = await enterprise(t, 1);
  });
  afterAll(async () => t.close());

  /** Moves the clock (sessions end when it jumps months) and logs user1 in again. */
  async function at(when: string) {
    t.clock.set(when);
    c = await loginOk(t, 'user1');
  }

  it('has the structure of DOMAIN.md, with YYMM of the first save in China time', async () => {
    await at('2026-03-31T16:30:00Z'); // 2026-04-01 00:30 in China
    const a = await createOk(c, { clauseCode: '03' });
    expect(a.number).toHaveLength(19);
    expect(parseApplicationNumber(a.number)).toEqual({
      bureauCode: '310000',
      clauseCode: '03',
      yymm: '2604',
      serial: 1,
    });
    // a later save in another month keeps the number
    await at('2026-05-10T02:00:00Z');
    const res = await c.put(`/api/applications/${a.id}`, applicationBody({ contractNo: 'HT-1' }));
    expect(res.json<ApplicationDetail>().number).toBe(a.number);
  });

  it('gives 20 concurrent first saves distinct, consecutive serials', async () => {
    await at('2026-06-01T02:00:00Z');
    const before = await countersRepository.current(t.database.db, APPLICATION_COUNTER, '2026');
    const clients = [
      c,
      await enterprise(t, 2),
      await enterprise(t, 3),
      await enterprise(t, 4),
      await enterprise(t, 5),
    ];
    const results = await Promise.all(
      range(0, 20).map((i) => clients[i % clients.length]!.post('/api/applications', applicationBody())),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const serials = serialsOf(results.map((r) => r.json<ApplicationDetail>()));
    expect(new Set(serials).size).toBe(20);
    expect(sorted(serials)).toEqual(range(before + 1, 20));
    expect(await countersRepository.current(t.database.db, APPLICATION_COUNTER, '2026')).toBe(before + 20);
  });

  it('restarts the serial in a new year (China time) and keeps the old year’s counter', async () => {
    await at('2027-12-31T15:59:00Z'); // 23:59 on 31 December in China
    const last = await createOk(c);
    expect(parseApplicationNumber(last.number)).toMatchObject({ yymm: '2712', serial: 1 });
    const second = await createOk(c);
    expect(parseApplicationNumber(second.number)!.serial).toBe(2);
    await at('2027-12-31T16:00:00Z'); // 00:00 on 1 January 2028 in China
    const first = await createOk(c);
    expect(parseApplicationNumber(first.number)).toMatchObject({ yymm: '2801', serial: 1 });
    expect(await countersRepository.current(t.database.db, APPLICATION_COUNTER, '2027')).toBe(2);
  });

  it('never reuses the number of a deleted draft', async () => {
    await at('2029-02-01T02:00:00Z');
    const a = await createOk(c);
    expect((await c.delete(`/api/applications/${a.id}`)).statusCode).toBe(200);
    const b = await createOk(c);
    expect(parseApplicationNumber(a.number)!.serial).toBe(1);
    expect(parseApplicationNumber(b.number)!.serial).toBe(2);
    const deleted = (await auditRows(t, 'APPLICATION_DELETED')).find((r) => r.entity_id === a.id)!;
    expect(JSON.parse(deleted.before_json!)).toMatchObject({ number: a.number });
  });

  it('says clearly when a year’s serials are used up, and never wraps', async () => {
    await at('2030-05-01T02:00:00Z');
    await countersRepository.set(t.database.db, APPLICATION_COUNTER, '2030', MAX_SERIAL - 1);
    const last = await createOk(c);
    expect(parseApplicationNumber(last.number)!.serial).toBe(MAX_SERIAL);
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('applications')
            .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await c.post('/api/applications', applicationBody());
    expect(res.statusCode).toBe(503);
    expect(res.json<{ code: string; message: string }>()).toMatchObject({
      code: 'SERIAL_EXHAUSTED',
      message: '本年度申请编号已用尽，无法再分配，请联系系统管理员',
    });
    expect(await count()).toBe(before);
    expect(await countersRepository.current(t.database.db, APPLICATION_COUNTER, '2030')).toBe(MAX_SERIAL);
  });
});
