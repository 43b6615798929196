import type { ReferenceImportPreview, ReferenceRowsResponse } from '@ccc/domain';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, testDb, type TestApp } from '../../helpers/build-test-app';
import { adminClient, auditRows } from '../../helpers/identity';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { fixture } from '../../helpers/upload';
import { BASE, csv, rows, upload } from './helpers';

const CLAUSE_HEADER = '条款代码,条款名称,须选二级明细条款,须选申请人类型,须填展示期,排序,启用';

describe(`基础数据管理: imports (preview, row errors, all-or-nothing apply) ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const clauseRows = () => t.database.db.selectFrom('clauses').selectAll().orderBy('code').execute();
  const preview = async (dataset: string, name: string, data: Buffer, edition?: string) => {
    const res = await upload(t, admin, dataset, name, data, edition);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ReferenceImportPreview>();
  };

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => t.close());

  it('previews a valid CSV (nothing written), then applies it in one go, audited with the summary', async () => {
    const before = await clauseRows();
    const file = csv([
      CLAUSE_HEADER,
      '01,为科研、测试和认证检测所需的产品和样品,是,是,否,1,是',
      '02,"维修所需的零部件, 修订",否,是,否,2,是',
      '07,新增的免办条款,否,否,否,7,是',
    ]);
    const p = await preview('clauses', '条款.csv', file);
    expect(p).toMatchObject({
      dataset: 'clauses',
      status: 'previewed',
      canApply: true,
      filename: '条款.csv',
    });
    expect(p.summary).toEqual({ added: 1, changed: 1, unchanged: 1, errors: 0 });
    expect(p.rows.map((r) => [r.line, r.action, r.key])).toEqual([
      [3, 'change', '02'],
      [4, 'add', '07'],
    ]);
    expect(p.rows[0]!.changes).toEqual([
      { column: 'name', before: before.find((c) => c.code === '02')!.name, after: '维修所需的零部件, 修订' },
    ]);
    expect(await clauseRows()).toEqual(before);
    expect((await admin.get(`${BASE}/imports/${p.id}`)).json()).toEqual(p);

    const applied = await admin.post(`${BASE}/imports/${p.id}/apply`);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json<ReferenceImportPreview>()).toMatchObject({ status: 'applied', canApply: false });
    const after = await clauseRows();
    expect(after.find((c) => c.code === '07')).toMatchObject({
      name: '新增的免办条款',
      enabled: 1,
      modified_by_admin: 1,
    });
    expect(after.find((c) => c.code === '02')).toMatchObject({
      name: '维修所需的零部件, 修订',
      modified_by_admin: 1,
    });
    expect(after.find((c) => c.code === '01')).toEqual(before.find((c) => c.code === '01'));
    const audit = (await auditRows(t, 'REFERENCE_IMPORT_APPLIED')).at(-1)!;
    expect(audit.entity_type).toBe('reference:clauses');
    expect(JSON.parse(audit.after_json!).summary).toEqual(p.summary);

    const again = await admin.post(`${BASE}/imports/${p.id}/apply`);
    expect(again.statusCode).toBe(409);
  });

  it('imports an Excel file the same way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('地址类型');
    ws.addRow(['地址类型代码', '地址类型名称', '排序', '启用']);
    ws.addRow(['test_wh', '仓储地址', 5, '是']);
    ws.addRow(['registered', '注册地址（修订）', 1, '是']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const p = await preview('address-types', 'address.xlsx', data);
    expect(p.summary).toEqual({ added: 1, changed: 1, unchanged: 0, errors: 0 });
    expect((await admin.post(`${BASE}/imports/${p.id}/apply`)).statusCode).toBe(200);
    const list = await rows(admin, 'address-types', { pageSize: 100 });
    expect(list.items.find((r) => r.key === 'test_wh')?.values.name).toBe('仓储地址');
    expect(list.items.find((r) => r.key === 'registered')?.values.name).toBe('注册地址（修订）');
  });

  it('lists row errors with their lines in the request language; such a file cannot be applied', async () => {
    const count = async () => (await t.database.db.selectFrom('sub_clauses').selectAll().execute()).length;
    const n = await count();
    const file = csv([
      '二级条款代码,免办条款代码,二级条款名称,排序',
      'new_ok,01,可以导入的一行,9',
      'bad_clause,ZZ,条款不存在,9',
      'no_name,01,,9',
      'new_ok,01,重复的一行,9',
      'bad_sort,01,排序不是数字,abc',
    ]);
    const p = await preview('sub-clauses', 'sub.csv', file);
    expect(p.summary).toEqual({ added: 1, changed: 0, unchanged: 0, errors: 4 });
    expect(p.canApply).toBe(false);
    const errors = p.rows.filter((r) => r.action === 'error');
    expect(errors.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(errors[0]!.errors).toEqual([{ column: 'clause_code', message: '代码不存在：ZZ' }]);
    expect(errors[1]!.errors).toEqual([{ column: 'name', message: '此项为必填项' }]);
    expect(errors[2]!.errors[0]!.message).toBe('与第2行重复');
    expect(errors[3]!.errors).toEqual([{ column: 'sort_order', message: '须为整数' }]);
    expect(p.rows[0]!.action).toBe('error'); // errors first

    admin.lang = 'en-US';
    const en = await preview('sub-clauses', 'sub.csv', file);
    admin.lang = 'zh-CN';
    expect(en.rows[0]!.errors[0]!.message).toBe('No such code: ZZ');

    const res = await admin.post(`${BASE}/imports/${p.id}/apply`);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toContain('错误');
    expect(await count()).toBe(n);
    expect((await admin.get(`${BASE}/imports/${p.id}`)).json<ReferenceImportPreview>().status).toBe(
      'previewed',
    );
  });

  it('names the missing and unknown columns of a wrong header row, and refuses other files', async () => {
    const res = await upload(t, admin, 'clauses', 'x.csv', csv(['条款代码,名称,排序,颜色', '08,x,1,红']));
    expect(res.statusCode).toBe(400);
    const msg = res.json<{ message: string }>().message;
    expect(msg).toContain('缺少的列：条款名称、须选二级明细条款、须选申请人类型、须填展示期');
    expect(msg).toContain('无法识别的列：名称、颜色');
    const pdf = await upload(t, admin, 'clauses', 'x.csv', fixture('sample.pdf'));
    expect(pdf.statusCode).toBe(415);
    const empty = await upload(t, admin, 'clauses', 'x.csv', csv([CLAUSE_HEADER]));
    expect(empty.statusCode).toBe(400);
    expect(
      await t.database.db
        .selectFrom('reference_imports')
        .select('id')
        .where('filename', '=', 'x.csv')
        .execute(),
    ).toEqual([]);
  });

  it('writes nothing when a write fails in the middle of the apply', async () => {
    // A database rule that refuses one update: the apply fails after its inserts ran.
    if (testDb === 'sqlite') {
      await sql`CREATE TRIGGER refuse_boom BEFORE UPDATE ON clauses WHEN NEW.name = 'BOOM'
        BEGIN SELECT RAISE(ABORT, 'boom'); END`.execute(t.database.db);
    } else {
      await sql`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.name = 'BOOM' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END; $$`.execute(
        t.database.db,
      );
      await sql`CREATE TRIGGER refuse_boom BEFORE UPDATE ON clauses FOR EACH ROW EXECUTE FUNCTION refuse_boom()`.execute(
        t.database.db,
      );
    }
    const before = await clauseRows();
    const audits = (await auditRows(t)).length;
    const p = await preview(
      'clauses',
      'boom.csv',
      csv([
        CLAUSE_HEADER,
        'X1,第一条新条款,否,否,否,11,是',
        'X2,第二条新条款,否,否,否,12,是',
        '03,BOOM,否,否,否,3,是',
      ]),
    );
    expect(p.summary).toMatchObject({ added: 2, changed: 1, errors: 0 });
    const res = await admin.post(`${BASE}/imports/${p.id}/apply`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ message: string }>().message).toContain('所有数据均未写入');
    expect(await clauseRows()).toEqual(before);
    expect((await auditRows(t)).length).toBe(audits);
    expect((await admin.get(`${BASE}/imports/${p.id}`)).json<ReferenceImportPreview>().status).toBe(
      'previewed',
    );
  });

  it('refuses an import previewed before another change of the dataset, and a discarded one', async () => {
    const p = await preview(
      'clauses',
      'stale.csv',
      csv([CLAUSE_HEADER, 'S1,预览后过期的条款,否,否,否,21,是']),
    );
    const edit = await admin.put(`${BASE}/clauses/rows/04`, { values: { sort_order: 40 } });
    expect(edit.statusCode, edit.body).toBe(200);
    const res = await admin.post(`${BASE}/imports/${p.id}/apply`);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toContain('重新导入');
    expect((await clauseRows()).some((c) => c.code === 'S1')).toBe(false);

    const d = await admin.delete(`${BASE}/imports/${p.id}`);
    expect(d.statusCode).toBe(200);
    expect(d.json<ReferenceImportPreview>().status).toBe('discarded');
    expect((await admin.post(`${BASE}/imports/${p.id}/apply`)).statusCode).toBe(409);
    expect((await admin.delete(`${BASE}/imports/${p.id}`)).statusCode).toBe(409);
    expect((await admin.get(`${BASE}/imports/nope`)).statusCode).toBe(404);
  });

  it('imports a new HS edition beside the old; switching the edition changes what the picker finds', async () => {
    const header =
      'HS编码,商品名称,第一计量单位代码,第一计量单位,第二计量单位代码,第二计量单位,监管条件,备注,启用';
    const p = await preview(
      'hs-codes',
      'hs2026.csv',
      csv([
        `${header}`,
        '8414301300,新版空调器用压缩机,007,台,035,千克,A,,是',
        '8414309999,新版其他压缩机,007,台,,,,,是',
      ]),
      '2026',
    );
    expect(p).toMatchObject({ edition: '2026', summary: { added: 2, changed: 0, unchanged: 0, errors: 0 } });
    expect((await admin.post(`${BASE}/imports/${p.id}/apply`)).statusCode).toBe(200);

    const ds = (await admin.get(BASE)).json<{
      items: { key: string; editions: string[]; currentEdition: string }[];
    }>();
    expect(ds.items.find((d) => d.key === 'hs-codes')).toMatchObject({
      editions: ['2026', '2020'],
      currentEdition: '2020',
    });
    const of2026 = await rows(admin, 'hs-codes', { edition: '2026' });
    expect(of2026.items.map((r) => r.key)).toEqual(['2026|8414301300', '2026|8414309999']);
    expect((await rows(admin, 'hs-codes', { q: '8414301300' })).items[0]!.values.name_zh).not.toBe(
      '新版空调器用压缩机',
    );

    const search = async () => {
      t.clock.advance(2000);
      const res = await t.client().get('/api/hs-codes?q=8414301300');
      return res
        .json<{ items: { code: string; name: string }[] }>()
        .items.find((i) => i.code === '8414301300')?.name;
    };
    const oldName = await search();
    expect(oldName).toBeTruthy();
    expect(oldName).not.toBe('新版空调器用压缩机');

    const bad = await admin.post(`${BASE}/hs-codes/current-edition`, { edition: '2031' });
    expect(bad.statusCode).toBe(400);
    const sw = await admin.post(`${BASE}/hs-codes/current-edition`, { edition: '2026' });
    expect(sw.statusCode, sw.body).toBe(200);
    expect(sw.json()).toMatchObject({ currentEdition: '2026', rowCount: 2 });
    expect(await search()).toBe('新版空调器用压缩机');
    expect((await auditRows(t, 'REFERENCE_EDITION_SWITCHED')).length).toBe(1);
    const list = await admin.get(`${BASE}/hs-codes/rows`);
    expect(list.json<ReferenceRowsResponse>().edition).toBe('2026');

    expect((await admin.post(`${BASE}/hs-codes/current-edition`, { edition: '2020' })).statusCode).toBe(200);
    expect(await search()).toBe(oldName);
  });
});
