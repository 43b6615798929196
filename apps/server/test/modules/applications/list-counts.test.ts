import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_LIST_MAX_ROWS, type ApplicationListResponse } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { decideOk, officer } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { completeDraft, createOk, enterprise, insertCopies, submitOk } from './helpers';

/**
 * The list's total comes from `application_counts`, which triggers keep (migration 0007). Whatever
 * changes an application (the services, a decision, a bulk load by SQL, a delete), the counters must equal
 * a GROUP BY over the table itself.
 */
describe(`application counts ${describeDb}`, () => {
  let t: TestApp;
  let c: TestClient;
  let organisationId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set('2026-03-02T02:00:00Z');
    c = await enterprise(t, 1);
    organisationId = (
      await t.database.db
        .selectFrom('users')
        .select('organisation_id')
        .where('username', '=', 'user1')
        .executeTakeFirstOrThrow()
    ).organisation_id!;
  });
  afterAll(async () => t.close());

  /** The counters, and the truth from the table, as "org status clause → n" (zero counters left out). */
  const counters = async () => {
    const kept = await t.database.db.selectFrom('application_counts').selectAll().execute();
    const truth = await t.database.db
      .selectFrom('applications')
      .select(['organisation_id', 'status', 'clause_code'])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .groupBy(['organisation_id', 'status', 'clause_code'])
      .execute();
    const asMap = (
      rows: { organisation_id: string; status: string; clause_code: string; count: unknown }[],
    ): Record<string, number> =>
      Object.fromEntries(
        rows
          .filter((r) => Number(r.count) !== 0)
          .map((r): [string, number] => [
            `${r.organisation_id} ${r.status} ${r.clause_code}`,
            Number(r.count),
          ])
          .sort(([a], [b]) => a.localeCompare(b)),
      );
    return { kept: asMap(kept), truth: asMap(truth) };
  };
  const expectCountersTrue = async () => {
    const { kept, truth } = await counters();
    expect(kept).toEqual(truth);
  };
  const list = async (query = '') => {
    const res = await c.get(`/api/applications${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ApplicationListResponse>();
  };

  it('follow every change of an application: save, submit, withdraw, delete, accept, return, approve', async () => {
    const a = await createOk(c);
    const b = await completeDraft(t, c);
    const d = await completeDraft(t, c, { clauseCode: '05' });
    await expectCountersTrue();
    expect(await list()).toMatchObject({ total: 3, matches: 3, totalCapped: false });

    await submitOk(c, b.id);
    await submitOk(c, d.id);
    expect((await c.post(`/api/applications/${d.id}/withdraw`)).statusCode).toBe(200);
    expect((await c.delete(`/api/applications/${a.id}`)).statusCode).toBe(200);
    await expectCountersTrue();
    expect(await list('?status=submitted')).toMatchObject({ total: 1, matches: 1 });
    expect(await list('?status=draft&clauseCode=05')).toMatchObject({ total: 1, matches: 1 });
    expect(await list('?status=draft&clauseCode=03')).toMatchObject({ total: 0, matches: 0 });

    const o = await officer(t, 1);
    await decideOk(o, b.id, 'accept');
    await decideOk(o, b.id, 'return', '请补充发票');
    await expectCountersTrue();
    await submitOk(c, b.id);
    await decideOk(o, b.id, 'accept');
    await decideOk(o, b.id, 'approve');
    await expectCountersTrue();
    expect(await list('?status=issued')).toMatchObject({ total: 1, matches: 1 });
  });

  it('stay exact when applications of one organisation are submitted and withdrawn at once', async () => {
    const drafts = await Promise.all([1, 2, 3, 4, 5, 6].map(() => completeDraft(t, c)));
    for (const d of drafts.slice(0, 3)) await submitOk(c, d.id);
    // three submissions and three withdrawals race: each moves two counters, in opposite directions
    const results = await Promise.all([
      ...drafts.slice(0, 3).map((d) => c.post(`/api/applications/${d.id}/withdraw`)),
      ...drafts.slice(3).map((d) => c.post(`/api/applications/${d.id}/submit`)),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    await expectCountersTrue();
  });

  it('give the exact total beyond the pages the list shows, and count text filters as before', async () => {
    const before = (await list()).matches!;
    const template = await t.database.db
      .selectFrom('applications')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .limit(1)
      .executeTakeFirstOrThrow();
    const extra = APPLICATION_LIST_MAX_ROWS + 50 - before;
    // rows straight into the table, as a bulk load by SQL would: the triggers count them too
    await insertCopies(t, template, extra, 'A3100000126049', (i) => ({
      status: i % 2 ? 'refused' : 'issued',
      certificate_number: null,
    }));
    await expectCountersTrue();

    const all = await list();
    expect(all).toMatchObject({
      total: APPLICATION_LIST_MAX_ROWS,
      totalCapped: true,
      matches: APPLICATION_LIST_MAX_ROWS + 50,
    });
    const refused = await list('?status=refused');
    expect(refused).toMatchObject({ matches: Math.floor(extra / 2), totalCapped: false });
    expect(refused.total).toBe(refused.matches);
    // a text filter is counted row by row, up to the cap, and says no exact figure
    expect(await list('?number=A3100000126049')).toMatchObject({
      total: APPLICATION_LIST_MAX_ROWS,
      totalCapped: true,
      matches: null,
    });

    // a change by SQL, and a delete, move the counters too
    await t.database.db
      .updateTable('applications')
      .set({ status: 'returned' })
      .where('id', 'like', 'bulk-0000%')
      .execute();
    await t.database.db.deleteFrom('applications').where('id', 'like', 'bulk-0001%').execute();
    await expectCountersTrue();
    expect((await list()).matches).toBe(APPLICATION_LIST_MAX_ROWS + 40);
  });

  it('are the organisation’s own: another organisation’s list counts only its own', async () => {
    const other = await enterprise(t, 2);
    await createOk(other);
    const res = await other.get('/api/applications');
    expect(res.json<ApplicationListResponse>()).toMatchObject({ total: 1, matches: 1 });
    await expectCountersTrue();
  });
});
