import { expect } from 'vitest';
import type { ModificationRequest, ModificationReview, ModificationState } from '@ccc/domain';
import type { TestApp } from '../../helpers/build-test-app';
import { loginOk, registerOk, registrationBody, userId } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';

/** Factories of the modification suite, through the HTTP API as the web app does. */

export const stateOf = async (c: TestClient, number: string): Promise<ModificationState> => {
  const res = await c.get(`/api/certificates/${number}/modification`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ModificationState>();
};

/** A body that keeps everything as the certificate states it, with `edit` applied. */
export function bodyFrom(
  state: ModificationState,
  edit: (b: {
    holder: { nameZh: string; nameEn: string | null; address: string };
    products: {
      lineNo: number;
      productName: string;
      model: string;
      brand: string | null;
      quantity: string;
      unit: string;
    }[];
    reason: string;
  }) => void = () => {},
) {
  const body = {
    holder: { ...state.current.holder },
    products: state.current.products.map((p) => ({
      lineNo: p.lineNo,
      productName: p.productName,
      model: p.model,
      brand: p.brand,
      quantity: p.quantity,
      unit: p.unit,
    })),
    reason: '进口合同变更，实际到货数量与证明不一致。',
  };
  edit(body);
  return body;
}

export async function saveOk(
  c: TestClient,
  number: string,
  body: Record<string, unknown>,
): Promise<ModificationRequest> {
  const res = await c.put(`/api/certificates/${number}/modification`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ModificationRequest>();
}

export async function submitModOk(c: TestClient, number: string): Promise<ModificationRequest> {
  const res = await c.post(`/api/certificates/${number}/modification/submit`, {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ModificationRequest>();
}

export async function modDecideOk(
  c: TestClient,
  id: string,
  decision: 'approve' | 'return' | 'refuse',
  reason?: string,
): Promise<ModificationReview> {
  const res = await c.post(`/api/bureau/modifications/${id}/${decision}`, reason ? { reason } : {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ModificationReview>();
}

/** A second active user (username `user${m}`) of organisation n, approved by `first`. */
export async function secondMember(t: TestApp, n: number, m: number, first: TestClient): Promise<TestClient> {
  await registerOk(t, registrationBody(n, { username: `user${m}`, email: `user${m}@example.com` }));
  const id = await userId(t, `user${m}`);
  const res = await first.post(`/api/organisation/members/${id}/decision`, { decision: 'approve' });
  expect(res.statusCode, res.body).toBe(200);
  return loginOk(t, `user${m}`);
}
