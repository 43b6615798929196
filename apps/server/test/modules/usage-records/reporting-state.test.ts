import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, type OverdueResponse } from '@ccc/domain';
import { loadWorkingCalendar } from '../../../src/modules/calendar/calendar.service';
import { certificateOfBase } from '../../../src/modules/certificates/certificate-ledger';
import { assessCertificates } from '../../../src/modules/usage-records/record-deadlines';
import {
  latestFromDueBefore,
  refreshReportingStates,
  reportingCandidates,
} from '../../../src/modules/usage-records/reporting-state';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { loginOk } from '../../helpers/identity';
import { officer } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { bodyFrom, modDecideOk, saveOk, stateOf, submitModOk } from '../modifications/helpers';
import { OFFICER_PW } from '../officers/factories';
import { createRecordOk, issuedCertificate, reexport, submitRecordOk, usage } from './helpers';

/**
 * certificate_reporting (migration 0009): triggers mark a certificate number dirty with every change to its
 * certificates and records; readers recompute and then ask SQL only for the certificates whose deadline
 * can have passed. The overdue list and the reminders must stay what the full assessment says.
 */
describe(`reporting state ${describeDb}`, () => {
  let t: TestApp;
  let sh: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set('2026-03-02T02:00:00.000Z'); // Monday 10:00 in China
    sh = await officer(t, 1);
  });
  afterAll(async () => t.close());

  const row = (base: string) =>
    t.deps.db
      .selectFrom('certificate_reporting')
      .selectAll()
      .where('base_number', '=', base)
      .executeTakeFirst();
  const base = (number: string) => number.slice(1);
  /** The facts after the readers' recomputation, as the assessment of the certificate sees them. */
  const facts = async (number: string) => {
    await refreshReportingStates(t.deps);
    const r = (await row(base(number)))!;
    const cert = (await certificateOfBase(t.deps.db, base(number)))!;
    const [assessed] = await assessCertificates(t.deps, [cert]);
    expect(r.fully_reported).toBe(assessed!.fullyReported ? 1 : 0);
    expect(r.dirty).toBe(0);
    return r;
  };

  it('finds for every date the latest start of a deadline that falls before it', async () => {
    const calendar = await loadWorkingCalendar(t.deps, '2025-12-01', '2027-01-31');
    for (let before = '2026-09-20'; before <= '2026-10-20'; before = addDays(before, 1)) {
      for (const days of [1, 3, 10, 90]) {
        const latest = latestFromDueBefore(before, days, calendar);
        expect(addWorkingDays(latest, days, calendar) < before, `${before} ${days}`).toBe(true);
        expect(addWorkingDays(addDays(latest, 1), days, calendar) >= before, `${before} ${days}`).toBe(true);
      }
    }
  });

  it('follows the certificate: issue, records, return, modification, revocation', async () => {
    const { ent, number } = await issuedCertificate(t, 1, sh, { quantities: ['10', '2'] });
    expect(await row(base(number))).toMatchObject({ dirty: 1 });
    expect(await facts(number)).toMatchObject({
      valid: 1,
      fully_reported: 0,
      bureau_code: '310000',
      clause_code: '03',
      issue_date: '2026-03-02',
      first_export_date: null,
    });

    const a = await createRecordOk(ent, number, reexport([{ lineNo: 1, quantity: '10' }]));
    const b = await createRecordOk(ent, number, usage([{ lineNo: 2, quantity: '2' }]));
    expect(await row(base(number))).toMatchObject({ dirty: 1 });
    expect(await facts(number)).toMatchObject({ fully_reported: 0 }); // drafts do not count
    await submitRecordOk(ent, a.id);
    await submitRecordOk(ent, b.id);
    expect(await facts(number)).toMatchObject({ fully_reported: 1 });

    const returned = await sh.post(`/api/bureau/supervision/records/${b.id}/return`, { reason: '数量有误' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await facts(number)).toMatchObject({ fully_reported: 0 });

    // Corrected and submitted again: fully reported. Then a modification raises line 1 from 10 to 12: the M
    // version counts, and 2 of it are not reported.
    const fixed = await ent.put(`/api/records/${b.id}`, usage([{ lineNo: 2, quantity: '2' }]));
    expect(fixed.statusCode, fixed.body).toBe(200);
    await submitRecordOk(ent, b.id);
    expect(await facts(number)).toMatchObject({ fully_reported: 1 });
    await saveOk(
      ent,
      number,
      bodyFrom(await stateOf(ent, number), (body) => {
        body.products[0]!.quantity = '12';
      }),
    );
    const req = await submitModOk(ent, number);
    await modDecideOk(sh, req.id, 'approve');
    expect(await facts(number)).toMatchObject({ valid: 1, fully_reported: 0, issue_date: '2026-03-02' });

    const revoke = await sh.post(`/api/bureau/certificates/M${base(number)}/revoke`, {
      reason: '提供虚假材料',
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(await facts(number)).toMatchObject({ valid: 0 });
  });

  it('asks SQL only for certificates that can be overdue, and the overdue list stays exact', async () => {
    t.clock.set('2026-04-01T02:00:00.000Z');
    sh = await loginOk(t, 'officer1', OFFICER_PW);
    const due = await issuedCertificate(t, 2, sh, { quantities: ['5'] });
    const reported = await issuedCertificate(t, 3, sh, { quantities: ['5'] });
    const r = await createRecordOk(
      reported.ent,
      reported.number,
      usage([{ lineNo: 1, quantity: '5' }], { periodStart: '2026-04-01' }),
    );
    await submitRecordOk(reported.ent, r.id);

    // 2026-08-20: the April certificates are past their 90 working days; a new one is not.
    t.clock.set('2026-08-20T02:00:00.000Z');
    sh = await loginOk(t, 'officer1', OFFICER_PW);
    const fresh = await issuedCertificate(t, 4, sh, { quantities: ['5'] });

    const candidates = (await reportingCandidates(t.deps, '310000', '2026-08-20')).map(
      (c) => c.current.number,
    );
    expect(candidates).toContain(due.number);
    expect(candidates).not.toContain(reported.number); // fully reported
    expect(candidates).not.toContain(fresh.number); // not due for months
    expect(await reportingCandidates(t.deps, '440000', '2026-08-20')).toEqual([]);

    const overdue = (await sh.get('/api/bureau/supervision/overdue')).json<OverdueResponse>();
    expect(overdue.items.map((i) => i.certificateNumber)).toEqual([due.number]);
    expect(overdue.items[0]).toMatchObject({ issueDate: '2026-04-01', outstanding: '5' });
  });

  it('stays right when records of one certificate are written at once', async () => {
    t.clock.set('2026-09-01T02:00:00.000Z');
    sh = await loginOk(t, 'officer1', OFFICER_PW);
    const { ent, number } = await issuedCertificate(t, 5, sh, { quantities: ['1', '1', '1', '1'] });
    const made = await Promise.all(
      [1, 2, 3, 4].map((lineNo) =>
        createRecordOk(
          ent,
          number,
          usage([{ lineNo, quantity: '1' }], { periodStart: '2026-09-01', periodEnd: '2026-09-01' }),
        ),
      ),
    );
    await Promise.all(made.map((m) => submitRecordOk(ent, m.id)));
    expect(await facts(number)).toMatchObject({ fully_reported: 1 });
  });
});
