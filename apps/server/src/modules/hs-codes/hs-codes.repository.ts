import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { CategoryMapping } from './hs-category';

/**
 * All the SQL of the HS picker. It reads the HS tables that the reference loader fills (hs_codes,
 * hs_chapters, ccc_hs_mappings) and owns two settings rows: the data version and the current edition.
 */

type Executor = Kysely<Database> | Transaction<Database>;

/** Bumped by every change an administrator makes to the HS codes, the chapters or the HS-to-CCC mapping. */
export const HS_VERSION_KEY = 'hs_codes.version';
/** The edition the picker offers; without the row, the newest edition present. */
export const HS_EDITION_KEY = 'hs_codes.edition';
/** The loaded datasets whose content the picker shows. */
const DATASETS = ['hs_codes', 'hs_chapters', 'ccc_hs_mappings'];

const codeColumns = ['code', 'name_zh', 'unit1', 'unit1_code', 'unit2', 'unit2_code', 'enabled'] as const;

export const hsCodesRepository = {
  /** What changes whenever the picker's data changes: the recorded loads and the settings rows. */
  async findDataVersion(db: Executor): Promise<string> {
    const [loads, settings] = await Promise.all([
      db
        .selectFrom('reference_data_versions')
        .select(['dataset', 'version', 'loaded_at'])
        .where('dataset', 'in', DATASETS)
        .orderBy('dataset')
        .execute(),
      db
        .selectFrom('settings')
        .select(['key', 'value'])
        .where('key', 'in', [HS_VERSION_KEY, HS_EDITION_KEY])
        .orderBy('key')
        .execute(),
    ]);
    return [
      ...loads.map((l) => `${l.dataset}=${l.version}@${l.loaded_at}`),
      ...settings.map((s) => `${s.key}=${s.value}`),
    ].join('|');
  },

  async findCurrentEdition(db: Executor): Promise<string | null> {
    const chosen = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', HS_EDITION_KEY)
      .executeTakeFirst();
    if (chosen) return chosen.value;
    const newest = await db
      .selectFrom('hs_codes')
      .select((eb) => eb.fn.max('edition').as('edition'))
      .executeTakeFirst();
    return newest?.edition ?? null;
  },

  /** The enabled codes of an edition. */
  findEnabledCodes: (db: Executor, edition: string) =>
    db
      .selectFrom('hs_codes as h')
      .leftJoin('hs_chapters as c', 'c.chapter', 'h.chapter')
      .select([...codeColumns.map((c) => `h.${c}` as const), 'c.name_zh as chapter_name'])
      .where('h.edition', '=', edition)
      .where('h.enabled', '=', 1)
      .execute(),

  findCode: (db: Executor, edition: string, code: string) =>
    db
      .selectFrom('hs_codes as h')
      .leftJoin('hs_chapters as c', 'c.chapter', 'h.chapter')
      .select([...codeColumns.map((c) => `h.${c}` as const), 'c.name_zh as chapter_name'])
      .where('h.edition', '=', edition)
      .where('h.code', '=', code)
      .executeTakeFirst(),

  async findChapterNames(db: Executor): Promise<Map<string, string>> {
    const rows = await db.selectFrom('hs_chapters').select(['chapter', 'name_zh']).execute();
    return new Map(rows.map((r) => [r.chapter, r.name_zh]));
  },

  /** The enabled HS-to-CCC mapping rows, all or those of the given prefixes. */
  async findMappings(db: Executor, prefixes?: string[]): Promise<CategoryMapping[]> {
    let q = db
      .selectFrom('ccc_hs_mappings')
      .select(['hs_prefix', 'category_name', 'provisional'])
      .where('enabled', '=', 1)
      .orderBy('id');
    if (prefixes) {
      if (prefixes.length === 0) return [];
      q = q.where('hs_prefix', 'in', prefixes);
    }
    const rows = await q.execute();
    return rows.map((r) => ({
      hsPrefix: r.hs_prefix,
      categoryName: r.category_name,
      provisional: Number(r.provisional) === 1,
    }));
  },

  /** The chosen edition's setting row, absent until one is chosen or pinned. */
  findEditionSetting: (db: Executor) =>
    db.selectFrom('settings').select('value').where('key', '=', HS_EDITION_KEY).executeTakeFirst(),

  setSetting: (db: Executor, key: string, value: string, nowIso: string) =>
    db
      .insertInto('settings')
      .values({ key, value, updated_at: nowIso })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso }))
      .execute(),
};
