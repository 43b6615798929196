import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail, CertificateSummary, VerificationResult } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { adminClient, auditRows, freshClient, mailsTo } from '../../helpers/identity';
import { officer } from '../../helpers/review';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { GD } from '../officers/factories';
import { reloginOfficer, reloginUser } from '../review/helpers';
import { issuedCertificate, pdfText, squeeze } from './helpers';

describe(`${describeDb} 撤销 (revocation)`, () => {
  let t: TestApp;
  let sh: TestClient;
  let sh2: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    sh = await officer(t, 1);
    sh2 = await officer(t, 2);
  });
  afterAll(async () => t.close());

  const revoke = (c: TestClient, number: string, body: Record<string, unknown>) =>
    c.post(`/api/bureau/certificates/${number}/revoke`, body);

  it('the issuing bureau revokes with a reason: verification says 已撤销 at once, history and mail tell why', async () => {
    const issued = await issuedCertificate(t, 1, sh);
    const { app, cert } = issued;
    // Three days later (the sessions have expired meanwhile: everyone logs in again).
    t.clock.advance(3 * 24 * 3600_000);
    [sh, sh2] = [await reloginOfficer(t, 1), await reloginOfficer(t, 2)];
    const ent = await reloginUser(t, 1);
    const reason = '经查，申请材料中的进口合同系伪造（《强制性产品认证管理规定》第五十二条）。';
    const res = await revoke(sh2, cert.number, { reason: `  ${reason}  ` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CertificateSummary>()).toMatchObject({
      number: cert.number,
      status: 'revoked',
      revokedAt: t.clock.now().toISOString(),
      revokeReason: reason,
    });

    const v = (await freshClient(t).get(`/api/verify/${cert.number}`)).json<VerificationResult>();
    expect([v.found, v.status, v.revokedOn]).toEqual([true, 'revoked', '2026-03-05']);

    // The application stays 已发证; its history shows the revocation with the reason.
    const detail = (await ent.get(`/api/applications/${app.id}`)).json<ApplicationDetail>();
    expect(detail.status).toBe('issued');
    expect(detail.history.at(-1)).toMatchObject({
      action: 'CERTIFICATE_REVOKED',
      reason,
      actorUsername: 'officer2',
    });
    const audits = (await auditRows(t, 'CERTIFICATE_REVOKED')).map((r) => ({
      type: r.entity_type,
      id: r.entity_id,
      bureau: r.bureau_code,
      org: r.organisation_id,
      after: JSON.parse(r.after_json ?? '{}') as { reason: string },
    }));
    expect(audits).toEqual([
      {
        type: 'certificate',
        id: cert.id,
        bureau: '310000',
        org: cert.organisationId,
        after: expect.objectContaining({ reason, status: 'revoked' }),
      },
      {
        type: 'application',
        id: app.id,
        bureau: '310000',
        org: cert.organisationId,
        after: expect.objectContaining({ reason }),
      },
    ]);

    const mails = (await mailsTo(t, 'user1@example.com')).filter((m) => m.subject.includes('撤销'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(cert.number);
    expect(mails[0]!.text).toContain(`撤销理由：${reason}`);
    expect(mails[0]!.text).toContain(`${t.config.publicUrl}/verify/${cert.number}`);

    // The PDF now carries the mark across every page.
    const pdf = await ent.get(`/api/certificates/${cert.number}/pdf`);
    expect(squeeze(pdfText(pdf.rawPayload))).toContain('已撤销REVOKED2026-03-05');

    // Once revoked, never again.
    const again = await revoke(sh, cert.number, { reason: '重复撤销' });
    expect([again.statusCode, again.json<{ code: string }>().code]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('needs a reason', async () => {
    const { cert } = await issuedCertificate(t, 2, sh);
    for (const body of [{}, { reason: '' }, { reason: '   ' }]) {
      const res = await revoke(sh, cert.number, body);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ code: string; fields: { path: string }[] }>()).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'reason' }],
      });
    }
    const v = (await freshClient(t).get(`/api/verify/${cert.number}`)).json<VerificationResult>();
    expect(v.status).toBe('valid');
  });

  it('only an officer of the issuing bureau: another bureau gets 404 (audited), others 403', async () => {
    const { ent, cert } = await issuedCertificate(t, 3, sh);
    const gd = await officer(t, 3, GD);
    const other = await revoke(gd, cert.number, { reason: '越权' });
    expect(other.statusCode).toBe(404);
    const denied = (await auditRows(t, 'ACCESS_DENIED')).filter((r) => r.entity_id === cert.id);
    const attempted = denied.map(
      (r) => (JSON.parse(r.after_json ?? '{}') as { attempted: string }).attempted,
    );
    expect(attempted).toEqual(['CERTIFICATE_REVOKE']);
    const admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
    expect((await revoke(ent, cert.number, { reason: '自行撤销' })).statusCode).toBe(403);
    expect((await revoke(admin, cert.number, { reason: '管理员撤销' })).statusCode).toBe(403);
    expect((await revoke(sh, 'N310026999999', { reason: '不存在' })).statusCode).toBe(404);
    const v = (await freshClient(t).get(`/api/verify/${cert.number}`)).json<VerificationResult>();
    expect(v.status).toBe('valid');
  });

  it('a superseded certificate cannot be revoked; of two officers revoking at once, one wins', async () => {
    const superseded = await issuedCertificate(t, 4, sh);
    await t.database.db
      .updateTable('certificates')
      .set({ status: 'superseded', superseded_at: t.clock.now().toISOString() })
      .where('id', '=', superseded.cert.id)
      .execute();
    const res = await revoke(sh, superseded.cert.number, { reason: '已被取代' });
    expect([res.statusCode, res.json<{ code: string }>().code]).toEqual([409, 'INVALID_TRANSITION']);

    const { cert } = await issuedCertificate(t, 5, sh);
    const both = await Promise.all([
      revoke(sh, cert.number, { reason: '甲' }),
      revoke(sh2, cert.number, { reason: '乙' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = (await auditRows(t, 'CERTIFICATE_REVOKED')).filter((r) => r.entity_id === cert.id);
    expect(rows).toHaveLength(1);
    expect((await mailsTo(t, 'user5@example.com')).filter((m) => m.subject.includes('撤销'))).toHaveLength(1);
  });
});
