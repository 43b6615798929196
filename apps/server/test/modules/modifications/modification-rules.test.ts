import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type ModificationRequest } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows } from '../../helpers/identity';
import { officer } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { GD } from '../officers/factories';
import { issuedCertificate } from '../certificates/helpers';
import { bodyFrom, modDecideOk, saveOk, secondMember, stateOf, submitModOk } from './helpers';

type Envelope = { code: string; fields: { path: string; message: string }[] };

describe(`${describeDb} 申请修改证明: the single-modification rule, races, isolation, validation`, () => {
  let t: TestApp;
  let sh: TestClient;
  let sh2: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    sh = await officer(t, 1);
    sh2 = await officer(t, 2);
  });
  afterAll(async () => t.close());

  const modRows = (base: string) =>
    t.database.db
      .selectFrom('certificate_modifications')
      .selectAll()
      .where('base_number', '=', base)
      .execute();

  it('after approval no other request is possible, for the N and the M number; the table stays at one row', async () => {
    const { ent, cert } = await issuedCertificate(t, 1, sh);
    const state = await stateOf(ent, cert.number);
    const req = await saveOk(
      ent,
      cert.number,
      bodyFrom(state, (b) => (b.products[0]!.unit = '套')),
    );
    await submitModOk(ent, cert.number);
    await modDecideOk(sh, req.id, 'approve');
    const m = `M${cert.number.slice(1)}`;
    for (const number of [cert.number, m]) {
      const put = await ent.put(`/api/certificates/${number}/modification`, bodyFrom(state));
      expect(put.statusCode, number).toBe(409);
      const submit = await ent.post(`/api/certificates/${number}/modification/submit`, {});
      expect(submit.statusCode, number).toBe(409);
    }
    // The bureau cannot decide again either (a second approval would issue a second M version).
    for (const d of ['approve', 'return', 'refuse'] as const) {
      const res = await sh.post(
        `/api/bureau/modifications/${req.id}/${d}`,
        d === 'approve' ? {} : { reason: 'x' },
      );
      expect(res.statusCode, d).toBe(409);
      expect(res.json<Envelope>().code).toBe('DECISION_CONFLICT');
    }
    expect(await modRows(cert.number.slice(1))).toHaveLength(1);
    const versions = await t.database.db
      .selectFrom('certificates')
      .select(['number', 'status'])
      .where('base_number', '=', cert.number.slice(1))
      .orderBy('version', 'desc')
      .execute();
    expect(versions).toEqual([
      { number: cert.number, status: 'superseded' },
      { number: m, status: 'valid' },
    ]);
  });

  it('after refusal no other request is possible', async () => {
    const { ent, cert } = await issuedCertificate(t, 2, sh);
    const state = await stateOf(ent, cert.number);
    const req = await saveOk(
      ent,
      cert.number,
      bodyFrom(state, (b) => (b.holder.nameZh = '新名称有限公司')),
    );
    await submitModOk(ent, cert.number);
    await modDecideOk(sh, req.id, 'refuse', '不符合修改条件');
    const put = await ent.put(`/api/certificates/${cert.number}/modification`, bodyFrom(state));
    expect(put.statusCode).toBe(409);
    expect((await ent.post(`/api/certificates/${cert.number}/modification/submit`, {})).statusCode).toBe(409);
    expect(await modRows(cert.number.slice(1))).toHaveLength(1);
  });

  it('two users of the organisation creating the request at once: exactly one row (the other 409 or the same draft)', async () => {
    const { ent, cert } = await issuedCertificate(t, 3, sh);
    const other = await secondMember(t, 3, 53, ent);
    const state = await stateOf(ent, cert.number);
    const results = await Promise.all([
      ent.put(
        `/api/certificates/${cert.number}/modification`,
        bodyFrom(state, (b) => (b.reason = '甲的原因')),
      ),
      other.put(
        `/api/certificates/${cert.number}/modification`,
        bodyFrom(state, (b) => (b.reason = '乙的原因')),
      ),
    ]);
    // PostgreSQL runs both transactions at once: the UNIQUE key refuses the second insert (409 CONFLICT).
    // SQLite serialises them: the second save may find the first's draft and update it (the same
    // organisation's draft). Either way there is exactly one request.
    const codes = results.map((r) => r.statusCode);
    expect(codes).toContain(200);
    for (const r of results) {
      expect([200, 409], r.body).toContain(r.statusCode);
      if (r.statusCode === 409) expect(r.json<Envelope>().code).toBe('CONFLICT');
    }
    const rows = await modRows(cert.number.slice(1));
    expect(rows).toHaveLength(1);
    const ok = results.filter((r) => r.statusCode === 200).map((r) => r.json<ModificationRequest>());
    expect(new Set(ok.map((r) => r.id)).size).toBe(1);
    const winner = ok.at(-1)!;
    if (ok.length === 1) expect(rows[0]!.reason).toBe(winner.reason);
    expect(['甲的原因', '乙的原因']).toContain(rows[0]!.reason);
    // The key itself: a second row for the same number cannot be stored, whatever the code does.
    await expect(
      t.database.db
        .insertInto('certificate_modifications')
        .values({ ...rows[0]!, id: 'second-row' })
        .execute(),
    ).rejects.toThrow();
    expect(await modRows(cert.number.slice(1))).toHaveLength(1);
    // The loser sees the winner's draft and may edit it (the same organisation).
    const again = await saveOk(
      other,
      cert.number,
      bodyFrom(state, (b) => (b.reason = '乙补充')),
    );
    expect(again).toMatchObject({ id: winner.id, reason: '乙补充' });
  });

  it('two officers deciding at once: one wins, the other 409 DECISION_CONFLICT; one M version', async () => {
    const { ent, cert } = await issuedCertificate(t, 4, sh);
    const state = await stateOf(ent, cert.number);
    const req = await saveOk(
      ent,
      cert.number,
      bodyFrom(state, (b) => (b.products[0]!.brand = 'NEWBRAND')),
    );
    await submitModOk(ent, cert.number);
    const results = await Promise.all([
      sh.post(`/api/bureau/modifications/${req.id}/approve`, { expectedStatus: 'submitted' }),
      sh2.post(`/api/bureau/modifications/${req.id}/refuse`, {
        reason: '不同意',
        expectedStatus: 'submitted',
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json<Envelope>().code).toBe('DECISION_CONFLICT');
    const versions = await t.database.db
      .selectFrom('certificates')
      .select('number')
      .where('base_number', '=', cert.number.slice(1))
      .execute();
    const row = (await modRows(cert.number.slice(1)))[0]!;
    expect(versions).toHaveLength(row.status === 'approved' ? 2 : 1);
  });

  it('a revoked certificate takes no modification; one revoked while pending cannot be approved', async () => {
    const a = await issuedCertificate(t, 5, sh);
    const revoke = await sh.post(`/api/bureau/certificates/${a.cert.number}/revoke`, { reason: '材料不实' });
    expect(revoke.statusCode, revoke.body).toBe(200);
    const state = await stateOf(a.ent, a.cert.number);
    expect(state).toMatchObject({ allowed: false, blockedReason: 'revoked', request: null });
    const put = await a.ent.put(`/api/certificates/${a.cert.number}/modification`, bodyFrom(state));
    expect(put.statusCode).toBe(409);
    expect(await modRows(a.cert.number.slice(1))).toHaveLength(0);

    const b = await issuedCertificate(t, 6, sh);
    const stateB = await stateOf(b.ent, b.cert.number);
    const req = await saveOk(
      b.ent,
      b.cert.number,
      bodyFrom(stateB, (x) => (x.products[0]!.quantity = '1')),
    );
    await submitModOk(b.ent, b.cert.number);
    expect(
      (await sh.post(`/api/bureau/certificates/${b.cert.number}/revoke`, { reason: '撤销' })).statusCode,
    ).toBe(200);
    const approve = await sh.post(`/api/bureau/modifications/${req.id}/approve`, {});
    expect(approve.statusCode).toBe(409);
    const rowB = (await modRows(b.cert.number.slice(1)))[0]!;
    expect(rowB.status).toBe('submitted');
    expect((await stateOf(b.ent, b.cert.number)).blockedReason).toBe('revoked');
  });

  it('isolation: another organisation and another bureau get 404 (audited); roles get 403', async () => {
    const { ent, cert } = await issuedCertificate(t, 7, sh);
    const state = await stateOf(ent, cert.number);
    const req = await saveOk(ent, cert.number, bodyFrom(state));
    await submitModOk(ent, cert.number);

    const stranger = (await issuedCertificate(t, 8, sh)).ent;
    const before = (await auditRows(t, 'ACCESS_DENIED')).length;
    expect((await stranger.get(`/api/certificates/${cert.number}/modification`)).statusCode).toBe(404);
    expect(
      (await stranger.put(`/api/certificates/${cert.number}/modification`, bodyFrom(state))).statusCode,
    ).toBe(404);
    expect((await stranger.post(`/api/certificates/${cert.number}/modification/submit`, {})).statusCode).toBe(
      404,
    );

    const gd = await officer(t, 3, GD);
    expect((await gd.get(`/api/certificates/${cert.number}/modification`)).statusCode).toBe(404);
    expect((await gd.get(`/api/bureau/modifications/${req.id}`)).statusCode).toBe(404);
    expect((await gd.post(`/api/bureau/modifications/${req.id}/approve`, {})).statusCode).toBe(404);
    expect((await gd.get('/api/bureau/modifications')).json<{ total: number }>().total).toBe(0);
    const denied = (await auditRows(t, 'ACCESS_DENIED')).slice(before);
    expect(denied).toHaveLength(6);

    // The issuing bureau's officer reads the state but cannot save or submit for the enterprise.
    expect((await sh.get(`/api/certificates/${cert.number}/modification`)).statusCode).toBe(200);
    expect((await sh.put(`/api/certificates/${cert.number}/modification`, bodyFrom(state))).statusCode).toBe(
      403,
    );
    // The enterprise cannot use the bureau's endpoints.
    expect((await ent.get('/api/bureau/modifications')).statusCode).toBe(403);
    expect((await ent.get(`/api/bureau/modifications/${req.id}`)).statusCode).toBe(403);
    expect((await ent.post(`/api/bureau/modifications/${req.id}/approve`, {})).statusCode).toBe(403);
    expect((await modRows(cert.number.slice(1)))[0]!.status).toBe('submitted');
  });

  it('validation: lines must match, quantity > 0 with ≤ 3 decimals, reason required and ≤ 1000', async () => {
    const { ent, cert } = await issuedCertificate(t, 9, sh);
    const state = await stateOf(ent, cert.number);
    const lineNo = state.current.products[0]!.lineNo;
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['no reason', bodyFrom(state, (b) => (b.reason = '  ')), 'reason', 'v.modification.reason'],
      ['reason too long', bodyFrom(state, (b) => (b.reason = '因'.repeat(1001))), 'reason', 'v.tooLong'],
      [
        'zero',
        bodyFrom(state, (b) => (b.products[0]!.quantity = '0')),
        'products.0.quantity',
        'v.quantity.positive',
      ],
      [
        '4 decimals',
        bodyFrom(state, (b) => (b.products[0]!.quantity = '1.2345')),
        'products.0.quantity',
        'v.quantity.decimals',
      ],
      [
        'unknown line',
        bodyFrom(state, (b) => (b.products[0]!.lineNo = 99)),
        'products',
        'v.modification.products',
      ],
      [
        'added line',
        bodyFrom(state, (b) => b.products.push({ ...b.products[0]!, lineNo: lineNo + 50 })),
        'products',
        'v.modification.products',
      ],
      ['removed lines', bodyFrom(state, (b) => (b.products = [])), 'products', 'v.modification.products'],
      ['no name', bodyFrom(state, (b) => (b.holder.nameZh = '')), 'holder.nameZh', 'v.required'],
    ];
    ent.lang = 'en-US';
    for (const [name, body, path, key] of cases) {
      const res = await ent.put(`/api/certificates/${cert.number}/modification`, body);
      expect(res.statusCode, name).toBe(400);
      const env = res.json<Envelope>();
      expect(env.code, name).toBe('VALIDATION_FAILED');
      expect(env.fields, name).toContainEqual({ path, message: translate('en-US', key) });
    }
    expect(await modRows(cert.number.slice(1))).toHaveLength(0);
    // HS code is not modifiable: an hsCode in the body is ignored.
    const saved = await saveOk(ent, cert.number, {
      ...bodyFrom(state),
      products: bodyFrom(state).products.map((p) => ({ ...p, hsCode: '0000000000' })),
    });
    expect(saved.changes.products[0]!.hsCode).toBe(state.current.products[0]!.hsCode);
    // Submitting without a saved request is refused.
    const { ent: ent10, cert: cert10 } = await issuedCertificate(t, 10, sh);
    expect((await ent10.post(`/api/certificates/${cert10.number}/modification/submit`, {})).statusCode).toBe(
      409,
    );
  });
});
