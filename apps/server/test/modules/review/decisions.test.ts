import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows, mailsTo } from '../../helpers/identity';
import { decideOk, submittedApplication } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { createOk } from '../applications/helpers';
import { GD } from '../officers/factories';
import { acceptedApplication, applicationRow, enterpriseView, type Envelope, officer } from './helpers';

/** SPEC §4: 受理, 退回, 批准发证, 不予免办 — by role, scope and state, each audited and mailed. */
describe(`review decisions ${describeDb}`, () => {
  let t: TestApp;
  let sh: TestClient;
  let gd: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    sh = await officer(t, 1);
    gd = await officer(t, 2, GD);
  });
  afterAll(async () => t.close());

  const decisionRows = async (id: string) =>
    (await auditRows(t)).filter(
      (r) => r.entity_id === id && /^APPLICATION_(ACCEPTED|RETURNED|APPROVED|REFUSED)$/.test(r.action),
    );

  it('refuses the bureau endpoints to an enterprise user (403) and to nobody logged in (401)', async () => {
    const { ent, app } = await submittedApplication(t, 1);
    for (const res of [
      await ent.get('/api/bureau/inbox'),
      await ent.get('/api/bureau/applications'),
      await ent.get('/api/bureau/applications/export'),
      await ent.get(`/api/bureau/applications/${app.id}`),
      await ent.post(`/api/bureau/applications/${app.id}/accept`),
      await ent.post(`/api/bureau/applications/${app.id}/return`, { reason: '自己退回' }),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
    }
    const anonymous = t.client();
    await anonymous.refreshSession();
    expect((await anonymous.get('/api/bureau/inbox')).statusCode).toBe(401);
    expect((await anonymous.post(`/api/bureau/applications/${app.id}/accept`)).statusCode).toBe(401);
    expect((await applicationRow(t, app.id)).status).toBe('submitted');
  });

  it('answers another bureau’s officer 404 and audits the attempt', async () => {
    const { app } = await submittedApplication(t, 2);
    const before = (await auditRows(t, 'ACCESS_DENIED')).length;
    expect((await gd.get(`/api/bureau/applications/${app.id}`)).statusCode).toBe(404);
    const res = await gd.post(`/api/bureau/applications/${app.id}/accept`);
    expect(res.statusCode).toBe(404);
    expect(res.json<Envelope>().code).toBe('NOT_FOUND');
    expect(
      (await gd.post(`/api/bureau/applications/${app.id}/return`, { reason: '不属本局' })).statusCode,
    ).toBe(404);
    const denied = (await auditRows(t, 'ACCESS_DENIED')).slice(before);
    expect(denied).toHaveLength(3);
    for (const row of denied) {
      expect(row.entity_id).toBe(app.id);
      expect(row.actor_username).toBe('officer2');
    }
    expect((await applicationRow(t, app.id)).status).toBe('submitted');
    expect(await decisionRows(app.id)).toHaveLength(0);
  });

  it('answers 404 (audited) for a draft and for an unknown id', async () => {
    const { ent } = await submittedApplication(t, 3);
    const draft = await createOk(ent);
    const unknown = 'x'.repeat(26);
    const before = (await auditRows(t, 'ACCESS_DENIED')).length;
    for (const id of [draft.id, unknown]) {
      expect((await sh.get(`/api/bureau/applications/${id}`)).statusCode).toBe(404);
      expect((await sh.post(`/api/bureau/applications/${id}/accept`)).statusCode).toBe(404);
    }
    const denied = (await auditRows(t, 'ACCESS_DENIED')).slice(before);
    expect(denied.map((r) => r.entity_id)).toEqual([draft.id, draft.id, unknown, unknown]);
    expect((await applicationRow(t, draft.id)).status).toBe('draft');
  });

  it('受理: 待受理 → 审核中, audited, mailed; a second 受理 is 409', async () => {
    const { ent, app } = await submittedApplication(t, 4);
    const detail = (await decideOk(sh, app.id, 'accept')).json<{
      application: { status: string; actions: string[] };
    }>();
    expect(detail.application.status).toBe('under_review');
    expect(detail.application.actions).toEqual(['view', 'return', 'approve', 'refuse']);
    const row = await applicationRow(t, app.id);
    expect(row.accepted_at).toBe(t.clock.now().toISOString());

    const again = await sh.post(`/api/bureau/applications/${app.id}/accept`);
    expect(again.statusCode).toBe(409);
    expect(again.json<Envelope>().code).toBe('DECISION_CONFLICT');

    const audit = await decisionRows(app.id);
    expect(audit.map((r) => r.action)).toEqual(['APPLICATION_ACCEPTED']);
    expect(audit[0]!.actor_username).toBe('officer1');
    expect(audit[0]!.bureau_code).toBe('310000');
    expect(audit[0]!.organisation_id).toBe(app.organisation.id);
    // The enterprise's history shows it.
    const seen = await enterpriseView(ent, app.id);
    expect(seen.status).toBe('under_review');
    expect(seen.history.at(-1)).toMatchObject({ action: 'APPLICATION_ACCEPTED', actorUsername: 'officer1' });

    const mails = await mailsTo(t, 'user4@example.com');
    const accepted = mails.filter((m) => m.subject.includes('CCC免办申请已受理'));
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.text).toContain(app.number);
    expect(accepted[0]!.text).toContain('上海市市场监督管理局');
    expect(accepted[0]!.text).toContain(`/portal/applications/${app.id}`);
  });

  it('refuses decisions the state does not allow with 409, changing nothing', async () => {
    const { app } = await submittedApplication(t, 5);
    for (const [decision, body] of [
      ['approve', {}],
      ['refuse', { reason: '材料不全' }],
    ] as const) {
      const res = await sh.post(`/api/bureau/applications/${app.id}/${decision}`, body);
      expect(res.statusCode, decision).toBe(409);
      expect(res.json<Envelope>().code).toBe('DECISION_CONFLICT');
    }
    const row = await applicationRow(t, app.id);
    expect([row.status, row.decided_at, row.refuse_reason, row.certificate_number]).toEqual([
      'submitted',
      null,
      null,
      null,
    ]);
    expect(await decisionRows(app.id)).toHaveLength(0);
  });

  it('refuses a decision made on a state the officer no longer sees (expectedStatus)', async () => {
    const { app } = await acceptedApplication(t, 12, sh);
    // Seen as 待受理, now 审核中: 退回 would be allowed from there, but not on what this officer saw.
    const stale = await sh.post(`/api/bureau/applications/${app.id}/return`, {
      reason: '材料不全',
      expectedStatus: 'submitted',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Envelope>().code).toBe('DECISION_CONFLICT');
    expect((await applicationRow(t, app.id)).status).toBe('under_review');
    const seen = await sh.post(`/api/bureau/applications/${app.id}/return`, {
      reason: '材料不全',
      expectedStatus: 'under_review',
    });
    expect(seen.statusCode, seen.body).toBe(200);
    expect((await applicationRow(t, app.id)).status).toBe('returned');
  });

  it('needs a reason for 退回 and 不予免办 (400 naming the field), changing nothing', async () => {
    const { app } = await acceptedApplication(t, 6, sh);
    for (const decision of ['return', 'refuse']) {
      for (const body of [{}, { reason: '   ' }]) {
        const res = await sh.post(`/api/bureau/applications/${app.id}/${decision}`, body);
        expect(res.statusCode, `${decision} ${JSON.stringify(body)}`).toBe(400);
        const envelope = res.json<Envelope>();
        expect(envelope.code).toBe('VALIDATION_FAILED');
        expect(envelope.fields.map((f) => f.path)).toEqual(['reason']);
      }
    }
    const blank = await sh.post(`/api/bureau/applications/${app.id}/refuse`, { reason: '' });
    expect(blank.json<Envelope>().fields[0]!.message).toBe('请填写理由');
    const row = await applicationRow(t, app.id);
    expect([row.status, row.return_reason, row.refuse_reason]).toEqual(['under_review', null, null]);
    expect((await decisionRows(app.id)).map((r) => r.action)).toEqual(['APPLICATION_ACCEPTED']);
  });

  it('退回 from 待受理 and from 审核中: the reason reaches the enterprise, in the record, history and mail', async () => {
    const first = await submittedApplication(t, 7);
    const second = await acceptedApplication(t, 8, sh);
    for (const [{ ent, app }, n] of [
      [first, 7],
      [second, 8],
    ] as const) {
      const reason = `发票号与合同不一致（${n}）`;
      const detail = (await decideOk(sh, app.id, 'return', reason)).json<{
        application: { status: string; returnReason: string };
        clock: { withBureau: number; overdue: boolean; decideDueOn: string | null };
      }>();
      expect(detail.application.status).toBe('returned');
      expect(detail.application.returnReason).toBe(reason);
      expect(detail.clock).toMatchObject({ withBureau: 0, overdue: false, decideDueOn: null });
      const row = await applicationRow(t, app.id);
      expect(row.returned_at).toBe(t.clock.now().toISOString());
      const seen = await enterpriseView(ent, app.id);
      expect(seen.returnReason).toBe(reason);
      expect(seen.actions).toContain('submit');
      expect(seen.history.at(-1)).toMatchObject({ action: 'APPLICATION_RETURNED', reason });
      const audit = await decisionRows(app.id);
      expect(JSON.parse(audit.at(-1)!.after_json!)).toMatchObject({ status: 'returned', reason });
      const mails = (await mailsTo(t, `user${n}@example.com`)).filter((m) => m.subject.includes('被退回'));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain(`退回理由：${reason}`);
      expect(mails[0]!.text).toContain(`Reason: ${reason}`);
      // Nothing more to decide while the enterprise holds it.
      expect((await sh.post(`/api/bureau/applications/${app.id}/accept`)).statusCode).toBe(409);
    }
  });

  it('不予免办 is final: reason recorded and mailed, no decision after it', async () => {
    const { ent, app } = await acceptedApplication(t, 9, sh);
    const reason = '产品不属于生产线配套设备';
    const detail = (await decideOk(sh, app.id, 'refuse', reason)).json<{
      application: { status: string; refuseReason: string; actions: string[] };
      clock: unknown;
    }>();
    expect(detail.application).toMatchObject({ status: 'refused', refuseReason: reason, actions: ['view'] });
    expect(detail.clock).toBeNull();
    expect((await applicationRow(t, app.id)).decided_at).toBe(t.clock.now().toISOString());
    for (const [decision, body] of [
      ['accept', {}],
      ['return', { reason: '再退回' }],
      ['approve', {}],
      ['refuse', { reason: '再拒绝' }],
    ] as const) {
      const res = await sh.post(`/api/bureau/applications/${app.id}/${decision}`, body);
      expect(res.statusCode, decision).toBe(409);
    }
    expect((await enterpriseView(ent, app.id)).refuseReason).toBe(reason);
    const mails = (await mailsTo(t, 'user9@example.com')).filter((m) => m.subject.includes('不予免办'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`不予免办理由：${reason}`);
    expect((await decisionRows(app.id)).map((r) => r.action)).toEqual([
      'APPLICATION_ACCEPTED',
      'APPLICATION_REFUSED',
    ]);
  });

  it('批准发证 issues the certificate in the same step and mails its links', async () => {
    const { ent, app } = await acceptedApplication(t, 10, sh);
    const detail = (await decideOk(sh, app.id, 'approve')).json<{
      application: { status: string; certificateNumber: string; actions: string[] };
      certificate: { number: string; status: string; applicationId: string; bureauCode: string };
    }>();
    const number = detail.application.certificateNumber;
    expect(number).toMatch(/^N310026\d{6}$/);
    expect(detail.application.status).toBe('issued');
    expect(detail.certificate).toMatchObject({
      number,
      status: 'valid',
      applicationId: app.id,
      bureauCode: '310000',
    });
    const row = await applicationRow(t, app.id);
    expect([row.status, row.certificate_number, row.decided_at]).toEqual([
      'issued',
      number,
      t.clock.now().toISOString(),
    ]);
    expect((await enterpriseView(ent, app.id)).certificateNumber).toBe(number);
    expect((await sh.post(`/api/bureau/applications/${app.id}/approve`)).statusCode).toBe(409);
    const certificates = await t.database.db
      .selectFrom('certificates')
      .select('number')
      .where('application_id', '=', app.id)
      .execute();
    expect(certificates.map((c) => c.number)).toEqual([number]);

    const audit = await decisionRows(app.id);
    expect(audit.map((r) => r.action)).toEqual(['APPLICATION_ACCEPTED', 'APPLICATION_APPROVED']);
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ status: 'issued', certificateNumber: number });
    const mails = (await mailsTo(t, 'user10@example.com')).filter((m) => m.subject.includes('证明已签发'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(number);
    expect(mails[0]!.text).toContain(`${t.config.publicUrl}/portal/applications/${app.id}`);
    expect(mails[0]!.text).toContain(`${t.config.publicUrl}/verify/${number}`);
  });

  it('a case the enterprise withdrew is gone from the bureau (404), and can come back', async () => {
    const { ent, app } = await submittedApplication(t, 11);
    expect((await ent.post(`/api/applications/${app.id}/withdraw`)).statusCode).toBe(200);
    expect((await sh.post(`/api/bureau/applications/${app.id}/accept`)).statusCode).toBe(404);
    expect((await ent.post(`/api/applications/${app.id}/submit`)).statusCode).toBe(200);
    await decideOk(sh, app.id, 'accept');
    expect((await applicationRow(t, app.id)).status).toBe('under_review');
  });
});
