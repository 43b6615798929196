import type { HsCategory, HsCodeDetail, HsCodeSearchResponse } from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { AppDeps } from '../../context';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { iso, systemClock, type Clock } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { categoryResolver, hsPrefixes } from './hs-category';
import { HsIndex } from './hs-index';
import { HS_EDITION_KEY, HS_VERSION_KEY, hsCodesRepository as repo } from './hs-codes.repository';

/**
 * The HS picker (选择 → 查询). Searching goes through an in-process index (hs-index.ts) that is only a
 * cache of the database: every instance checks the data version at most once a second (one shared
 * promise, two small queries) and rebuilds its index when the version changed. Nothing a request
 * searched is remembered: no response is cached by query.
 */

export type HsContext = Pick<AppDeps, 'db' | 'clock'>;

/** How long an instance trusts its index before asking the database whether the data changed. */
export const HS_VERSION_CHECK_MS = 1000;

interface IndexState {
  version: string | null;
  index: HsIndex | null;
  /** Clock time (ms) of the last version check that started. */
  checkedAt: number;
  pending: Promise<HsIndex> | null;
}

/** Per database, so test apps (each on its own database) never share an index. */
const states = new WeakMap<Db, IndexState>();

async function refresh(deps: HsContext, state: IndexState): Promise<HsIndex> {
  // The version is read before the rows: a change committed in between makes the next check rebuild again.
  const version = await repo.findDataVersion(deps.db);
  if (state.index && version === state.version) return state.index;
  const index = await buildIndex(deps.db);
  state.index = index;
  state.version = version;
  return index;
}

async function buildIndex(db: Db): Promise<HsIndex> {
  const edition = await repo.findCurrentEdition(db);
  if (!edition) return new HsIndex([]);
  const [rows, chapters, mappings] = await Promise.all([
    repo.findEnabledCodes(db, edition),
    repo.findChapterNames(db),
    repo.findMappings(db),
  ]);
  const categoryOf = categoryResolver(mappings, chapters);
  return new HsIndex(
    rows.map((r) => {
      const cat = categoryOf(r.code);
      return {
        code: r.code,
        name: r.name_zh,
        unit1: r.unit1,
        unit2: r.unit2,
        chapterName: r.chapter_name,
        category: cat.name,
        categoryKind: cat.kind,
        categoryProvisional: cat.provisional,
      };
    }),
  );
}

/** The current index: rebuilt when the data version changed, checked at most once a second. */
export function getHsIndex(deps: HsContext): Promise<HsIndex> {
  let state = states.get(deps.db);
  if (!state) {
    state = { version: null, index: null, checkedAt: 0, pending: null };
    states.set(deps.db, state);
  }
  const now = deps.clock.now().getTime();
  const fresh = now - state.checkedAt < HS_VERSION_CHECK_MS && now >= state.checkedAt;
  if (state.index && fresh && !state.pending) return Promise.resolve(state.index);
  if (state.pending) return state.pending;
  const s = state;
  s.checkedAt = now;
  const pending = refresh(deps, s)
    .catch((err: unknown) => {
      s.checkedAt = 0; // ask again on the next request
      throw err;
    })
    .finally(() => {
      s.pending = null;
    });
  s.pending = pending;
  return pending;
}

