import type { ReferenceDatasetListResponse, ReferenceRow } from '@ccc/domain';
import { referenceDatasetKeys } from '@ccc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { adminClient, auditRows } from '../../helpers/identity';
import { TEST_ADMIN } from '../../helpers/test-config';
import type { TestClient } from '../../helpers/test-client';
import { fieldPaths } from '../applications/helpers';
import { BASE, createRowOk, rowUrl, rows, samples } from './helpers';

describe(`基础数据管理: list, search, create, edit, enable, disable ${describeDb}`, () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await adminClient(t, TEST_ADMIN.username, TEST_ADMIN.password);
  });
  afterAll(async () => t.close());

  it('describes the 12 datasets with their columns, editions and row counts', async () => {
    const res = await admin.get(BASE);
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json<ReferenceDatasetListResponse>();
    expect(items.map((d) => d.key)).toEqual([...referenceDatasetKeys]);
    const hs = items.find((d) => d.key === 'hs-codes')!;
    expect(hs).toMatchObject({ name: 'HS编码', hasEditions: true, hasEnabled: true, currentEdition: '2020' });
    expect(hs.editions).toEqual(['2020']);
    expect(hs.rowCount).toBeGreaterThan(5000);
    expect(hs.columns.find((c) => c.key === 'ccc_category')).toMatchObject({ editable: false });
    expect(hs.columns.find((c) => c.key === 'code')).toMatchObject({ isKey: true, required: true });
    const clauses = items.find((d) => d.key === 'clauses')!;
    expect(clauses.rowCount).toBe(6);
    expect(items.find((d) => d.key === 'calendar-days')).toMatchObject({
      hasEnabled: false,
      hasEditions: false,
    });
    const bureaus = items.find((d) => d.key === 'bureaus')!;
    expect(bureaus.columns.find((c) => c.key === 'divisions')).toMatchObject({ type: 'list' });
    expect(bureaus.columns.find((c) => c.key === 'level')?.options).toContain('province');
    for (const d of items) expect(d.rowCount, d.key).toBeGreaterThan(0);
  });

  it('pages, filters and searches HS codes by code prefix and name, with the derived CCC category', async () => {
    const byPrefix = await rows(admin, 'hs-codes', { q: '841430', pageSize: 100 });
    expect(byPrefix.edition).toBe('2020');
    expect(byPrefix.total).toBeGreaterThan(0);
    expect(byPrefix.items.every((r) => String(r.values.code).startsWith('841430'))).toBe(true);
    const compressor = byPrefix.items.find((r) => r.values.code === '8414301300')!;
    expect(compressor.key).toBe('2020|8414301300');
    expect(typeof compressor.values.ccc_category).toBe('string');
    expect(String(compressor.values.ccc_category).length).toBeGreaterThan(0);

    const byName = await rows(admin, 'hs-codes', { q: '压缩机' });
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((r) => String(r.values.name_zh).includes('压缩机'))).toBe(true);

    const page2 = await rows(admin, 'hs-codes', { page: 2, pageSize: 10 });
    expect(page2.items).toHaveLength(10);
    expect(page2.page).toBe(2);
    const disabled = await rows(admin, 'hs-codes', { enabled: 'disabled', pageSize: 100 });
    expect(disabled.total).toBeGreaterThan(0);
    expect(disabled.items.every((r) => !r.enabled)).toBe(true);
    // LIKE wildcards in the query are plain characters.
    expect((await rows(admin, 'hs-codes', { q: '无此_商品%' })).total).toBe(0);
  });

  it('searches the other datasets by key and name, case-insensitively', async () => {
    expect((await rows(admin, 'clauses', { q: '科研' })).items.map((r) => r.key)).toEqual(['01']);
    expect((await rows(admin, 'sub-clauses', { q: 'RESEARCH' })).items.map((r) => r.key)).toContain(
      'research',
    );
    const sh = await rows(admin, 'bureaus', { q: '上海' });
    expect(sh.items.map((r) => r.key)).toContain('310000');
    expect(sh.items.find((r) => r.key === '310000')!.values.divisions).toContain('310000');
    expect((await rows(admin, 'calendar-days', { q: '国庆' })).total).toBeGreaterThan(0);
  });

  for (const dataset of referenceDatasetKeys) {
    it(`${dataset}: creates, refuses a duplicate, edits, disables and enables, each audited`, async () => {
      const s = samples[dataset]!;
      const created = await createRowOk(admin, dataset, s.values);
      expect(created.modifiedByAdmin).toBe(true);
      expect(created.enabled).toBe(true);
      for (const [k, v] of Object.entries(s.values)) expect(created.values[k], k).toEqual(v);

      const dup = await admin.post(`${BASE}/${dataset}/rows`, { values: s.values });
      expect(dup.statusCode, dup.body).toBe(409);
      expect(dup.json<{ message: string }>().message).toContain('已存在');

      const found = await rows(admin, dataset, { q: s.q });
      expect(found.items.map((r) => r.key)).toContain(created.key);

      const edited = await admin.put(rowUrl(dataset, created.key), { values: s.edit });
      expect(edited.statusCode, edited.body).toBe(200);
      const after = edited.json<ReferenceRow>();
      for (const [k, v] of Object.entries(s.edit)) expect(after.values[k], k).toEqual(v);
      // Untouched columns keep their values.
      const untouched = Object.keys(s.values).filter((k) => !(k in s.edit));
      for (const k of untouched) expect(after.values[k], k).toEqual(s.values[k]);

      const audits = (await auditRows(t)).filter((a) => a.entity_type === `reference:${dataset}`);
      expect(audits.map((a) => a.action)).toEqual(['REFERENCE_ROW_CREATED', 'REFERENCE_ROW_UPDATED']);
      expect(JSON.parse(audits[1]!.before_json!).values).toMatchObject(s.values);

      if (dataset === 'calendar-days') {
        const res = await admin.post(`${rowUrl(dataset, created.key)}/disable`);
        expect(res.statusCode).toBe(409);
        return;
      }
      const off = await admin.post(`${rowUrl(dataset, created.key)}/disable`);
      expect(off.statusCode, off.body).toBe(200);
      expect(off.json<ReferenceRow>().enabled).toBe(false);
      expect(
        (await rows(admin, dataset, { q: s.q, enabled: 'enabled' })).items.map((r) => r.key),
      ).not.toContain(created.key);
      const on = await admin.post(`${rowUrl(dataset, created.key)}/enable`);
      expect(on.json<ReferenceRow>().enabled).toBe(true);
      const actions = (await auditRows(t))
        .filter((a) => a.entity_type === `reference:${dataset}`)
        .map((a) => a.action);
      expect(actions.slice(-2)).toEqual(['REFERENCE_ROW_DISABLED', 'REFERENCE_ROW_ENABLED']);
    });

    it(`${dataset}: a row without a required value is refused per column, and nothing changes`, async () => {
      const s = samples[dataset]!;
      const before = await rows(admin, dataset, { pageSize: 1 });
      const audits = (await auditRows(t)).length;
      const values = { ...s.values, [s.missing]: '' };
      if (dataset === 'calendar-days') values.date = '2026-12-15';
      const res = await admin.post(`${BASE}/${dataset}/rows`, { values });
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldPaths(res)).toContain(s.missing);
      expect((await rows(admin, dataset, { pageSize: 1 })).total).toBe(before.total);
      expect((await auditRows(t)).length).toBe(audits);
    });
  }

  it('checks types, lengths, options and the codes a row names', async () => {
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['hs-codes', { code: '12345', name_zh: 'x' }, ['code']],
      ['clauses', { code: '98', name: 'x'.repeat(201), sort_order: 'abc' }, ['name', 'sort_order']],
      ['sub-clauses', { code: 'sub_x', clause_code: 'ZZ', name: '未知条款的二级' }, ['clause_code']],
      [
        'bureaus',
        {
          code: '310199',
          name: '某局',
          level: 'galaxy',
          parent_code: 'nope',
          divisions: ['999999'],
          accept_days: 9,
          decide_days: 5,
        },
        ['level'],
      ],
      [
        'bureaus',
        {
          code: '310199',
          name: '某局',
          level: 'city',
          parent_code: 'nope',
          divisions: ['999999'],
          accept_days: 9,
          decide_days: 5,
        },
        ['parent_code', 'divisions', 'decide_days'],
      ],
      [
        'clause-attachment-requirements',
        { attachment_type_code: 'nothing', clause_code: '02', sub_clause_code: 'research' },
        ['attachment_type_code', 'sub_clause_code'],
      ],
      ['calendar-days', { date: '2026-12-12', kind: 'holiday', name: '周六假日' }, ['kind']],
      ['calendar-days', { date: '2026-12-14', kind: 'workday', name: '周一调休' }, ['kind']],
      ['calendar-days', { date: '2026-02-30', kind: 'holiday', name: '无此日' }, ['date']],
    ];
    for (const [dataset, values, paths] of cases) {
      const before = (await rows(admin, dataset)).total;
      const res = await admin.post(`${BASE}/${dataset}/rows`, { values });
      expect(res.statusCode, `${dataset} ${res.body}`).toBe(400);
      expect(fieldPaths(res).sort(), dataset).toEqual([...paths].sort());
      expect((await rows(admin, dataset)).total).toBe(before);
    }
    const unknownRow = await admin.put(rowUrl('clauses', 'nope'), { values: { name: 'x' } });
    expect(unknownRow.statusCode).toBe(404);
    expect((await admin.get(`${BASE}/no-such-dataset/rows`)).statusCode).toBe(404);
  });

  it('keeps the key columns of an edited row', async () => {
    const res = await admin.put(rowUrl('clauses', '02'), {
      values: { code: '77', name: '维修所需零部件（改）' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ReferenceRow>()).toMatchObject({
      key: '02',
      values: { code: '02', name: '维修所需零部件（改）' },
    });
  });
});
