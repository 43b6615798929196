import { hsCodeSearchResponseSchema, type HsCategory, type HsCode, type HsCodeDetail } from '@ccc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/database';
import {
  bumpHsCodesVersion,
  findHsCode,
  HS_VERSION_CHECK_MS,
  searchHsCodes,
} from '../../../src/modules/hs-codes/hs-codes.service';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';

const ITEM_KEYS = Object.keys(hsCodeSearchResponseSchema.shape.items.element.shape).sort();

describe(`HS-code search ${describeDb}`, () => {
  let t: TestApp;
  let db: Db;
  beforeAll(async () => {
    t = await buildTestApp();
    db = t.database.db;
  });
  afterAll(async () => t.close());

  const search = async (params: Record<string, string | number>) => {
    const qs = new URLSearchParams(
      Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();
    const res = await t.client().get(`/api/hs-codes?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    // The body is assembled from pre-serialised items: it must be exactly what the schema describes.
    const body = hsCodeSearchResponseSchema.strict().parse(res.json());
    for (const item of body.items) expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
    return body;
  };
  /** Every match of a query, page after page. */
  const searchAll = async (params: Record<string, string | number>) => {
    const items: HsCode[] = [];
    for (let page = 1; ; page++) {
      const r = await search({ ...params, page, pageSize: 100 });
      items.push(...r.items);
      if (items.length >= r.total || r.items.length === 0) return { items, total: r.total };
    }
  };
  const enabledCodes = async (where: (code: string, name: string) => boolean) =>
    (await db.selectFrom('hs_codes').select(['code', 'name_zh']).where('enabled', '=', 1).execute())
      .filter((r) => where(r.code, r.name_zh))
      .map((r) => r.code)
      .sort();

  it('finds codes by a digit prefix, every code of the heading first and in code order', async () => {
    const r = await searchAll({ q: '8501' });
    const heading = await enabledCodes((code) => code.startsWith('8501'));
    expect(heading.length).toBeGreaterThan(10);
    expect(r.items.slice(0, heading.length).map((i) => i.code)).toEqual(heading);
    // Then the codes holding the digits elsewhere, never a code without them.
    for (const item of r.items.slice(heading.length)) {
      expect(`${item.code} ${item.name}`).toContain('8501');
    }
    const first = r.items[0]!;
    expect(first).toMatchObject({
      code: '8501101000',
      name: '输出功率≤37.5W玩具电动机',
      unit1: '台',
      unit2: '千克',
    });
  });

  it('finds codes by partial digits anywhere in the code', async () => {
    const r = await searchAll({ q: '1210010' });
    const expected = await enabledCodes((code) => code.includes('1210010'));
    expect(expected).toContain('0101210010');
    expect(r.items.map((i) => i.code).sort()).toEqual(expected);
    expect(r.total).toBe(expected.length);
  });

  it('treats full-width digits and letters as half-width, and ignores case', async () => {
    const half = await search({ q: '8414519', pageSize: 50 });
    const full = await search({ q: '８４１４５１９', pageSize: 50 });
    expect(full.total).toBe(half.total);
    expect(full.items).toEqual(half.items);
    expect(half.items.map((i) => i.code)).toContain('8414519100');

    // The table writes "125w"; the user types "125W" or "１２５Ｗ".
    for (const q of ['125W', '１２５Ｗ', '125w的台扇']) {
      const r = await search({ q, pageSize: 100 });
      expect(
        r.items.map((i) => i.code),
        q,
      ).toContain('8414519100');
    }
    // Dots as the tariff prints codes: 8501.10 is 850110.
    const dotted = await search({ q: '8501.10', pageSize: 50 });
    expect(dotted.items.length).toBeGreaterThan(0);
    for (const i of dotted.items) expect(`${i.code} ${i.name}`).toContain('850110');
  });

  it('finds Chinese name fragments, names starting with the fragment first and shorter names first', async () => {
    const r = await searchAll({ q: '电动机' });
    const expected = await enabledCodes((_, name) => name.includes('电动机'));
    // Every name holding the fragment is found (category or chapter matches may add more).
    expect(r.items.map((i) => i.code)).toEqual(expect.arrayContaining(expected));
    const names = r.items.map((i) => i.name);
    const prefixed = names.filter((n) => n.startsWith('电动机'));
    expect(prefixed.length).toBeGreaterThan(0);
    expect(names.slice(0, prefixed.length)).toEqual(prefixed);
    for (let i = 1; i < prefixed.length; i++) {
      expect(prefixed[i]!.length).toBeGreaterThanOrEqual(prefixed[i - 1]!.length);
    }
    const others = names.slice(prefixed.length);
    for (let i = 1; i < others.length; i++) {
      expect(others[i]!.length).toBeGreaterThanOrEqual(others[i - 1]!.length);
    }

    const plug = await search({ q: '插头' });
    expect(plug.items.map((i) => i.code)).toContain('8536690000');
    expect(plug.items.find((i) => i.code === '8536690000')?.name).toBe('电压≤1000伏的插头及插座');
  });

  it('answers over HTTP exactly what the search service gives', async () => {
    for (const q of ['电动机', '8501', '其他 零件', '家用']) {
      const viaHttp = await search({ q, page: 2, pageSize: 7 });
      const direct = await searchHsCodes(t.deps, { q, page: 2, pageSize: 7 });
      expect(viaHttp, q).toEqual(direct);
    }
  });

  it('requires every word of the query to match', async () => {
    const r = await searchAll({ q: '8501 微型' });
    expect(r.total).toBeGreaterThan(0);
    for (const i of r.items) {
      expect(`${i.code} ${i.name}`).toContain('8501');
      expect(i.name).toContain('微型');
    }
    expect((await search({ q: '8501 插头' })).total).toBe(0);
  });

  it('shows the CCC category of the provisional mapping, marked provisional, else the chapter name', async () => {
    const fan = (await search({ q: '8414519100' })).items[0]!;
    expect(fan).toMatchObject({
      code: '8414519100',
      category: '家用和类似用途设备',
      categoryProvisional: true,
    });
    const horse = (await search({ q: '0101210010' })).items[0]!;
    expect(horse).toMatchObject({ category: '活动物', categoryProvisional: false });
  });

  it('searches the category: by q and with the category filter', async () => {
    const byQ = await searchAll({ q: '家用和类似用途设备' });
    expect(byQ.items.map((i) => i.code)).toContain('8414519100');
    for (const i of byQ.items) expect(`${i.name} ${i.category}`).toContain('家用和类似用途设备');

    const filtered = await searchAll({ category: '家用和类似' });
    expect(filtered.total).toBe(byQ.items.filter((i) => i.category.includes('家用和类似')).length);
    for (const i of filtered.items) expect(i.category).toContain('家用和类似用途设备');
    // Without q, the category's codes in code order.
    const codes = filtered.items.map((i) => i.code);
    expect(codes).toEqual([...codes].sort());

    const narrowed = await searchAll({ q: '台扇', category: '家用' });
    expect(narrowed.items.map((i) => i.code)).toContain('8414519100');
    for (const i of narrowed.items) expect(i.category).toContain('家用');

    const cats = (await t.client().get('/api/hs-codes/categories')).json<{ items: HsCategory[] }>().items;
    expect(cats.find((c) => c.name === '家用和类似用途设备')).toMatchObject({
      kind: 'ccc',
      provisional: true,
    });
    expect(cats.find((c) => c.name === '活动物')).toMatchObject({ kind: 'chapter', provisional: false });
    const enabled = await enabledCodes(() => true);
    expect(cats.reduce((n, c) => n + c.count, 0)).toBe(enabled.length);
  });

  it('never returns a disabled code (a line whose subheading left HS 2022)', async () => {
    const disabled = await db
      .selectFrom('hs_codes')
      .select(['code', 'name_zh'])
      .where('enabled', '=', 0)
      .execute();
    expect(disabled.length).toBe(372);
    const yogurt = disabled.find((d) => d.code === '0403100000');
    expect(yogurt?.name_zh).toBe('酸乳');
    expect((await search({ q: '0403100000' })).total).toBe(0);
    expect((await searchAll({ q: '酸乳' })).items.map((i) => i.code)).not.toContain('0403100000');
    const all = await searchAll({ q: '04' });
    const offered = new Set(all.items.map((i) => i.code));
    for (const d of disabled) expect(offered.has(d.code)).toBe(false);
    // Without q, every enabled code and only those.
    expect((await search({})).total).toBe((await enabledCodes(() => true)).length);
  });

  it('pages the ranked result with a total', async () => {
    const whole = await search({ q: '其他', pageSize: 60 });
    expect(whole.total).toBeGreaterThan(1000);
    const p1 = await search({ q: '其他', page: 1, pageSize: 20 });
    const p2 = await search({ q: '其他', page: 2, pageSize: 20 });
    const p3 = await search({ q: '其他', page: 3, pageSize: 20 });
    expect([p1, p2, p3].map((p) => p.total)).toEqual([whole.total, whole.total, whole.total]);
    expect([...p1.items, ...p2.items, ...p3.items]).toEqual(whole.items);
    expect(p2).toMatchObject({ page: 2, pageSize: 20 });
    const lastPage = Math.ceil(whole.total / 20);
    const last = await search({ q: '其他', page: lastPage, pageSize: 20 });
    expect(last.items.length).toBe(whole.total - (lastPage - 1) * 20);
    expect((await search({ q: '其他', page: lastPage + 1, pageSize: 20 })).items).toEqual([]);

    const bad = await t.client().get(`/api/hs-codes?pageSize=500`);
    expect(bad.statusCode).toBe(400);
    const long = await t.client().get(`/api/hs-codes?q=${'8'.repeat(101)}`);
    expect(long.statusCode).toBe(400);
  });

  it('ranks the exact code first, then codes starting with the digits, then the rest', async () => {
    const exact = await search({ q: '8501101000' });
    expect(exact.items[0]?.code).toBe('8501101000');
    // 0101: the live-horse heading first, then codes holding 0101 further on (0101301010 …).
    const r = await searchAll({ q: '0101' });
    const prefixed = r.items.filter((i) => i.code.startsWith('0101')).length;
    expect(prefixed).toBeGreaterThan(0);
    expect(r.items.length).toBeGreaterThan(prefixed);
    expect(r.items.slice(0, prefixed).every((i) => i.code.startsWith('0101'))).toBe(true);
    expect(r.items.slice(prefixed).some((i) => i.code.includes('0101'))).toBe(true);
  });

  it('rebuilds the index after the data version changes, checking at most once a second', async () => {
    // Warm the index, then change a name behind its back.
    expect((await search({ q: '8536690000' })).items[0]?.name).toBe('电压≤1000伏的插头及插座');
    await db
      .updateTable('hs_codes')
      .set({ name_zh: '电压≤1000伏的插头及插座（测试改名）' })
      .where('code', '=', '8536690000')
      .execute();
    t.clock.advance(HS_VERSION_CHECK_MS + 1);
    // Without a version bump the index is still the old one: the version is what instances watch.
    expect((await search({ q: '测试改名' })).total).toBe(0);

    await bumpHsCodesVersion(db, t.clock);
    // Within the second after the last check, the instance has not asked yet.
    expect((await search({ q: '测试改名' })).total).toBe(0);
    t.clock.advance(HS_VERSION_CHECK_MS + 1);
    const renamed = await search({ q: '测试改名' });
    expect(renamed.items.map((i) => i.code)).toEqual(['8536690000']);

    // Disabling a code, with the bump inside the same transaction, takes it out of the results.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('hs_codes').set({ enabled: 0 }).where('code', '=', '8536690000').execute();
      await bumpHsCodesVersion(trx, t.clock);
    });
    t.clock.advance(HS_VERSION_CHECK_MS + 1);
    expect((await search({ q: '插头' })).items.map((i) => i.code)).not.toContain('8536690000');

    // A reload of the reference data (a new loaded_at) is seen the same way.
    await db
      .updateTable('hs_codes')
      .set({ enabled: 1, name_zh: '电压≤1000伏的插头及插座' })
      .where('code', '=', '8536690000')
      .execute();
    await db
      .updateTable('reference_data_versions')
      .set({ loaded_at: t.clock.now().toISOString() })
      .where('dataset', '=', 'hs_codes')
      .execute();
    t.clock.advance(HS_VERSION_CHECK_MS + 1);
    expect((await search({ q: '插头' })).items.map((i) => i.code)).toContain('8536690000');
  });

  it('looks one code up for the applications module, enabled or not', async () => {
    const fan = await findHsCode(t.deps, '8414519100');
    expect(fan).toMatchObject({
      code: '8414519100',
      nameZh: '功率≤125w的台扇',
      unit1: '台',
      unit1Code: '001',
      unit2: '千克',
      unit2Code: '035',
      categoryKind: 'ccc',
      enabled: true,
      category: '家用和类似用途设备',
      categoryProvisional: true,
    });
    expect(await findHsCode(t.deps, '0403100000')).toMatchObject({ nameZh: '酸乳', enabled: false });
    expect(await findHsCode(t.deps, '9999999999')).toBeUndefined();

    const res = await t.client().get('/api/hs-codes/0101210010');
    expect(res.statusCode).toBe(200);
    expect(res.json<HsCodeDetail>()).toMatchObject({
      code: '0101210010',
      name: '改良种用濒危野马',
      category: '活动物',
      categoryKind: 'chapter',
      enabled: true,
    });
    expect((await t.client().get('/api/hs-codes/9999999999')).statusCode).toBe(404);
  });
});