/** 查询: enabled codes of the current edition matching q (and category), ranked and paged. */
export async function searchHsCodes(
  ctx: HsContext,
  query: { q?: string | undefined; category?: string | undefined; page: number; pageSize: number },
): Promise<HsCodeSearchResponse> {
  const index = await getHsIndex(ctx);
  const { items, total } = index.search({
    q: query.q,
    category: query.category,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * The same search as a JSON response body, assembled from the items' JSON text kept in the index: the
 * route sends it as it is, with no serialisation per request (what `hsCodeSearchResponseSchema` describes).
 */
export async function searchHsCodesBody(
  ctx: HsContext,
  query: { q?: string | undefined; category?: string | undefined; page: number; pageSize: number },
): Promise<string> {
  const index = await getHsIndex(ctx);
  const { items, total } = index.searchJson({
    q: query.q,
    category: query.category,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return `{"items":[${items}],"total":${total},"page":${query.page},"pageSize":${query.pageSize}}`;
}

/** The 产品类别 values of the enabled codes, for the category filter. */
export async function listHsCategories(ctx: HsContext): Promise<HsCategory[]> {
  return (await getHsIndex(ctx)).listCategories();
}

/** A code as findHsCode gives it: `nameZh` is `name` under the name the applications module uses. */
export type HsCodeInfo = HsCodeDetail & { nameZh: string };

/**
 * One code of the current edition, read from the database (not the cache), enabled or not; undefined
 * when the edition has no such code. For the applications module: an application's product line names
 * an enabled code.
 */
export async function findHsCode(ctx: Pick<AppDeps, 'db'>, code: string): Promise<HsCodeInfo | undefined> {
  const edition = await repo.findCurrentEdition(ctx.db);
  if (!edition) return undefined;
  const row = await repo.findCode(ctx.db, edition, code);
  if (!row) return undefined;
  const mappings = await repo.findMappings(ctx.db, hsPrefixes(row.code));
  const chapterNames = new Map(row.chapter_name ? [[row.code.slice(0, 2), row.chapter_name]] : []);
  const cat = categoryResolver(mappings, chapterNames)(row.code);
  return {
    code: row.code,
    name: row.name_zh,
    nameZh: row.name_zh,
    unit1: row.unit1,
    unit1Code: row.unit1_code,
    unit2: row.unit2,
    unit2Code: row.unit2_code,
    category: cat.name,
    categoryKind: cat.kind,
    categoryProvisional: cat.provisional,
    enabled: Number(row.enabled) === 1,
  };
}

/**
 * Marks the HS data as changed, inside the transaction of the change: every instance rebuilds its
 * index within a second of the commit. Call it for every change to hs_codes, hs_chapters or
 * ccc_hs_mappings (the reference loader's own loads are seen through reference_data_versions).
 */
export async function bumpHsCodesVersion(
  trx: Transaction<Database> | Db,
  clock: Clock = systemClock,
): Promise<void> {
  await repo.setSetting(trx, HS_VERSION_KEY, newId(), iso(clock.now()));
}

// ---- for 基础数据管理 (reference-admin): the edition in force, and the derived 产品类别 of any code

/** The edition the picker offers (the setting, else the newest edition present). */
export function findCurrentHsEdition(ctx: Pick<AppDeps, 'db'> | { db: Transaction<Database> }) {
  return repo.findCurrentEdition(ctx.db);
}

/**
 * Writes the edition in force into its setting when none is set yet, inside the transaction of a change:
 * rows of a newer edition written next then stand beside it instead of taking over the picker.
 */
export async function pinCurrentHsEdition(trx: Transaction<Database>, clock: Clock): Promise<void> {
  if (await repo.findEditionSetting(trx)) return;
  const current = await repo.findCurrentEdition(trx);
  if (current) await repo.setSetting(trx, HS_EDITION_KEY, current, iso(clock.now()));
}

/** Switches the edition in force, inside the caller's transaction; every instance rebuilds its index. */
export async function setCurrentHsEdition(
  trx: Transaction<Database>,
  clock: Clock,
  edition: string,
): Promise<void> {
  await repo.setSetting(trx, HS_EDITION_KEY, edition, iso(clock.now()));
  await bumpHsCodesVersion(trx, clock);
}

/** 产品类别 and the chapter's name of any code, from the enabled mappings and the chapters (one read). */
export async function loadHsCategoryResolver(
  db: Db | Transaction<Database>,
): Promise<(code: string) => { category: string; chapterName: string | null }> {
  const [chapters, mappings] = await Promise.all([repo.findChapterNames(db), repo.findMappings(db)]);
  const categoryOf = categoryResolver(mappings, chapters);
  return (code) => ({ category: categoryOf(code).name, chapterName: chapters.get(code.slice(0, 2)) ?? null });
}
