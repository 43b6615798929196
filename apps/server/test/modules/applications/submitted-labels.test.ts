import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail, ApplicationListResponse } from '@ccc/domain';
import type { CertificateContent } from '../../../src/modules/certificates/certificate-content';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { decideOk, officer, submittedApplication } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import { completeDraft, enterprise } from './helpers';

/**
 * Issue 6: reference data changed by the administrator never alters an application already submitted.
 * The names are frozen at submission; a draft keeps following the reference data.
 */
describe(`names an application was submitted with ${describeDb}`, () => {
  let t: TestApp;
  let ent: TestClient;
  let submitted: ApplicationDetail;
  let draft: ApplicationDetail;
  let sh: TestClient;
  let oldClause: string;
  let oldBureau: string;

  beforeAll(async () => {
    t = await buildTestApp();
    ({ ent, app: submitted } = await submittedApplication(t, 1));
    draft = await completeDraft(t, ent);
    sh = await officer(t, 1);
    oldClause = submitted.names.clause.name!;
    oldBureau = submitted.names.bureau;
    // The administrator renames the clause and the bureau (the reference-data console does the same UPDATE).
    await t.deps.db
      .updateTable('clauses')
      .set({ name: '改名后的条款', modified_by_admin: 1 })
      .where('code', '=', '03')
      .execute();
    await t.deps.db
      .updateTable('bureaus')
      .set({ name: '改名后的局', modified_by_admin: 1 })
      .where('code', '=', '310000')
      .execute();
  });
  afterAll(async () => t.close());

  const detail = async (id: string, c: TestClient = ent) =>
    (await c.get(`/api/applications/${id}`)).json<ApplicationDetail>();

  it('the submitted application keeps its names in the detail, the list and the bureau search', async () => {
    expect(oldClause).not.toBe('改名后的条款');
    const d = await detail(submitted.id);
    expect(d.names.clause).toEqual({ code: '03', name: oldClause });
    expect(d.names.bureau).toBe(oldBureau);
    const list = (await ent.get('/api/applications')).json<ApplicationListResponse>();
    const row = list.items.find((i) => i.id === submitted.id)!;
    expect(row.clauseName).toBe(oldClause);
    expect(row.bureauName).toBe(oldBureau);
    const search = (await sh.get(`/api/bureau/applications?number=${submitted.number}`)).json<{
      items: { id: string; clauseName: string }[];
    }>();
    expect(search.items.find((i) => i.id === submitted.id)?.clauseName).toBe(oldClause);
  });

  it('a draft shows the current names, and takes them on when it is submitted', async () => {
    const d = await detail(draft.id);
    expect(d.names.clause.name).toBe('改名后的条款');
    expect(d.names.bureau).toBe('改名后的局');
  });

  it('the certificate says what the application was submitted with', async () => {
    await decideOk(sh, submitted.id, 'accept');
    await decideOk(sh, submitted.id, 'approve');
    const row = await t.deps.db
      .selectFrom('certificates')
      .select('content')
      .where('application_id', '=', submitted.id)
      .executeTakeFirstOrThrow();
    const content = JSON.parse(row.content) as CertificateContent;
    expect(content.clause.nameZh).toBe(oldClause);
    expect(content.bureau.name).toBe(oldBureau);
  });

  it('a new submission freezes the names of that moment', async () => {
    const c2 = await enterprise(t, 2);
    const d2 = await completeDraft(t, c2);
    const res = await c2.post(`/api/applications/${d2.id}/submit`, {});
    expect(res.statusCode, res.body).toBe(200);
    await t.deps.db.updateTable('clauses').set({ name: '再次改名' }).where('code', '=', '03').execute();
    expect((await detail(d2.id, c2)).names.clause.name).toBe('改名后的条款');
  });
});
