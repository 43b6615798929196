import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/database';
import { loadReferenceData } from '../../../src/modules/reference/reference-loader';
import { referenceDataDir } from '../../../src/paths';
import { buildTestApp, describeDb, testDb, type TestApp } from '../../helpers/build-test-app';
import { dataLines, divisionLines, files, firstFields, lastFields } from './shipped-files';

const count = async (db: Db, table: string, where = sql`1 = 1`) => {
  const { rows } = await sql<{
    n: number;
  }>`select cast(count(*) as integer) as n from ${sql.table(table)} where ${where}`.execute(db);
  return Number(rows[0]!.n);
};

describe(`reference data loader ${describeDb}`, () => {
  let t: TestApp;
  let db: Db;
  const deps = () => ({ db, clock: t.clock });
  beforeAll(async () => {
    t = await buildTestApp();
    db = t.database.db;
  });
  afterAll(async () => t.close());

  it('loads every division, one row per code', async () => {
    const lines = divisionLines();
    const codes = new Set(lines.map((l) => l[0]!));
    expect(lines.length).toBe(3351);
    expect(await count(db, 'divisions')).toBe(codes.size);
    // The file repeats 3 city codes as their own county-level row (东莞, 中山, 儋州): the city row is kept.
    const repeated = [...codes].filter((c) => lines.filter((l) => l[0] === c).length > 1);
    expect(repeated.length).toBe(lines.length - codes.size);
    for (const code of repeated) {
      const row = await db
        .selectFrom('divisions')
        .selectAll()
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      expect(row.level).toBe(2);
      expect(row.kind).toBe('admin');
    }
    const placeholders = lines.filter((l) => l[6] === 'placeholder').length;
    expect(await count(db, 'divisions', sql`kind = 'placeholder'`)).toBe(placeholders);
    const stat = lines.filter((l) => l[6] === 'stat_only').length;
    expect(await count(db, 'divisions', sql`kind = 'stat_only'`)).toBe(stat);
  });

  it('loads every HS line of the 2020 edition, disabling those gone from HS 2022', async () => {
    const lines = dataLines(files.hsCodes);
    const obsolete = lastFields(files.hsCodes).filter((f) => f === '0').length;
    expect(lines.length).toBe(11988);
    expect(obsolete).toBe(372);
    expect(await count(db, 'hs_codes', sql`edition = '2020'`)).toBe(lines.length);
    expect(await count(db, 'hs_codes', sql`enabled = 0`)).toBe(obsolete);
    expect(await count(db, 'hs_codes', sql`chapter <> substr(code, 1, 2)`)).toBe(0);
    expect(await count(db, 'hs_chapters')).toBe(dataLines(files.hsChapters).length);
    // An HS 2017 mobile-phone line renumbered in 2022 is disabled.
    const phone = await db
      .selectFrom('hs_codes')
      .select(['enabled'])
      .where('code', 'like', '851712%')
      .executeTakeFirstOrThrow();
    expect(phone.enabled).toBe(0);
  });

  it('builds the searchable text from code, name, chapter and CCC category, width-folded and lower-cased', async () => {
    const oven = await db
      .selectFrom('hs_codes')
      .select(['search_text', 'name_zh', 'unit1'])
      .where('code', '=', '8516500000')
      .executeTakeFirstOrThrow();
    expect(oven.name_zh).toBe('微波炉');
    expect(oven.unit1).toBe('个');
    expect(oven.search_text).toContain('8516500000');
    expect(oven.search_text).toContain('微波炉');
    expect(oven.search_text).toContain('家用和类似用途设备');
    const chapter85 = await db
      .selectFrom('hs_chapters')
      .select('name_zh')
      .where('chapter', '=', '85')
      .executeTakeFirstOrThrow();
    expect(oven.search_text).toContain(
      chapter85.name_zh.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)),
    );

    const whale = await db
      .selectFrom('hs_codes')
      .select('search_text')
      .where('code', '=', '0106121100')
      .executeTakeFirstOrThrow();
    expect(whale.search_text).toContain('(鲸目哺乳动物)');
    expect(whale.search_text).not.toMatch(/[\uff01-\uff5e]/);
    const tuna = await db
      .selectFrom('hs_codes')
      .select('search_text')
      .where('code', '=', '0301951000')
      .executeTakeFirstOrThrow();
    expect(tuna.search_text).toContain('thunnusmaccoyii');
  });

  it('loads the CCC catalogue and the provisional CCC→HS mapping', async () => {
    expect(await count(db, 'ccc_categories')).toBe(dataLines(files.cccCategories).length);
    expect(await count(db, 'ccc_products')).toBe(
      dataLines(files.cccProducts).length + dataLines(files.cccAdditions).length,
    );
    const mappings = dataLines(files.cccHs).length;
    expect(mappings).toBe(156);
    expect(await count(db, 'ccc_hs_mappings', sql`provisional = 1`)).toBe(mappings);
    const high = dataLines(files.cccHs).filter((l) => l.includes(',high,')).length;
    expect(await count(db, 'ccc_hs_mappings', sql`confidence = 'high'`)).toBe(high);
  });

  it('loads the provincial bureaus with their coverage, the 兵团 bureau covering the 6590xx cities', async () => {
    const lines = dataLines(files.bureaus);
    expect(lines.length).toBe(32);
    expect(await count(db, 'bureaus', sql`level = 'province' and accept_days = 2 and decide_days = 5`)).toBe(
      32,
    );
    const gd = await db
      .selectFrom('bureaus')
      .selectAll()
      .where('code', '=', '440000')
      .executeTakeFirstOrThrow();
    expect(gd.name).toBe('广东省市场监督管理局');
    const gdCover = await db
      .selectFrom('bureau_divisions')
      .select('division_code')
      .where('bureau_code', '=', '440000')
      .execute();
    expect(gdCover.map((r) => r.division_code)).toEqual(['440000']);

    const xpcc = await db
      .selectFrom('bureaus')
      .selectAll()
      .where('code', '=', '660000')
      .executeTakeFirstOrThrow();
    expect(xpcc.name).toBe('新疆生产建设兵团市场监督管理局');
    const cities = divisionLines()
      .filter((l) => /^6590\d\d$/.test(l[0]!) && l[6] !== 'placeholder')
      .map((l) => l[0]);
    expect(cities).toContain('659001');
    const cover = await db
      .selectFrom('bureau_divisions')
      .select('division_code')
      .where('bureau_code', '=', '660000')
      .orderBy('division_code')
      .execute();
    expect(cover.map((r) => r.division_code)).toEqual(cities.sort());
  });

  it('loads the DOMAIN.md lists', async () => {
    for (const [table, file] of [
      ['clauses', files.clauses],
      ['sub_clauses', files.subClauses],
      ['applicant_types', files.applicantTypes],
      ['attachment_types', files.attachmentTypes],
      ['clause_attachment_requirements', files.requirements],
      ['address_types', files.addressTypes],
    ] as const) {
      expect(await count(db, table), table).toBe(dataLines(file).length);
    }
    expect(await count(db, 'clauses')).toBe(6);
    expect(await count(db, 'sub_clauses')).toBe(3);
    expect(await count(db, 'applicant_types')).toBe(7);
    expect(await count(db, 'attachment_types')).toBe(13);
    expect(await count(db, 'address_types')).toBe(4);
    const clauses = await db.selectFrom('clauses').selectAll().orderBy('sort_order').execute();
    expect(
      clauses.map((c) => [
        c.code,
        c.requires_sub_clause,
        c.requires_applicant_type,
        c.requires_display_period,
      ]),
    ).toEqual([
      ['01', 1, 1, 0],
      ['02', 0, 1, 0],
      ['03', 0, 0, 0],
      ['04', 0, 0, 1],
      ['05', 0, 0, 0],
      ['06', 0, 0, 0],
    ]);
    expect(await count(db, 'attachment_types', sql`reusable = 1`)).toBe(3);
  });

  it('records each dataset with its version and row count', async () => {
    const versions = await db.selectFrom('reference_data_versions').selectAll().execute();
    const byName = new Map(versions.map((v) => [v.dataset, v]));
    expect(byName.get('divisions')?.row_count).toBe(new Set(firstFields(files.divisions)).size);
    expect(byName.get('hs_codes')?.row_count).toBe(dataLines(files.hsCodes).length);
    expect(byName.get('bureaus')?.row_count).toBe(32);
    expect(byName.get('hs_codes')?.version).toMatch(/^hs-2020\+r\d+#[0-9a-f]{12}$/);
    expect(versions.length).toBe(13);
  });

  it('skips every dataset when reloaded unchanged, and a forced reload changes nothing', async () => {
    const before = await count(db, 'hs_codes');
    const again = await loadReferenceData(deps());
    expect(again.every((r) => r.action === 'skipped')).toBe(true);
    const forced = await loadReferenceData(deps(), { force: true });
    expect(forced.every((r) => r.action === 'loaded' && r.inserted === 0 && r.updated === 0)).toBe(true);
    expect(await count(db, 'hs_codes')).toBe(before);
    expect(await count(db, 'divisions')).toBe(new Set(firstFields(files.divisions)).size);
    expect(await count(db, 'bureau_divisions')).toBe(
      31 + (await count(db, 'bureau_divisions', sql`bureau_code = '660000'`)),
    );
  });

  it('re-inserts a deleted row on the next start', async () => {
    await db.deleteFrom('hs_codes').where('code', '=', '8516500000').execute();
    await db.deleteFrom('address_types').where('code', '=', 'warehouse').execute();
    const report = await loadReferenceData(deps());
    expect(report.find((r) => r.dataset === 'hs_codes')).toMatchObject({
      action: 'loaded',
      inserted: 1,
      updated: 0,
    });
    expect(report.find((r) => r.dataset === 'address_types')).toMatchObject({
      action: 'loaded',
      inserted: 1,
    });
    expect(report.find((r) => r.dataset === 'divisions')?.action).toBe('skipped');
    const oven = await db
      .selectFrom('hs_codes')
      .selectAll()
      .where('code', '=', '8516500000')
      .executeTakeFirstOrThrow();
    expect(oven.name_zh).toBe('微波炉');
    expect(await count(db, 'hs_codes')).toBe(dataLines(files.hsCodes).length);
  });

  it('refreshes unmodified rows from a new data version but never a row an administrator modified', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccc-refdata-'));
    try {
      fs.cpSync(referenceDataDir, dir, { recursive: true });
      const file = path.join(dir, files.divisions);
      fs.chmodSync(file, 0o644);
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(
        file,
        text
          .replace('440305,南山区,', '440305,南山区（新）,')
          .replace('440306,宝安区,', '440306,宝安区（新）,'),
      );
      await db
        .updateTable('divisions')
        .set({ name: '南山区（管理员）', modified_by_admin: 1 })
        .where('code', '=', '440305')
        .execute();
      const before = await db
        .selectFrom('reference_data_versions')
        .select('version')
        .where('dataset', '=', 'divisions')
        .executeTakeFirstOrThrow();

      const report = await loadReferenceData(deps(), { dir });
      expect(report.find((r) => r.dataset === 'divisions')).toMatchObject({
        action: 'loaded',
        inserted: 0,
        updated: 1,
      });
      const names = await db
        .selectFrom('divisions')
        .select(['code', 'name', 'modified_by_admin'])
        .where('code', 'in', ['440305', '440306'])
        .orderBy('code')
        .execute();
      expect(names).toEqual([
        { code: '440305', name: '南山区（管理员）', modified_by_admin: 1 },
        { code: '440306', name: '宝安区（新）', modified_by_admin: 0 },
      ]);
      const after = await db
        .selectFrom('reference_data_versions')
        .select('version')
        .where('dataset', '=', 'divisions')
        .executeTakeFirstOrThrow();
      expect(after.version).not.toBe(before.version);
      // The bureaus' coverage is derived from the divisions file too: its version changed, nothing duplicated.
      expect(report.find((r) => r.dataset === 'bureaus')).toMatchObject({
        action: 'loaded',
        inserted: 0,
        updated: 0,
      });

      // Back to the shipped files: the unmodified row follows, the administrator's stays.
      await loadReferenceData(deps());
      const back = await db
        .selectFrom('divisions')
        .select(['code', 'name'])
        .where('code', 'in', ['440305', '440306'])
        .orderBy('code')
        .execute();
      expect(back.map((r) => r.name)).toEqual(['南山区（管理员）', '宝安区']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not extend the coverage of a bureau an administrator modified', async () => {
    await db.deleteFrom('bureau_divisions').where('bureau_code', '=', '450000').execute();
    await db.updateTable('bureaus').set({ modified_by_admin: 1 }).where('code', '=', '450000').execute();
    await db.deleteFrom('bureau_divisions').where('bureau_code', '=', '460000').execute();
    await loadReferenceData(deps(), { force: true });
    expect(await count(db, 'bureau_divisions', sql`bureau_code = '450000'`)).toBe(0);
    expect(await count(db, 'bureau_divisions', sql`bureau_code = '460000'`)).toBe(1);
  });

  it('loads empty tables (what the template build does) and reports the time', async () => {
    const order = [
      'clause_attachment_requirements',
      'applicant_types',
      'sub_clauses',
      'attachment_types',
      'clauses',
      'address_types',
      'bureau_divisions',
      'bureaus',
      'ccc_hs_mappings',
      'ccc_products',
      'ccc_categories',
      'hs_codes',
      'hs_chapters',
      'divisions',
      'reference_data_versions',
    ];
    for (const table of order) await sql`delete from ${sql.table(table)}`.execute(db);
    const t0 = performance.now();
    const report = await loadReferenceData(deps());
    const ms = Math.round(performance.now() - t0);
    console.info(`[${testDb}] reference data loaded into empty tables in ${ms} ms`);
    expect(report.every((r) => r.action === 'loaded' && r.updated === 0)).toBe(true);
    expect(await count(db, 'hs_codes')).toBe(dataLines(files.hsCodes).length);
    expect(await count(db, 'divisions')).toBe(new Set(firstFields(files.divisions)).size);
    const t1 = performance.now();
    await loadReferenceData(deps());
    console.info(
      `[${testDb}] unchanged reload (startup fast path) in ${Math.round(performance.now() - t1)} ms`,
    );
  });
});
