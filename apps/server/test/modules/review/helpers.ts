import { expect } from 'vitest';
import type { ApplicationDetail, ReviewDetail } from '@ccc/domain';
import type { TestApp } from '../../helpers/build-test-app';
import { adminClient, loginOk, PASSWORD } from '../../helpers/identity';
import { decideOk, submittedApplication } from '../../helpers/review';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { completeDraft, enterprise, submitOk } from '../applications/helpers';
import { officerBody, OFFICER_PW, SH } from '../officers/factories';

/** Local factories of the review suites. */

export type Envelope = { code: string; message: string; fields: { path: string; message: string }[] };

export async function reviewOf(c: TestClient, id: string): Promise<ReviewDetail> {
  const res = await c.get(`/api/bureau/applications/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ReviewDetail>();
}

/** The application as its enterprise sees it. */
export async function enterpriseView(c: TestClient, id: string): Promise<ApplicationDetail> {
  const res = await c.get(`/api/applications/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ApplicationDetail>();
}

/**
 * Creates officer n of a bureau (上海 by default) with the administrator's API (201) and logs it in.
 * Officer numbers must be unique within a test app.
 */
export async function officer(t: TestApp, n: number, bureauCode = SH): Promise<TestClient> {
  const admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
  const res = await admin.post('/api/admin/officers', officerBody(n, { bureauCode }));
  expect(res.statusCode, res.body).toBe(201);
  return loginOk(t, `officer${n}`, OFFICER_PW);
}

/** Organisation n's application, submitted to 上海 and accepted by `officer`. */
export async function acceptedApplication(t: TestApp, n: number, officer: TestClient) {
  const { ent, app } = await submittedApplication(t, n);
  await decideOk(officer, app.id, 'accept');
  return { ent, app };
}

/** Organisation n in 深圳 南山区, applying to 广东省市场监督管理局 (440000). */
export async function guangdongApplication(t: TestApp, n: number) {
  const ent = await enterprise(t, n, { divisionCode: '440305', orgAddress: '深圳市南山区科技园1号' });
  const draft = await completeDraft(t, ent, {
    locationDivisionCode: '440305',
    locationAddress: '深圳市南山区科技园1号',
    useDivisionCode: '440305',
    useAddress: '深圳市南山区科技园1号 车间',
    bureauCode: '440000',
  });
  return { ent, app: await submitOk(ent, draft.id) };
}

/** A new session after the clock moved past the idle timeout. */
export const reloginOfficer = (t: TestApp, n: number) => loginOk(t, `officer${n}`, OFFICER_PW);
export const reloginUser = (t: TestApp, n: number) => loginOk(t, `user${n}`, PASSWORD);

/** Application row columns the tests check directly. */
export async function applicationRow(t: TestApp, id: string) {
  return t.database.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
