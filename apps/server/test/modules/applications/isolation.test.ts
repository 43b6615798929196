import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail, ApplicationListResponse, Product } from '@ccc/domain';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { auditRows, login, registerOk, registrationBody, userId } from '../../helpers/identity';
import type { TestClient } from '../../helpers/test-client';
import { applicationBody, completeDraft, enterprise, productBody, submitOk } from './helpers';

/**
 * SPEC §1: no user sees or changes another organisation's applications. Every attempt, made with the
 * other party's REAL ids, is answered "not found" and leaves an ACCESS_DENIED audit row.
 */
describe(`application isolation ${describeDb}`, () => {
  let t: TestApp;
  let owner: TestClient;
  let intruder: TestClient;
  let draft: ApplicationDetail;
  let submitted: ApplicationDetail;
  let product: Product;

  beforeAll(async () => {
    t = await buildTestApp();
    owner = await enterprise(t, 1);
    intruder = await enterprise(t, 2);
    draft = await completeDraft(t, owner);
    product = (await owner.get(`/api/applications/${draft.id}`)).json<ApplicationDetail>().products[0]!;
    submitted = await completeDraft(t, owner);
    await submitOk(owner, submitted.id);
  });
  afterAll(async () => t.close());

  const denied = async (attempted: string, targetId: string) =>
    (await auditRows(t, 'ACCESS_DENIED')).filter(
      (r) => r.entity_id === targetId && JSON.parse(r.after_json ?? '{}').attempted === attempted,
    );

  it('answers every attempt on another organisation’s application as not found, and audits it', async () => {
    const intruderId = await userId(t, 'user2');
    const attempts: [string, string, () => Promise<{ statusCode: number; body: string }>][] = [
      ['APPLICATION_VIEW', draft.id, () => intruder.get(`/api/applications/${draft.id}`)],
      [
        'APPLICATION_UPDATE',
        draft.id,
        () => intruder.put(`/api/applications/${draft.id}`, applicationBody({ contractNo: 'X' })),
      ],
      ['APPLICATION_DELETE', draft.id, () => intruder.delete(`/api/applications/${draft.id}`)],
      ['APPLICATION_SUBMIT', draft.id, () => intruder.post(`/api/applications/${draft.id}/submit`)],
      [
        'APPLICATION_WITHDRAW',
        submitted.id,
        () => intruder.post(`/api/applications/${submitted.id}/withdraw`),
      ],
      ['PRODUCT_ADD', draft.id, () => intruder.post(`/api/applications/${draft.id}/products`, productBody())],
      [
        'PRODUCT_UPDATE',
        draft.id,
        () =>
          intruder.put(
            `/api/applications/${draft.id}/products/${product.id}`,
            productBody({ quantity: '99' }),
          ),
      ],
      [
        'PRODUCT_DELETE',
        draft.id,
        () => intruder.delete(`/api/applications/${draft.id}/products/${product.id}`),
      ],
      ['APPLICATION_VIEW', draft.id, () => intruder.get(`/api/applications/${draft.id}/attachments`)],
    ];
    for (const [attempted, target, attempt] of attempts) {
      const before = (await denied(attempted, target)).length;
      const res = await attempt();
      expect(res.statusCode, `${attempted}: ${res.body}`).toBe(404);
      expect(res.body).not.toContain(draft.number);
      const rows = await denied(attempted, target);
      expect(rows.length, attempted).toBe(before + 1);
      const row = rows.at(-1)!;
      expect(row.actor_user_id).toBe(intruderId);
      expect(JSON.parse(row.after_json!).targetOrganisationId).toBe(draft.organisation.id);
    }
    // nothing changed
    const d = (await owner.get(`/api/applications/${draft.id}`)).json<ApplicationDetail>();
    expect(d.status).toBe('draft');
    expect(d.fields.contractNo).toBeNull();
    expect(d.products.map((p) => p.quantity)).toEqual(['2']);
    expect((await owner.get(`/api/applications/${submitted.id}`)).json<ApplicationDetail>().status).toBe(
      'submitted',
    );
    // and the history the owner sees holds none of those attempts
    expect(d.history.map((h) => h.action)).not.toContain('ACCESS_DENIED');
  });

  it('answers an unknown id the same way', async () => {
    const res = await intruder.get('/api/applications/no-such-application');
    expect(res.statusCode).toBe(404);
    expect(await denied('APPLICATION_VIEW', 'no-such-application')).toHaveLength(1);
  });

  it('keeps the list, the export and 历史查询 to the organisation’s own', async () => {
    const list = (await intruder.get('/api/applications')).json<ApplicationListResponse>();
    expect(list.items).toEqual([]);
    expect(
      (await intruder.get(`/api/applications?number=${draft.number}`)).json<ApplicationListResponse>().total,
    ).toBe(0);
    const res = await intruder.get('/api/applications/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(1); // the header only
    expect((await intruder.get('/api/applications/hs-history')).json<{ total: number }>().total).toBe(0);
    expect((await owner.get('/api/applications')).json<ApplicationListResponse>().total).toBe(2);
  });

  it('shows nothing to a user still waiting to join the organisation', async () => {
    const body = registrationBody(21, {
      orgCode: registrationBody(1).orgCode,
      username: 'waiting1',
      email: 'waiting1@example.com',
    });
    await registerOk(t, body);
    const { c, res } = await login(t, 'waiting1');
    expect(res.statusCode).toBe(200);
    for (const r of [
      await c.get('/api/applications'),
      await c.get(`/api/applications/${draft.id}`),
      await c.post('/api/applications', applicationBody()),
      await c.get('/api/applications/export'),
    ]) {
      expect(r.statusCode).toBe(403);
      expect(r.body).not.toContain(draft.number);
    }
  });

  it('lets every active user of the organisation manage its applications', async () => {
    const body = registrationBody(31, {
      orgCode: registrationBody(1).orgCode,
      username: 'member1',
      email: 'member1@example.com',
    });
    await registerOk(t, body);
    const id = await userId(t, 'member1');
    expect(
      (await owner.post(`/api/organisation/members/${id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(200);
    const { c } = await login(t, 'member1');
    expect((await c.get(`/api/applications/${draft.id}`)).statusCode).toBe(200);
    const res = await c.put(`/api/applications/${draft.id}`, applicationBody({ contractNo: 'HT-member' }));
    expect(res.statusCode).toBe(200);
    const updated = (await auditRows(t, 'APPLICATION_UPDATED'))
      .filter((r) => r.entity_id === draft.id)
      .at(-1)!;
    expect(updated.actor_username).toBe('member1');
  });
});
