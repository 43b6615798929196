import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionRecordDetail, SupervisionRecordsResponse, UsageRecord } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows, mailsTo } from '../../helpers/identity';
import { officer } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { enterprise } from '../applications/helpers';
import { GD } from '../officers/factories';
import {
  createRecordOk,
  destruction,
  issuedCertificate,
  recordsOf,
  reexport,
  submitRecordOk,
  usage,
} from './helpers';

/** SPEC §3.9 / §4: every record state transition by role, mails, audit, isolation, revocation. */
describe(`usage records workflow ${describeDb}`, () => {
  let t: TestApp;
  let sh: TestClient;
  let gd: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    sh = await officer(t, 1);
    gd = await officer(t, 2, GD);
  });
  afterAll(async () => t.close());

  it('draft → submitted → verified, with the ledger, the mail and the audit on the record and the application', async () => {
    const { ent, number, applicationId } = await issuedCertificate(t, 1, sh, { quantities: ['10', '5'] });
    const empty = await recordsOf(ent, number);
    expect(empty.allowedKinds).toEqual(['usage', 'reexport', 'destruction']);
    expect(empty.products.map((p) => p.remaining)).toEqual(['10', '5']);
    expect(empty.deadline).toMatchObject({ basis: 'issue', overdue: false });

    const draft = await createRecordOk(
      ent,
      number,
      reexport([
        { lineNo: 1, quantity: '2.5' },
        { lineNo: 2, quantity: '1' },
      ]),
    );
    expect(draft).toMatchObject({ status: 'draft', kind: 'reexport', totalQuantity: '3.5' });
    expect(draft.actions).toEqual(['view', 'edit', 'delete', 'submit']);
    const ledger = await recordsOf(ent, number);
    expect(ledger.products[0]).toMatchObject({
      certified: '10',
      reexported: '2.5',
      remaining: '7.5',
      reported: '0',
    });

    // The bureau does not see drafts in its worklist, and cannot verify one.
    const list0 = (await sh.get('/api/bureau/supervision/records')).json<SupervisionRecordsResponse>();
    expect(list0.items.map((i) => i.id)).not.toContain(draft.id);
    expect((await sh.post(`/api/bureau/supervision/records/${draft.id}/verify`, {})).statusCode).toBe(409);

    const submitted = await submitRecordOk(ent, draft.id);
    expect(submitted.status).toBe('submitted');
    expect(submitted.actions).toEqual(['view']);
    // Submitted: no more edit or delete by the enterprise.
    expect(
      (await ent.put(`/api/records/${draft.id}`, reexport([{ lineNo: 1, quantity: '1' }]))).statusCode,
    ).toBe(409);
    expect((await ent.delete(`/api/records/${draft.id}`)).statusCode).toBe(409);
    // The enterprise cannot decide; the officer cannot write.
    expect((await ent.post(`/api/bureau/supervision/records/${draft.id}/verify`, {})).statusCode).toBe(403);
    expect(
      (await sh.post(`/api/certificates/${number}/records`, reexport([{ lineNo: 1, quantity: '1' }])))
        .statusCode,
    ).toBe(403);
    expect((await sh.post(`/api/records/${draft.id}/submit`, {})).statusCode).toBe(403);

    const list = (await sh.get('/api/bureau/supervision/records')).json<SupervisionRecordsResponse>();
    expect(list.items.find((i) => i.id === draft.id)).toMatchObject({
      status: 'submitted',
      certificateNumber: number,
      totalQuantity: '3.5',
    });
    const detail = await sh.get(`/api/bureau/supervision/records/${draft.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json<SupervisionRecordDetail>().products[0]!.reported).toBe('2.5');

    const verified = await sh.post(`/api/bureau/supervision/records/${draft.id}/verify`, {});
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json<SupervisionRecordDetail>().record.status).toBe('verified');
    // A second decision on the same record lost the race: 409 DECISION_CONFLICT.
    const again = await sh.post(`/api/bureau/supervision/records/${draft.id}/return`, { reason: '晚了' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('DECISION_CONFLICT');

    const mails = await mailsTo(t, 'user1@example.com');
    expect(mails.some((m) => m.subject.includes('退运记录已核查通过') && m.text.includes(number))).toBe(true);

    const audit = (await auditRows(t)).filter(
      (r) => r.entity_id === draft.id || r.entity_id === applicationId,
    );
    const actions = (type: string) => audit.filter((r) => r.entity_type === type).map((r) => r.action);
    expect(actions('usage_record')).toEqual(['RECORD_CREATED', 'RECORD_SUBMITTED', 'RECORD_VERIFIED']);
    expect(actions('application')).toEqual(
      expect.arrayContaining(['RECORD_CREATED', 'RECORD_SUBMITTED', 'RECORD_VERIFIED']),
    );
  });

  it('returned with a reason → corrected → submitted again → verified; a draft is deleted, a submitted one is not', async () => {
    const { ent, number } = await issuedCertificate(t, 2, sh, { quantities: ['4'] });
    const rec = await createRecordOk(ent, number, destruction([{ lineNo: 1, quantity: '1' }]));
    await submitRecordOk(ent, rec.id);
    expect(
      (await sh.post(`/api/bureau/supervision/records/${rec.id}/return`, { reason: ' ' })).statusCode,
    ).toBe(400);
    const ret = await sh.post(`/api/bureau/supervision/records/${rec.id}/return`, {
      reason: '销毁见证人须为监管人员',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    const returned = (await ent.get(`/api/records/${rec.id}`)).json<UsageRecord>();
    expect(returned).toMatchObject({ status: 'returned', returnReason: '销毁见证人须为监管人员' });
    expect(returned.actions).toEqual(['view', 'edit', 'submit']);
    expect((await ent.delete(`/api/records/${rec.id}`)).statusCode).toBe(409);
    const mails = await mailsTo(t, 'user2@example.com');
    expect(
      mails.some((m) => m.subject.includes('销毁记录被退回') && m.text.includes('销毁见证人须为监管人员')),
    ).toBe(true);

    const fixed = await ent.put(`/api/records/${rec.id}`, {
      ...destruction([{ lineNo: 1, quantity: '2' }]),
      witness: '市局监管员',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<UsageRecord>()).toMatchObject({
      status: 'returned',
      witness: '市局监管员',
      totalQuantity: '2',
    });
    // The kind of a record does not change.
    expect(
      (await ent.put(`/api/records/${rec.id}`, reexport([{ lineNo: 1, quantity: '1' }]))).statusCode,
    ).toBe(400);
    await submitRecordOk(ent, rec.id);
    expect((await sh.post(`/api/bureau/supervision/records/${rec.id}/verify`, {})).statusCode).toBe(200);

    const draft = await createRecordOk(ent, number, usage([{ lineNo: 1, quantity: '1' }]));
    const del = await ent.delete(`/api/records/${draft.id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect((await ent.get(`/api/records/${draft.id}`)).statusCode).toBe(404);
    expect((await recordsOf(ent, number)).products[0]).toMatchObject({
      destroyed: '2',
      used: '0',
      remaining: '2',
    });
  });

  it('isolates organisations and bureaus: 404 and an ACCESS_DENIED row', async () => {
    const { ent, number } = await issuedCertificate(t, 3, sh);
    const rec = await createRecordOk(ent, number, reexport([{ lineNo: 1, quantity: '1' }]));
    await submitRecordOk(ent, rec.id);
    const other = await enterprise(t, 4);
    const before = (await auditRows(t, 'ACCESS_DENIED')).length;
    for (const res of [
      await other.get(`/api/certificates/${number}/records`),
      await other.post(`/api/certificates/${number}/records`, reexport([{ lineNo: 1, quantity: '1' }])),
      await other.get(`/api/records/${rec.id}`),
      await other.put(`/api/records/${rec.id}`, reexport([{ lineNo: 1, quantity: '1' }])),
      await other.post(`/api/records/${rec.id}/submit`, {}),
      await gd.get(`/api/certificates/${number}/records`),
      await gd.get(`/api/records/${rec.id}`),
      await gd.get(`/api/bureau/supervision/records/${rec.id}`),
      await gd.post(`/api/bureau/supervision/records/${rec.id}/verify`, {}),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    expect((await auditRows(t, 'ACCESS_DENIED')).length - before).toBe(9);
    const gdList = (await gd.get('/api/bureau/supervision/records')).json<SupervisionRecordsResponse>();
    expect(gdList.items).toHaveLength(0);
    expect((await sh.get(`/api/records/${rec.id}`)).statusCode).toBe(200);
    expect((await recordsOf(sh, number)).allowedKinds).toEqual([]);
  });

  it('a revoked certificate takes no record and no submission (409), and is still readable', async () => {
    const { ent, number } = await issuedCertificate(t, 5, sh);
    const draft = await createRecordOk(ent, number, reexport([{ lineNo: 1, quantity: '1' }]));
    const revoke = await sh.post(`/api/bureau/certificates/${number}/revoke`, { reason: '提供虚假材料' });
    expect(revoke.statusCode, revoke.body).toBe(200);
    const res = await ent.post(
      `/api/certificates/${number}/records`,
      reexport([{ lineNo: 1, quantity: '1' }]),
    );
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ message: string }>().message).toContain('已撤销');
    expect((await ent.post(`/api/records/${draft.id}/submit`, {})).statusCode).toBe(409);
    const view = await recordsOf(ent, number);
    expect(view.certificate.status).toBe('revoked');
    expect(view.allowedKinds).toEqual([]);
  });

  it('exports the worklist as a workbook', async () => {
    const res = await sh.get('/api/bureau/supervision/records/export?status=verified');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const overdue = await sh.get('/api/bureau/supervision/overdue/export');
    expect(overdue.statusCode, overdue.body).toBe(200);
  });
});
