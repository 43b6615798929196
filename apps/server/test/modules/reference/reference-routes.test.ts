import type { Bureau, Clause, DivisionNode } from '@ccc/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/database';
import {
  divisionPath,
  findBureau,
  findDivision,
  listBureaus,
} from '../../../src/modules/reference/reference.service';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { dataLines, divisionLines, files } from './shipped-files';

const walk = (nodes: DivisionNode[], visit: (n: DivisionNode, depth: number) => void, depth = 1) => {
  for (const n of nodes) {
    visit(n, depth);
    if (n.children) walk(n.children, visit, depth + 1);
  }
};
const find = (nodes: DivisionNode[] | undefined, code: string) => nodes?.find((n) => n.code === code);

describe(`reference routes ${describeDb}`, () => {
  let t: TestApp;
  let db: Db;
  beforeAll(async () => {
    t = await buildTestApp();
    db = t.database.db;
  });
  afterAll(async () => t.close());

  describe('GET /api/reference/divisions', () => {
    it('returns province → city → county without the statistical grouping rows', async () => {
      const res = await t.client().get('/api/reference/divisions');
      expect(res.statusCode).toBe(200);
      const { items } = res.json<{ items: DivisionNode[] }>();
      const lines = divisionLines();
      expect(items.length).toBe(lines.filter((l) => l[2] === '1').length);

      const placeholders = new Set(lines.filter((l) => l[6] === 'placeholder').map((l) => l[0]));
      const shown = new Set(lines.filter((l) => l[6] !== 'placeholder').map((l) => l[0]));
      const seen: string[] = [];
      let deepest = 0;
      walk(items, (n, depth) => {
        seen.push(n.code);
        deepest = Math.max(deepest, depth);
        expect(placeholders.has(n.code)).toBe(false);
        if (n.children) expect(n.children.length).toBeGreaterThan(0);
      });
      expect(seen.length).toBe(shown.size);
      expect(new Set(seen).size).toBe(seen.length);
      expect(deepest).toBe(3);

      const gd = find(items, '440000');
      const sz = find(gd?.children, '440300');
      expect(sz?.name).toBe('深圳市');
      expect(find(sz?.children, '440305')).toEqual({ code: '440305', name: '南山区' });
      // 市辖区 (110100) is collapsed: 东城区 hangs from 北京市.
      expect(find(find(items, '110000')?.children, '110101')?.name).toBe('东城区');
      // 东莞 has no county-level divisions: a leaf at the city level.
      expect(find(gd?.children, '441900')).toEqual({ code: '441900', name: '东莞市' });
      // 石河子市 under 新疆 (its grouping row 659000 collapsed).
      expect(find(find(items, '650000')?.children, '659001')?.name).toBe('石河子市');
    });

    it('is cacheable: Cache-Control, an ETag and 304 on If-None-Match', async () => {
      const c = t.client();
      const first = await c.get('/api/reference/divisions');
      expect(first.headers['cache-control']).toContain('max-age=');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"div-[0-9a-f]+"$/);
      const again = await c.get('/api/reference/divisions', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const other = await c.get('/api/reference/divisions', { 'if-none-match': '"div-0"' });
      expect(other.statusCode).toBe(200);
    });

    it('follows a change to the divisions: new ETag, disabled rows hidden with their subtree', async () => {
      const c = t.client();
      const before = await c.get('/api/reference/divisions');
      await db
        .updateTable('divisions')
        .set({ enabled: 0, modified_by_admin: 1, updated_at: '2099-01-01T00:00:00.000Z' })
        .where('code', 'in', ['440305', '440200'])
        .execute();
      try {
        const after = await c.get('/api/reference/divisions', {
          'if-none-match': String(before.headers.etag),
        });
        expect(after.statusCode).toBe(200);
        expect(after.headers.etag).not.toBe(before.headers.etag);
        const gd = find(after.json<{ items: DivisionNode[] }>().items, '440000');
        expect(find(find(gd?.children, '440300')?.children, '440305')).toBeUndefined();
        expect(find(gd?.children, '440200')).toBeUndefined();
        expect(find(find(gd?.children, '440300')?.children, '440306')?.name).toBe('宝安区');
      } finally {
        await db
          .updateTable('divisions')
          .set({ enabled: 1, modified_by_admin: 0, updated_at: '2099-01-02T00:00:00.000Z' })
          .where('code', 'in', ['440305', '440200'])
          .execute();
      }
    });
  });

  describe('GET /api/reference/bureaus', () => {
    it('lists the enabled bureaus with the divisions they cover, without login', async () => {
      const res = await t.client().get('/api/reference/bureaus');
      expect(res.statusCode).toBe(200);
      const { items } = res.json<{ items: Bureau[] }>();
      expect(items.length).toBe(dataLines(files.bureaus).length);
      expect(items.find((b) => b.code === '440000')).toMatchObject({
        name: '广东省市场监督管理局',
        level: 'province',
        acceptDays: 2,
        decideDays: 5,
        enabled: true,
        divisionCodes: ['440000'],
      });
      expect(items.find((b) => b.code === '660000')?.divisionCodes).toContain('659001');
    });

    it('offers the bureaus covering a division, the most specific first', async () => {
      const c = t.client();
      let res = await c.get('/api/reference/bureaus/for-division?division=440305');
      expect(res.statusCode).toBe(200);
      expect(res.json<{ items: Bureau[] }>().items.map((b) => b.code)).toEqual(['440000']);

      // An administrator adds a city bureau and a district bureau (and one that is disabled).
      const now = '2026-03-02T02:00:00.000Z';
      const bureau = (code: string, name: string, level: string, enabled = 1) => ({
        code,
        name,
        level,
        parent_code: '440000',
        phone: null,
        address: null,
        accept_days: 2,
        decide_days: 5,
        enabled,
        modified_by_admin: 1,
        updated_at: now,
      });
      await db
        .insertInto('bureaus')
        .values([
          bureau('440300', '深圳市市场监督管理局', 'city'),
          bureau('440305', '深圳市市场监督管理局南山监管局', 'district'),
          bureau('440306', '深圳市市场监督管理局宝安监管局', 'district', 0),
        ])
        .execute();
      await db
        .insertInto('bureau_divisions')
        .values([
          { bureau_code: '440300', division_code: '440300' },
          { bureau_code: '440305', division_code: '440305' },
          { bureau_code: '440306', division_code: '440306' },
        ])
        .execute();

      res = await c.get('/api/reference/bureaus/for-division?division=440305');
      expect(res.json<{ items: Bureau[] }>().items.map((b) => b.code)).toEqual([
        '440305',
        '440300',
        '440000',
      ]);
      res = await c.get('/api/reference/bureaus/for-division?division=440306');
      expect(res.json<{ items: Bureau[] }>().items.map((b) => b.code)).toEqual(['440300', '440000']);
      res = await c.get('/api/reference/bureaus/for-division?division=440300');
      expect(res.json<{ items: Bureau[] }>().items.map((b) => b.code)).toEqual(['440300', '440000']);
      res = await c.get('/api/reference/bureaus/for-division?division=441900');
      expect(res.json<{ items: Bureau[] }>().items.map((b) => b.code)).toEqual(['440000']);

      expect((await listBureaus(t.deps)).some((b) => b.code === '440306')).toBe(false);
      expect((await listBureaus(t.deps, { includeDisabled: true })).some((b) => b.code === '440306')).toBe(
        true,
      );
    });

    it('offers the 兵团 bureau before 新疆 for a 兵团 city, 新疆 alone elsewhere in 新疆', async () => {
      const c = t.client();
      let res = await c.get('/api/reference/bureaus/for-division?division=659001');
      expect(res.json<{ items: Bureau[] }>().items.map((b) => [b.code, b.name])).toEqual([
        ['660000', '新疆生产建设兵团市场监督管理局'],
        ['650000', '新疆维吾尔自治区市场监督管理局'],
      ]);
      res = await c.get('/api/reference/bureaus/for-division?division=650102');
      expect(res.json<{ items: Bureau[] }>().items.map((b) => b.code)).toEqual(['650000']);
    });

    it('answers 404 for an unknown division and 400 for a malformed one', async () => {
      const c = t.client();
      expect((await c.get('/api/reference/bureaus/for-division?division=999999')).statusCode).toBe(404);
      expect((await c.get('/api/reference/bureaus/for-division?division=110100')).statusCode).toBe(404);
      expect((await c.get('/api/reference/bureaus/for-division?division=44030')).statusCode).toBe(400);
      expect((await c.get('/api/reference/bureaus/for-division')).statusCode).toBe(400);
    });
  });

  describe('GET /api/reference/clauses and /api/reference/address-types', () => {
    it('lists the six clauses with their options and attachment requirements', async () => {
      const res = await t.client().get('/api/reference/clauses');
      expect(res.statusCode).toBe(200);
      const { items } = res.json<{ items: Clause[] }>();
      expect(items.map((c) => [c.code, c.name])).toEqual([
        ['01', '为科研、测试和认证检测所需的产品和样品'],
        ['02', '直接为最终用户维修目的所需的零部件/产品'],
        ['03', '工厂生产线/成套生产线配套所需的设备/零部件（不含办公用品）'],
        ['04', '仅用于商业展示但不销售的产品'],
        ['05', '以整机全数出口为目的进口的零部件'],
        ['06', '其他因特殊用途免予办理强制性产品认证的情形'],
      ]);
      const [c01, c02, c03, c04] = items;
      expect(c01).toMatchObject({
        requiresSubClause: true,
        requiresApplicantType: true,
        requiresDisplayPeriod: false,
      });
      expect(c01!.subClauses.map((s) => s.name)).toEqual(['科研', '测试', 'CCC认证检测']);
      expect(c01!.applicantTypes.map((a) => a.name)).toEqual([
        '科研机构',
        '检测机构',
        '生产企业（研发）',
        'CCC认证委托人',
      ]);
      expect(c02).toMatchObject({ requiresSubClause: false, requiresApplicantType: true });
      expect(c02!.applicantTypes.map((a) => a.name)).toEqual([
        '维修单位',
        '最终用户',
        '整车企业指定的零部件采购单位',
      ]);
      expect(c03!.applicantTypes).toEqual([]);
      expect(c04).toMatchObject({ requiresDisplayPeriod: true, requiresApplicantType: false });

      const req = (c: Clause) => c.attachmentRequirements.map((r) => [r.name, r.subClauseCode, r.required]);
      expect(req(c01!)).toEqual([
        ['申请人营业执照', null, true],
        ['后续管理承诺书', null, true],
        ['关于相应产品符合国内安全标准的要求（产品符合性声明）', null, true],
        ['提运单、进口合同或发票（任一）', null, false],
        ['产品照片或说明书', null, false],
        ['科研/测试项目说明', 'research', true],
        ['科研/测试项目说明', 'testing', true],
        ['CCC指定认证机构出具的CCC认证送样通知书', 'ccc_sample', true],
        ['其他材料', null, false],
      ]);
      expect(req(c02!)).toContainEqual(['维修合同或维修服务证明', null, true]);
      expect(req(c02!)).not.toContainEqual(['科研/测试项目说明', 'research', true]);
      for (const c of items) {
        // Every clause: the 5 common ones, its own, 其他材料.
        expect(c.attachmentRequirements.filter((r) => r.reusable).map((r) => r.attachmentTypeCode)).toEqual([
          'business_licence',
          'management_commitment',
          'conformity_declaration',
        ]);
        if (c.code !== '01') expect(c.attachmentRequirements.length).toBe(7);
      }
    });

    it('lists the address types in order', async () => {
      const res = await t.client().get('/api/reference/address-types');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        items: [
          { code: 'registered', name: '注册地址' },
          { code: 'business', name: '经营地址' },
          { code: 'warehouse', name: '仓储地址' },
          { code: 'other', name: '其他' },
        ],
      });
    });
  });

  describe('service functions for other modules', () => {
    it('findBureau, findDivision and divisionPath', async () => {
      const gd = await findBureau(t.deps, '440000');
      expect(gd).toMatchObject({ code: '440000', name: '广东省市场监督管理局', divisionCodes: ['440000'] });
      expect(await findBureau(t.deps, '000000')).toBeUndefined();

      expect(await findDivision(t.deps, '440305')).toEqual({
        code: '440305',
        name: '南山区',
        level: 3,
        parentCode: '440300',
        enabled: true,
      });
      expect((await findDivision(t.deps, '110101'))?.parentCode).toBe('110000');
      expect((await findDivision(t.deps, '440000'))?.parentCode).toBeNull();
      expect(await findDivision(t.deps, '110100')).toBeUndefined();
      expect(await findDivision(t.deps, '999999')).toBeUndefined();

      expect(await divisionPath(t.deps, '440305')).toBe('广东省 深圳市 南山区');
      expect(await divisionPath(t.deps, '110101')).toBe('北京市 东城区');
      expect(await divisionPath(t.deps, '659001')).toBe('新疆维吾尔自治区 石河子市');
      expect(await divisionPath(t.deps, '999999')).toBe('');
    });
  });
});
