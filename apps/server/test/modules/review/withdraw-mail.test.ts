import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { adminClient, readMails } from '../../helpers/identity';
import { submittedApplication } from '../../helpers/review';
import { TEST_ADMIN } from '../../helpers/test-config';
import { GD, officerBody } from '../officers/factories';
import { officer } from './helpers';

/** DOMAIN.md: 撤回 before acceptance, "with the bureau told": its active officers get a mail. */
describe(`withdrawal tells the bureau ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await officer(t, 1);
    await officer(t, 2);
    await officer(t, 4, GD);
    // A disabled officer of the same bureau.
    const admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
    const created = await admin.post('/api/admin/officers', officerBody(3));
    expect(created.statusCode, created.body).toBe(201);
    const disabled = await admin.post(`/api/admin/officers/${created.json<{ id: string }>().id}/status`, {
      status: 'disabled',
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
  });
  afterAll(async () => t.close());

  it('mails every active officer of the accepting bureau, and no one else', async () => {
    const { ent, app } = await submittedApplication(t, 1);
    const res = await ent.post(`/api/applications/${app.id}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);

    const mails = (await readMails(t)).filter((m) => m.subject.includes(`撤回（${app.number}）`));
    expect(mails.map((m) => m.to).sort()).toEqual(['officer1@samr.example.cn', 'officer2@samr.example.cn']);
    const mail = mails.find((m) => m.to.includes('officer1@'))!;
    expect(mail.subject).toContain(`CCC免办申请已被申请单位撤回（${app.number}）`);
    expect(mail.subject).toContain('withdrawn by the applicant');
    expect(mail.text).toContain('李审核1，您好');
    expect(mail.text).toContain(`上海测试进出口有限公司1已于 2026-03-02 10:00 撤回`);
    expect(mail.text).toContain(app.number);
  });

  it('sends nothing when the withdrawal is refused', async () => {
    const { ent, app } = await submittedApplication(t, 2);
    expect((await ent.post(`/api/applications/${app.id}/withdraw`)).statusCode).toBe(200);
    const before = (await readMails(t)).length;
    // Already a draft: nothing to withdraw.
    expect((await ent.post(`/api/applications/${app.id}/withdraw`)).statusCode).toBe(409);
    expect((await readMails(t)).length).toBe(before);
  });
});
