import type { ReferenceDatasetListResponse, ReferenceImportPreview } from '@ccc/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { adminClient } from '../../helpers/identity';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { BASE, createRowOk, upload } from './helpers';

describe(`基础数据管理: export, and the exported file imported back changes nothing ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let datasets: ReferenceDatasetListResponse['items'];

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
    // Rows an administrator made: a disabled one, a list column, an empty optional value.
    await createRowOk(admin, 'bureaus', {
      code: '440300',
      name: '深圳市市场监督管理局',
      level: 'city',
      parent_code: '440000',
      address: '深圳市福田区, "某"路1号',
      accept_days: 2,
      decide_days: 5,
      divisions: ['440300', '440305'],
    });
    expect((await admin.post(`${BASE}/clauses/rows/06/disable`)).statusCode).toBe(200);
    datasets = (await admin.get(BASE)).json<ReferenceDatasetListResponse>().items;
  });
  afterAll(async () => t.close());

  it('exports CSV with a BOM, the Chinese headers and the dataset name in Content-Disposition', async () => {
    const res = await admin.get(`${BASE}/hs-codes/export?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('HS编码-2020.csv')}`,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.rawPayload.toString('utf8').slice(1);
    const [header, first] = text.split('\r\n');
    expect(header).toBe(
      'HS编码,商品名称,第一计量单位代码,第一计量单位,第二计量单位代码,第二计量单位,监管条件,备注,CCC产品类别,启用',
    );
    expect(first!.startsWith('0101210010,改良种用濒危野马,035,千克,009,头,AFEB,,')).toBe(true);
    const xlsx = await admin.get(`${BASE}/bureaus/export?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('机构代码');
    const sz = ws.getColumn(1).values.indexOf('440300');
    expect(ws.getRow(sz).getCell(9).value).toBe('440300;440305');
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`every dataset: export as ${format}, import → 0 added, 0 changed, 0 errors`, async () => {
      for (const ds of datasets) {
        const exported = await admin.get(`${BASE}/${ds.key}/export?format=${format}`);
        expect(exported.statusCode, ds.key).toBe(200);
        const res = await upload(t, admin, ds.key, `${ds.key}.${format}`, exported.rawPayload);
        expect(res.statusCode, `${ds.key}: ${res.body.slice(0, 300)}`).toBe(201);
        const p = res.json<ReferenceImportPreview>();
        expect(p.rows.slice(0, 3), ds.key).toEqual([]);
        expect(p.summary, ds.key).toEqual({ added: 0, changed: 0, unchanged: ds.rowCount, errors: 0 });
        expect(p.canApply).toBe(false);
      }
    });
  }
});
