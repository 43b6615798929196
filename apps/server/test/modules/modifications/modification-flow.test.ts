import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApplicationDetail,
  BureauModificationList,
  CertificateSummary,
  ModificationReview,
  VerificationResult,
} from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows, freshClient, mailsTo } from '../../helpers/identity';
import { officer } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { issuedCertificate, pdfText, squeeze } from '../certificates/helpers';
import { bodyFrom, modDecideOk, saveOk, stateOf, submitModOk } from './helpers';

describe(`${describeDb} 申请修改证明 (certificate modification): the flow`, () => {
  let t: TestApp;
  let sh: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    sh = await officer(t, 1);
  });
  afterAll(async () => t.close());

  it('save → submit → return → correct → resubmit → approve: M version, original superseded, verification, PDFs, mails, history', async () => {
    const { ent, app, cert } = await issuedCertificate(t, 1, sh);
    expect(cert.number.startsWith('N')).toBe(true);

    const initial = await stateOf(ent, cert.number);
    expect(initial).toMatchObject({ request: null, allowed: true, blockedReason: null });
    expect(initial.certificate.number).toBe(cert.number);
    expect(initial.current.products.length).toBeGreaterThan(0);
    const line = initial.current.products[0]!;

    // 保存 a draft changing the address and the quantity of line 1.
    const draft = await saveOk(
      ent,
      cert.number,
      bodyFrom(initial, (b) => {
        b.holder.address = '上海市浦东新区张江路88号';
        b.products[0]!.quantity = '1.5';
      }),
    );
    expect(draft).toMatchObject({
      status: 'draft',
      certificateNumber: cert.number,
      baseNumber: cert.number.slice(1),
      newCertificateNumber: null,
      submittedAt: null,
    });
    expect(draft.changes.products[0]!.quantity).toBe('1.5');

    // A draft is not the bureau's business yet.
    const emptyList = (await sh.get('/api/bureau/modifications')).json<BureauModificationList>();
    expect(emptyList.total).toBe(0);
    expect((await sh.get(`/api/bureau/modifications/${draft.id}`)).statusCode).toBe(404);

    const submitted = await submitModOk(ent, cert.number);
    expect(submitted.status).toBe('submitted');
    expect((await stateOf(ent, cert.number)).blockedReason).toBe('pending');
    // Nothing changes while the bureau holds it.
    const whilePending = await ent.put(`/api/certificates/${cert.number}/modification`, bodyFrom(initial));
    expect(whilePending.statusCode).toBe(409);

    const list = (await sh.get('/api/bureau/modifications?status=submitted')).json<BureauModificationList>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      id: draft.id,
      certificateNumber: cert.number,
      status: 'submitted',
      organisationName: '上海测试进出口有限公司1',
    });

    // 退回 with a reason; the enterprise corrects and sends it again.
    const returned = await modDecideOk(sh, draft.id, 'return', '请同时修改产品型号');
    expect(returned.request).toMatchObject({ status: 'returned', returnReason: '请同时修改产品型号' });
    expect(await stateOf(ent, cert.number)).toMatchObject({ allowed: true, blockedReason: null });
    await saveOk(
      ent,
      cert.number,
      bodyFrom(initial, (b) => {
        b.holder.address = '上海市浦东新区张江路88号';
        b.products[0]!.quantity = '1.5';
        b.products[0]!.model = 'QXA-B999';
      }),
    );
    const resubmitted = await submitModOk(ent, cert.number);
    expect(resubmitted.status).toBe('submitted');

    // The officer's comparison: only the changed fields.
    const review = (await sh.get(`/api/bureau/modifications/${draft.id}`)).json<ModificationReview>();
    expect(review.comparison).toEqual([
      {
        field: 'holder.address',
        label: { zh: '地址', en: 'Address' },
        before: initial.current.holder.address,
        after: '上海市浦东新区张江路88号',
      },
      {
        field: `products.${line.lineNo}.model`,
        label: { zh: `产品${line.lineNo} 型号/规格`, en: `Product ${line.lineNo} Model / specification` },
        before: line.model,
        after: 'QXA-B999',
      },
      {
        field: `products.${line.lineNo}.quantity`,
        label: { zh: `产品${line.lineNo} 数量`, en: `Product ${line.lineNo} Quantity` },
        before: line.quantity,
        after: '1.5',
      },
    ]);
    expect(review.before.holder.address).toBe(initial.current.holder.address);
    expect(review.after.products[0]).toMatchObject({
      model: 'QXA-B999',
      quantity: '1.5',
      hsCode: line.hsCode,
    });

    // 批准: the M version with the same 12 characters.
    const approved = await modDecideOk(sh, draft.id, 'approve');
    const newNumber = `M${cert.number.slice(1)}`;
    expect(approved.request).toMatchObject({ status: 'approved', newCertificateNumber: newNumber });
    expect(approved.certificate).toMatchObject({ number: newNumber, version: 'modified', status: 'valid' });

    const oldCert = (await ent.get(`/api/certificates/${cert.number}`)).json<CertificateSummary>();
    expect(oldCert.status).toBe('superseded');
    const newCert = (await ent.get(`/api/certificates/${newNumber}`)).json<CertificateSummary>();
    expect(newCert).toMatchObject({ status: 'valid', version: 'modified', applicationId: app.id });
    expect(newCert.verificationCode).not.toBe(cert.verificationCode);

    const anyone = freshClient(t);
    const vOld = (await anyone.get(`/api/verify/${cert.number}`)).json<VerificationResult>();
    expect(vOld).toMatchObject({ found: true, status: 'superseded', supersededBy: newNumber });
    const vNew = (
      await anyone.get(`/api/verify/${newNumber}?code=${newCert.verificationCode}`)
    ).json<VerificationResult>();
    expect(vNew).toMatchObject({ found: true, status: 'valid', version: 'modified', supersededBy: null });
    expect(vNew.products![0]).toMatchObject({ model: 'QXA-B999', quantity: '1.5' });

    // Both PDFs stay downloadable; the new one says 修改版本 and carries the change.
    const oldPdf = await ent.get(`/api/certificates/${cert.number}/pdf?download=1`);
    expect(oldPdf.statusCode).toBe(200);
    expect(squeeze(pdfText(oldPdf.rawPayload))).toContain('已被修改版本取代');
    const newPdf = await ent.get(`/api/certificates/${newNumber}/pdf?download=1`);
    expect(newPdf.statusCode).toBe(200);
    const newText = squeeze(pdfText(newPdf.rawPayload));
    expect(newText).toContain('修改版本');
    expect(newText).toContain(newNumber);
    expect(newText).toContain('QXA-B999');
    expect(newText).toContain('张江路88号');

    // The application points at the current number; its history shows the modification.
    const detail = (await ent.get(`/api/applications/${app.id}`)).json<ApplicationDetail>();
    expect(detail.certificateNumber).toBe(newNumber);
    const actions = detail.history.map((h) => h.action);
    expect(actions).toEqual(
      expect.arrayContaining(['MODIFICATION_SUBMITTED', 'MODIFICATION_RETURNED', 'MODIFICATION_APPROVED']),
    );
    expect(detail.history.find((h) => h.action === 'MODIFICATION_RETURNED')?.reason).toBe(
      '请同时修改产品型号',
    );
    const certAudits = (await auditRows(t)).filter(
      (r) => r.entity_type === 'certificate' && r.action.startsWith('MODIFICATION_'),
    );
    expect(certAudits.map((r) => r.action)).toEqual([
      'MODIFICATION_CREATED',
      'MODIFICATION_SUBMITTED',
      'MODIFICATION_RETURNED',
      'MODIFICATION_UPDATED',
      'MODIFICATION_SUBMITTED',
      'MODIFICATION_APPROVED',
    ]);
    expect((await auditRows(t, 'CERTIFICATE_SUPERSEDED')).map((r) => r.entity_id)).toEqual([cert.id]);

    // The state now: the modified version is current and the single chance is used.
    const after = await stateOf(ent, newNumber);
    expect(after).toMatchObject({ allowed: false, blockedReason: 'used' });
    expect(after.certificate.number).toBe(newNumber);
    expect(after.current.products[0]!.quantity).toBe('1.5');
    expect((await stateOf(ent, cert.number)).blockedReason).toBe('used');

    // Mails to the organisation's users: returned (with the reason), approved (with the new number).
    const mails = await mailsTo(t, 'user1@example.com');
    const returnedMail = mails.find((m) => m.subject.includes('证明修改申请已被退回'));
    expect(returnedMail?.text).toContain('请同时修改产品型号');
    const approvedMail = mails.find((m) => m.subject.includes('证明修改申请已批准'));
    expect(approvedMail?.subject).toContain(newNumber);
    expect(approvedMail?.text).toContain(cert.number);
  });

  it('不予修改 is final; the list filters by status', async () => {
    const { ent, cert } = await issuedCertificate(t, 2, sh);
    const state = await stateOf(ent, cert.number);
    const req = await saveOk(
      ent,
      cert.number,
      bodyFrom(state, (b) => (b.holder.nameEn = 'New Name Ltd.')),
    );
    await submitModOk(ent, cert.number);
    const refused = await modDecideOk(sh, req.id, 'refuse', '变更依据不足');
    expect(refused.request).toMatchObject({ status: 'refused', refuseReason: '变更依据不足' });
    expect(refused.certificate).toMatchObject({ number: cert.number, status: 'valid' });
    expect(await stateOf(ent, cert.number)).toMatchObject({ allowed: false, blockedReason: 'used' });

    const refusedList = (
      await sh.get('/api/bureau/modifications?status=refused')
    ).json<BureauModificationList>();
    expect(refusedList.items.map((i) => i.certificateNumber)).toEqual([cert.number]);
    const mail = (await mailsTo(t, 'user2@example.com')).find((m) => m.subject.includes('不予修改'));
    expect(mail?.text).toContain('变更依据不足');
  });
});
