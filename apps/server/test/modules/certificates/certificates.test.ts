import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CERTIFICATE_COUNTER,
  VERIFICATION_CODE_PATTERN,
  type ApplicationDetail,
  type CertificateSummary,
} from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { adminClient, auditRows, loginOk, registerOk, registrationBody } from '../../helpers/identity';
import { decideOk, officer } from '../../helpers/review';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { addProductOk, completeDraft, enterprise, HS_MONITOR, submitOk } from '../applications/helpers';
import { GD } from '../officers/factories';
import { issuedCertificate, pdfText, squeeze } from './helpers';
import { certificateLetters } from '../../../src/modules/certificates/certificates.service';
import { countersRepository } from '../../../src/modules/counters/counters.repository';

describe(`${describeDb} certificates: issue, view, PDF, access`, () => {
  let t: TestApp;
  let sh: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    sh = await officer(t, 1);
  });
  afterAll(async () => t.close());

  it('批准发证 freezes what the certificate says and numbers it N + bureau prefix + YY + serial', async () => {
    const ent = await enterprise(t, 1);
    const draft = await completeDraft(t, ent);
    await addProductOk(ent, draft.id, {
      productName: '液晶监视器',
      model: 'LCD-27Q',
      hsCode: HS_MONITOR,
      quantity: '3.5',
      unit: '台',
    });
    await addProductOk(ent, draft.id, {
      productName: '伺服电机',
      model: 'SV-200/400V',
      brand: '',
      quantity: '10',
    });
    const app = await submitOk(ent, draft.id);
    await decideOk(sh, app.id, 'accept');
    await decideOk(sh, app.id, 'approve');
    const number = (await ent.get(`/api/applications/${app.id}`)).json<ApplicationDetail>()
      .certificateNumber!;
    const serial = await countersRepository.current(t.database.db, CERTIFICATE_COUNTER, '2026');
    expect(number).toBe(`N310026${String(serial).padStart(6, '0')}`);

    const res = await ent.get(`/api/certificates/${number.toLowerCase()}`);
    expect(res.statusCode, res.body).toBe(200);
    const cert = res.json<CertificateSummary>();
    expect(cert).toMatchObject({
      number,
      status: 'valid',
      version: 'original',
      applicationId: app.id,
      applicationNumber: app.number,
      holderNameZh: '上海测试进出口有限公司1',
      holderNameEn: 'Shanghai Test Import Co. 1',
      bureauCode: '310000',
      bureauName: '上海市市场监督管理局',
      issuedAt: t.clock.now().toISOString(),
      issueDate: '2026-03-02',
      revokedAt: null,
    });
    expect(cert.verificationCode).toMatch(VERIFICATION_CODE_PATTERN);

    const row = await t.database.db
      .selectFrom('certificates')
      .selectAll()
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    const content = JSON.parse(row.content);
    expect(row.base_number).toBe(number.slice(1));
    expect(content.holder).toEqual({
      nameZh: '上海测试进出口有限公司1',
      nameEn: 'Shanghai Test Import Co. 1',
      code: app.organisation.code,
      address: '上海市浦东新区世纪大道100号',
    });
    expect(content.clause).toEqual({ code: '03', nameZh: app.names.clause.name, nameEn: null });
    expect(
      content.products.map((p: { lineNo: number; productName: string; brand: string | null }) => [
        p.lineNo,
        p.productName,
        p.brand,
      ]),
    ).toEqual([
      [1, '空调压缩机', 'ACME'],
      [2, '液晶监视器', 'ACME'],
      [3, '伺服电机', null],
    ]);
    expect(content.products[1]).toMatchObject({
      hsCode: HS_MONITOR,
      model: 'LCD-27Q',
      quantity: '3.5',
      unit: '台',
    });
    expect(content.products[1].hsName).toBeTruthy();

    // The PDF: inline, and the same bytes as an attachment named after the number.
    const inline = await ent.get(`/api/certificates/${number}/pdf`);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toMatch(/^inline; filename="N310026\d{6}\.pdf"/);
    const download = await ent.get(`/api/certificates/${number}/pdf?download=1`);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="${number}.pdf"; filename*=UTF-8''${number}.pdf`,
    );
    expect(Buffer.compare(inline.rawPayload, download.rawPayload)).toBe(0);
    const text = squeeze(pdfText(inline.rawPayload));
    for (const s of [
      '免予办理强制性产品认证证明',
      number,
      '上海测试进出口有限公司1',
      '上海市市场监督管理局',
      cert.verificationCode,
    ]) {
      expect(text).toContain(s);
    }
    for (const p of content.products) expect(text).toContain(squeeze(`${p.productName}${p.model}`));
    expect(text).toContain(`${t.config.publicUrl}/verify`);

    // Later changes to the organisation do not change the certificate.
    t.clock.advance(60_000);
    await t.database.db
      .updateTable('organisations')
      .set({ name_zh: '改名后的公司' })
      .where('id', '=', row.organisation_id)
      .execute();
    const again = await ent.get(`/api/certificates/${number}/pdf`);
    expect(Buffer.compare(again.rawPayload, inline.rawPayload)).toBe(0);
  });

  it('takes the next serial of the year without a gap, and reads the letter from the settings', async () => {
    const before = await countersRepository.current(t.database.db, CERTIFICATE_COUNTER, '2026');
    const first = await issuedCertificate(t, 2, sh);
    expect(first.cert.number).toBe(`N310026${String(before + 1).padStart(6, '0')}`);
    expect(await certificateLetters(t.database.db)).toEqual({ original: 'N', modified: 'M' });
    await t.database.db
      .insertInto('settings')
      .values({ key: 'certificate.letter.original', value: 'e', updated_at: '2026-03-02T00:00:00Z' })
      .execute();
    const second = await issuedCertificate(t, 3, sh);
    expect(second.cert.number).toBe(`E310026${String(before + 2).padStart(6, '0')}`);
    await t.database.db.deleteFrom('settings').where('key', '=', 'certificate.letter.original').execute();
  });

  it('shows a certificate to its organisation, its bureau and administrators only; others get 404, audited', async () => {
    const { ent, cert } = await issuedCertificate(t, 4, sh);
    // A colleague waiting for approval to join the organisation does not see it yet.
    await registerOk(t, registrationBody(4, { username: 'user4b', email: 'user4b@example.com' }));
    const pending = await loginOk(t, 'user4b');
    expect((await pending.get(`/api/certificates/${cert.number}`)).statusCode).toBe(404);

    const other = await enterprise(t, 5);
    const gd = await officer(t, 2, GD);
    const admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
    for (const [who, c, status] of [
      ['holder', ent, 200],
      ['issuing bureau', sh, 200],
      ['administrator', admin, 200],
      ['other organisation', other, 404],
      ['other bureau', gd, 404],
    ] as const) {
      expect((await c.get(`/api/certificates/${cert.number}`)).statusCode, who).toBe(status);
      expect((await c.get(`/api/certificates/${cert.number}/pdf`)).statusCode, who).toBe(status);
    }
    expect((await other.get('/api/certificates/N310026999999')).statusCode).toBe(404);
    expect((await t.client().get(`/api/certificates/${cert.number}`)).statusCode).toBe(401);

    const denied = (await auditRows(t, 'ACCESS_DENIED')).filter((r) => r.entity_type === 'certificate');
    const attempts = denied.map(
      (r) => JSON.parse(r.after_json ?? '{}') as { attempted: string; number: string },
    );
    expect(attempts.filter((a) => a.number === cert.number).map((a) => a.attempted)).toEqual([
      'CERTIFICATE_VIEW',
      'CERTIFICATE_VIEW',
      'CERTIFICATE_PDF',
      'CERTIFICATE_VIEW',
      'CERTIFICATE_PDF',
    ]);
    expect(attempts.some((a) => a.number === 'N310026999999')).toBe(true);
  });

  it('audits the issue on the certificate', async () => {
    const { cert } = await issuedCertificate(t, 6, sh);
    const rows = (await auditRows(t, 'CERTIFICATE_ISSUED')).filter((r) => r.entity_id === cert.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity_type: 'certificate',
      bureau_code: '310000',
      organisation_id: cert.organisationId,
    });
  });
});
