import { expect } from 'vitest';
import type { ApplicationDetail } from '@ccc/domain';
import type { TestApp } from './build-test-app';
import { adminClient, loginOk } from './identity';
import { TEST_ADMIN } from './test-config';
import type { TestClient } from './test-client';
import { completeDraft, enterprise, submitOk } from '../modules/applications/helpers';
import { officerBody, OFFICER_PW, SH } from '../modules/officers/factories';

/** Factories of the review and certificate suites, through the HTTP API as the web app does. */

/**
 * Creates officer n of a bureau (上海 by default) with the administrator's API and logs it in.
 * Officer numbers must be unique within a test app.
 */
export async function officer(t: TestApp, n: number, bureauCode = SH): Promise<TestClient> {
  const admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
  const res = await admin.post('/api/admin/officers', officerBody(n, { bureauCode }));
  expect(res.statusCode, res.body).toBe(201);
  return loginOk(t, `officer${n}`, OFFICER_PW);
}

/**
 * Registers organisation n (上海 浦东新区), and submits a complete clause-03 application of it to
 * 上海市市场监督管理局 (310000). Returns the enterprise's client and the submitted application.
 */
export async function submittedApplication(
  t: TestApp,
  n: number,
  overrides: Record<string, unknown> = {},
): Promise<{ ent: TestClient; app: ApplicationDetail }> {
  const ent = await enterprise(t, n);
  const draft = await completeDraft(t, ent, overrides);
  const app = await submitOk(ent, draft.id);
  return { ent, app };
}

/** POSTs a decision and expects it to succeed. */
export async function decideOk(
  c: TestClient,
  id: string,
  decision: 'accept' | 'return' | 'approve' | 'refuse',
  reason?: string,
) {
  const res = await c.post(`/api/bureau/applications/${id}/${decision}`, reason ? { reason } : {});
  expect(res.statusCode, res.body).toBe(200);
  return res;
}
