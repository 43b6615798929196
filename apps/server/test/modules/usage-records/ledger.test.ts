import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals, type UsageRecord } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { loginOk } from '../../helpers/identity';
import { officer } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import {
  createRecordOk,
  destruction,
  issuedCertificate,
  recordsOf,
  reexport,
  submitRecordOk,
  usage,
} from './helpers';

type Envelope = { code: string; message: string; fields: { path: string; message: string }[] };

/** SPEC §3.9: used + re-exported + destroyed ≤ certified, exact, under concurrency; the date rules. */
describe(`usage records ledger ${describeDb}`, () => {
  let t: TestApp;
  let sh: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    sh = await officer(t, 1);
  });
  afterAll(async () => t.close());

  const dbTotal = async (number: string, lineNo: number) => {
    const rows = await t.database.db
      .selectFrom('usage_record_lines')
      .select('quantity')
      .where('base_number', '=', number.slice(1))
      .where('line_no', '=', lineNo)
      .execute();
    return addDecimals('0', ...rows.map((r) => r.quantity));
  };

  it('adds exactly (0.1 + 0.2 of 0.3 passes) and refuses the next 0.001 with the numbers, drafts counted', async () => {
    const { ent, number } = await issuedCertificate(t, 1, sh, { quantities: ['0.3', '7'] });
    await createRecordOk(ent, number, reexport([{ lineNo: 1, quantity: '0.1' }]));
    await createRecordOk(ent, number, destruction([{ lineNo: 1, quantity: '0.2' }]));
    expect((await recordsOf(ent, number)).products[0]).toMatchObject({
      remaining: '0',
      reexported: '0.1',
      destroyed: '0.2',
    });

    const res = await ent.post(
      `/api/certificates/${number}/records`,
      usage([
        { lineNo: 2, quantity: '1' },
        { lineNo: 1, quantity: '0.001' },
      ]),
    );
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<Envelope>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields).toEqual([
      {
        path: 'lines.1.quantity',
        message: '第1项产品超出证明数量：证明数量0.3，已填报0.3，本次0.001，剩余可填报0',
      },
    ]);
    const en = await ent.post(
      `/api/certificates/${number}/records`,
      usage([{ lineNo: 2, quantity: '7.5' }]),
      {
        'accept-language': 'en-US',
      },
    );
    expect(en.statusCode).toBe(400);
    expect(en.json<Envelope>().fields[0]!.message).toBe(
      'Product 2 exceeds the certified quantity: certified 7, already reported 0, this record 7.5, remaining 7',
    );
    expect(await dbTotal(number, 1)).toBe('0.3');
  });

  it('an edit counts the record itself once; an unknown line and a duplicate line are refused', async () => {
    const { ent, number } = await issuedCertificate(t, 2, sh, { quantities: ['5'] });
    const rec = await createRecordOk(ent, number, reexport([{ lineNo: 1, quantity: '5' }]));
    const edit = await ent.put(`/api/records/${rec.id}`, reexport([{ lineNo: 1, quantity: '4.999' }]));
    expect(edit.statusCode, edit.body).toBe(200);
    expect(
      (await ent.put(`/api/records/${rec.id}`, reexport([{ lineNo: 1, quantity: '5.001' }]))).statusCode,
    ).toBe(400);
    const unknown = await ent.post(
      `/api/certificates/${number}/records`,
      reexport([{ lineNo: 9, quantity: '0.001' }]),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<Envelope>().fields.map((f) => f.path)).toEqual(['lines.0.lineNo']);
    const dup = await ent.post(
      `/api/certificates/${number}/records`,
      reexport([{ lineNo: 1, quantity: '0.0005' }]),
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.json<Envelope>().fields).toEqual([
      { path: 'lines.0.quantity', message: '数量最多保留3位小数' },
    ]);
    const twice = await ent.post(
      `/api/certificates/${number}/records`,
      reexport([
        { lineNo: 1, quantity: '0.5' },
        { lineNo: 1, quantity: '0.001' },
      ]),
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json<Envelope>().fields.map((f) => f.path)).toEqual(['lines.1.lineNo']);
  });

  it('never exceeds the certified quantity under concurrent saves and submissions', async () => {
    const { ent, number } = await issuedCertificate(t, 3, sh, { quantities: ['10'] });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        ent.post(
          `/api/certificates/${number}/records`,
          i % 2 ? reexport([{ lineNo: 1, quantity: '3' }]) : destruction([{ lineNo: 1, quantity: '3' }]),
        ),
      ),
    );
    const ok = results.filter((r) => r.statusCode === 200);
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 400)).toBe(true);
    expect(ok).toHaveLength(3);
    expect(await dbTotal(number, 1)).toBe('9');
    expect(compareDecimals(await dbTotal(number, 1), '10')).toBeLessThanOrEqual(0);

    // Edits racing to use the last unit: at most one wins.
    const ids = ok.map((r) => r.json<UsageRecord>().id);
    const edits = await Promise.all(
      ids.map((id) => ent.put(`/api/records/${id}`, reexport([{ lineNo: 1, quantity: '4' }]))),
    );
    expect(edits.filter((r) => r.statusCode === 200).length).toBeLessThanOrEqual(1);
    expect(compareDecimals(await dbTotal(number, 1), '10')).toBeLessThanOrEqual(0);
    // Concurrent submissions of the records are all fine (they were counted as drafts).
    const subs = await Promise.all(ids.map((id) => ent.post(`/api/records/${id}/submit`, {})));
    expect(subs.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const view = await recordsOf(ent, number);
    expect(compareDecimals(view.products[0]!.reported, '10')).toBeLessThanOrEqual(0);
  });

  it('refuses a write-off record outside clause 05', async () => {
    const { ent, number } = await issuedCertificate(t, 5, sh);
    const res = await ent.post(`/api/certificates/${number}/records`, {
      kind: 'writeoff',
      declarationNo: '223320260000099999',
      exportDate: '2026-03-02',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<Envelope>().fields.map((f) => f.path)).toEqual(['kind']);
  });
  // Last: it moves the clock.
  it('refuses dates before the issue date and in the future (China dates)', async () => {
    const issued = await issuedCertificate(t, 4, sh, { quantities: ['5'] });
    let ent = issued.ent;
    const number = issued.number;
    // Issued 2026-03-02 (China); the clock stands at 2026-03-02 10:00 China time.
    const before = await ent.post(
      `/api/certificates/${number}/records`,
      reexport([{ lineNo: 1, quantity: '1', date: '2026-03-01' }]),
    );
    expect(before.statusCode).toBe(400);
    expect(before.json<Envelope>().fields).toEqual([
      { path: 'lines.0.date', message: '日期不能早于发证日期（2026-03-02）' },
    ]);
    const future = await ent.post(
      `/api/certificates/${number}/records`,
      reexport([{ lineNo: 1, quantity: '1', date: '2026-03-03' }]),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json<Envelope>().fields[0]).toMatchObject({
      path: 'lines.0.date',
      message: '日期不能晚于今天',
    });
    const badUse = await ent.post(
      `/api/certificates/${number}/records`,
      usage([{ lineNo: 1, quantity: '1' }], { periodStart: '2026-02-01' }),
    );
    expect(badUse.statusCode).toBe(400);
    expect(badUse.json<Envelope>().fields.map((f) => f.path)).toEqual(['periodStart']);
    const badPeriod = await ent.post(
      `/api/certificates/${number}/records`,
      usage([{ lineNo: 1, quantity: '1' }], { periodEnd: '2026-03-01' }),
    );
    expect(badPeriod.statusCode).toBe(400);
    const invalid = await ent.post(
      `/api/certificates/${number}/records`,
      reexport([{ lineNo: 1, quantity: '1', date: '2026-02-30' }]),
    );
    expect(invalid.statusCode).toBe(400);

    // 16:30 UTC is already the next day in China.
    t.clock.set('2026-03-03T16:30:00.000Z');
    ent = await loginOk(t, 'user4');
    const nextDay = await ent.post(
      `/api/certificates/${number}/records`,
      reexport([{ lineNo: 1, quantity: '1', date: '2026-03-04' }]),
    );
    expect(nextDay.statusCode, nextDay.body).toBe(200);
    await submitRecordOk(ent, nextDay.json<UsageRecord>().id);
  });
});
