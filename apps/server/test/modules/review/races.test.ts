import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificateNumber } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows } from '../../helpers/identity';
import { decideOk, submittedApplication } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { completeDraft, enterprise, submitOk } from '../applications/helpers';
import { acceptedApplication, applicationRow, type Envelope, officer } from './helpers';

/**
 * Two officers of one bureau deciding the same case at once: exactly one wins, the other is told
 * (409 DECISION_CONFLICT) and the case is in the winner's state. And 20 approvals at once: 20 certificate
 * numbers, the year's serials 1..20 without a gap.
 */
describe(`concurrent decisions ${describeDb}`, () => {
  let t: TestApp;
  let a: TestClient;
  let b: TestClient;
  let n = 0;
  beforeAll(async () => {
    t = await buildTestApp();
    a = await officer(t, 1);
    b = await officer(t, 2);
  });
  afterAll(async () => t.close());

  const decisionCount = async (id: string) =>
    (await auditRows(t)).filter(
      (r) => r.entity_id === id && /^APPLICATION_(ACCEPTED|RETURNED|APPROVED|REFUSED)$/.test(r.action),
    ).length;

  /** A decision as the web app sends it: with the state the officer saw. */
  const post = (c: TestClient, id: string, decision: string, expectedStatus: string) =>
    c.post(`/api/bureau/applications/${id}/${decision}`, {
      expectedStatus,
      ...(decision === 'return' || decision === 'refuse' ? { reason: `${decision} 理由` } : {}),
    });

  /** Fires both decisions at once; returns which one won. */
  async function race(id: string, seen: string, first: string, second: string): Promise<string> {
    const [r1, r2] = await Promise.all([post(a, id, first, seen), post(b, id, second, seen)]);
    const codes = [r1.statusCode, r2.statusCode].sort();
    expect(codes, `${r1.body} ${r2.body}`).toEqual([200, 409]);
    const loser = r1.statusCode === 409 ? r1 : r2;
    expect(loser.json<Envelope>().code).toBe('DECISION_CONFLICT');
    return r1.statusCode === 200 ? first : second;
  }

  const stateAfter: Record<string, string> = {
    accept: 'under_review',
    return: 'returned',
    approve: 'issued',
    refuse: 'refused',
  };

  it('approve against refuse: one wins, the state is the winner’s', async () => {
    for (let round = 0; round < 3; round++) {
      const { app } = await acceptedApplication(t, ++n, a);
      const winner = await race(
        app.id,
        'under_review',
        round % 2 ? 'refuse' : 'approve',
        round % 2 ? 'approve' : 'refuse',
      );
      const row = await applicationRow(t, app.id);
      expect(row.status).toBe(stateAfter[winner]);
      expect(row.certificate_number !== null).toBe(winner === 'approve');
      expect(row.refuse_reason !== null).toBe(winner === 'refuse');
      const certificates = await t.database.db
        .selectFrom('certificates')
        .select('id')
        .where('application_id', '=', app.id)
        .execute();
      expect(certificates).toHaveLength(winner === 'approve' ? 1 : 0);
      expect(await decisionCount(app.id)).toBe(2);
    }
  });

  it('accept against return: one wins, the state is the winner’s', async () => {
    for (let round = 0; round < 3; round++) {
      const { app } = await submittedApplication(t, ++n);
      const winner = await race(
        app.id,
        'submitted',
        round % 2 ? 'return' : 'accept',
        round % 2 ? 'accept' : 'return',
      );
      const row = await applicationRow(t, app.id);
      expect(row.status).toBe(stateAfter[winner]);
      expect(row.return_reason !== null).toBe(winner === 'return');
      expect(row.accepted_at !== null).toBe(winner === 'accept');
      expect(await decisionCount(app.id)).toBe(1);
    }
  });

  it('the same decision twice at once: one 200, one 409', async () => {
    const { app } = await acceptedApplication(t, ++n, a);
    await race(app.id, 'under_review', 'approve', 'approve');
    const certificates = await t.database.db
      .selectFrom('certificates')
      .select('id')
      .where('application_id', '=', app.id)
      .execute();
    expect(certificates).toHaveLength(1);
  });

  it('a withdrawal against an acceptance: exactly one of them happens', async () => {
    const { ent, app } = await submittedApplication(t, ++n);
    const [w, acc] = await Promise.all([
      ent.post(`/api/applications/${app.id}/withdraw`),
      a.post(`/api/bureau/applications/${app.id}/accept`),
    ]);
    const row = await applicationRow(t, app.id);
    if (acc.statusCode === 200) {
      expect(w.statusCode).toBe(409);
      expect(row.status).toBe('under_review');
    } else {
      expect(w.statusCode).toBe(200);
      // Lost the race inside the transaction (409) or came after the withdrawal (the draft is not found).
      expect([404, 409]).toContain(acc.statusCode);
      expect(row.status).toBe('draft');
    }
  });
});

describe(`certificate numbering under 20 concurrent approvals ${describeDb}`, () => {
  let t: TestApp;
  let officers: TestClient[];
  const ids: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp();
    officers = [await officer(t, 1), await officer(t, 2), await officer(t, 3)];
    // 20 cases of four organisations.
    for (let org = 1; org <= 4; org++) {
      const ent = await enterprise(t, org);
      for (let k = 0; k < 5; k++) {
        const draft = await completeDraft(t, ent);
        ids.push((await submitOk(ent, draft.id)).id);
      }
    }
    for (const id of ids) await decideOk(officers[0]!, id, 'accept');
  });
  afterAll(async () => t.close());

  it('gives 20 distinct numbers, serials 1..20 of the year', async () => {
    const results = await Promise.all(
      ids.map((id, i) => officers[i % officers.length]!.post(`/api/bureau/applications/${id}/approve`)),
    );
    for (const res of results) expect(res.statusCode, res.body).toBe(200);
    const numbers = results.map(
      (res) => res.json<{ application: { certificateNumber: string } }>().application.certificateNumber,
    );
    expect(new Set(numbers).size).toBe(20);
    const serials = numbers.map((num) => parseCertificateNumber(num)!.serial).sort((x, y) => x - y);
    expect(serials).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const num of numbers) expect(num).toMatch(/^N310026\d{6}$/);

    const rows = await t.database.db
      .selectFrom('applications')
      .select(['id', 'status', 'certificate_number'])
      .where('id', 'in', ids)
      .execute();
    expect(rows.every((r) => r.status === 'issued')).toBe(true);
    expect(new Set(rows.map((r) => r.certificate_number))).toEqual(new Set(numbers));
    const certificates = await t.database.db
      .selectFrom('certificates')
      .select(['number', 'application_id'])
      .execute();
    expect(certificates).toHaveLength(20);
    for (const c of certificates) {
      expect(rows.find((r) => r.id === c.application_id)?.certificate_number).toBe(c.number);
    }
  });
});
