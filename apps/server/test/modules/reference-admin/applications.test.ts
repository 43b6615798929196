import type { ApplicationDetail } from '@ccc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { adminClient } from '../../helpers/identity';
import { submittedApplication } from '../../helpers/review';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import {
  addProductOk,
  applicationBody,
  createOk,
  fieldPaths,
  HS_COMPRESSOR,
  productBody,
} from '../applications/helpers';
import { rowUrl } from './helpers';

describe(`基础数据管理: disabling a clause or an HS code leaves existing applications as they are ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => t.close());

  it('a disabled clause: the submitted application still names it; a new application cannot choose it', async () => {
    const { ent, app } = await submittedApplication(t, 1);
    expect(app.fields.clauseCode).toBe('03');
    const name = app.names.clause.name!;
    expect(name).toBeTruthy();
    const res = await admin.post(`${rowUrl('clauses', '03')}/disable`);
    expect(res.statusCode, res.body).toBe(200);
    // Renamed too: the submitted application keeps the name it was submitted with.
    const renamed = await admin.put(rowUrl('clauses', '03'), { values: { name: '改名后的条款03' } });
    expect(renamed.statusCode, renamed.body).toBe(200);

    const detail = (await ent.get(`/api/applications/${app.id}`)).json<ApplicationDetail>();
    expect(detail.status).toBe(app.status);
    expect(detail.fields.clauseCode).toBe('03');
    expect(detail.names.clause).toEqual(app.names.clause);
    const list = await ent.get('/api/applications');
    expect(list.body).toContain(name);

    const refused = await ent.post('/api/applications', applicationBody({ clauseCode: '03' }));
    expect(refused.statusCode).toBe(400);
    expect(fieldPaths(refused)).toContain('clauseCode');
    // Enabled again, it can be chosen again.
    expect((await admin.post(`${rowUrl('clauses', '03')}/enable`)).statusCode).toBe(200);
    await createOk(ent);
  });

  it('a disabled HS code: the product line keeps it; adding it to a product is refused', async () => {
    const { ent, app } = await submittedApplication(t, 2);
    const draft = await createOk(ent);
    const line = await addProductOk(ent, draft.id);
    expect(line.hsCode).toBe(HS_COMPRESSOR);
    const res = await admin.post(`${rowUrl('hs-codes', `2020|${HS_COMPRESSOR}`)}/disable`);
    expect(res.statusCode, res.body).toBe(200);

    const submitted = (await ent.get(`/api/applications/${app.id}`)).json<ApplicationDetail>();
    expect(submitted.products.map((p) => p.hsCode)).toEqual(app.products.map((p) => p.hsCode));
    expect(submitted.products[0]).toEqual(app.products[0]);
    const still = (await ent.get(`/api/applications/${draft.id}`)).json<ApplicationDetail>();
    expect(still.products.map((p) => p.hsCode)).toEqual([HS_COMPRESSOR]);

    const refused = await ent.post(`/api/applications/${draft.id}/products`, productBody());
    expect(refused.statusCode).toBe(400);
    expect(fieldPaths(refused)).toContain('hsCode');
    t.clock.advance(2000);
    const picker = await t.client().get(`/api/hs-codes?q=${HS_COMPRESSOR}`);
    expect(picker.json<{ items: { code: string }[] }>().items.map((i) => i.code)).not.toContain(
      HS_COMPRESSOR,
    );
  });
});
