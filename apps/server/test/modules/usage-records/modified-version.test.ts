import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { officer } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { bodyFrom, modDecideOk, saveOk, stateOf, submitModOk } from '../modifications/helpers';
import { createRecordOk, issuedCertificate, recordsOf, reexport, submitRecordOk } from './helpers';

/** Records belong to the certificate number; the ledger counts against the current (modified) version. */
describe(`usage records after a modification ${describeDb}`, () => {
  let t: TestApp;
  let sh: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    sh = await officer(t, 1);
  });
  afterAll(async () => t.close());

  it('keeps the records of the N version and counts them against the M version’s quantities', async () => {
    const { ent, number } = await issuedCertificate(t, 1, sh, { quantities: ['10'] });
    const before = await createRecordOk(ent, number, reexport([{ lineNo: 1, quantity: '4' }]));
    await submitRecordOk(ent, before.id);

    const state = await stateOf(ent, number);
    await saveOk(
      ent,
      number,
      bodyFrom(state, (b) => {
        b.products[0]!.quantity = '6';
      }),
    );
    const request = await submitModOk(ent, number);
    await modDecideOk(sh, request.id, 'approve');
    const modified = `M${number.slice(1)}`;

    for (const n of [number, modified]) {
      const view = await recordsOf(ent, n);
      expect(view.certificate.number).toBe(modified);
      expect(view.products[0]).toMatchObject({ certified: '6', reexported: '4', remaining: '2' });
      expect(view.records.map((r) => [r.id, r.certificateNumber])).toEqual([[before.id, modified]]);
    }
    const over = await ent.post(
      `/api/certificates/${modified}/records`,
      reexport([{ lineNo: 1, quantity: '2.001' }]),
    );
    expect(over.statusCode).toBe(400);
    const ok = await createRecordOk(ent, number, reexport([{ lineNo: 1, quantity: '2' }]));
    const row = await t.database.db
      .selectFrom('usage_records')
      .innerJoin('certificates', 'certificates.id', 'usage_records.certificate_id')
      .select('certificates.number')
      .where('usage_records.id', '=', ok.id)
      .executeTakeFirstOrThrow();
    expect(row.number).toBe(modified);
  });

  it('refuses to approve a modification that certifies less than the records already report', async () => {
    const { ent, number } = await issuedCertificate(t, 2, sh, { quantities: ['10'] });
    await createRecordOk(ent, number, reexport([{ lineNo: 1, quantity: '7' }]));
    const state = await stateOf(ent, number);
    await saveOk(
      ent,
      number,
      bodyFrom(state, (b) => {
        b.products[0]!.quantity = '6.5';
      }),
    );
    const request = await submitModOk(ent, number);
    const res = await sh.post(`/api/bureau/modifications/${request.id}/approve`, {});
    expect(res.statusCode, res.body).toBe(400);
    const message = res.json<{ fields: { message: string }[] }>().fields[0]!.message;
    expect(message).toContain('6.5');
    expect(message).toContain('7');
    // nothing changed: the request still waits, the original is still the valid version
    expect((await stateOf(ent, number)).request?.status).toBe('submitted');
    expect((await recordsOf(ent, number)).certificate.number).toBe(number);
  });
});
