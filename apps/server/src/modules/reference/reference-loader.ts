import type { Transaction } from 'kysely';
import type { AppDeps } from '../../context';
import type { Database } from '../../db/schema';
import { iso } from '../../lib/clock';
import { referenceDataDir } from '../../paths';
import { datasets } from './reference-datasets';
import { DataSource, type Cell, type DataRow, type TablePart } from './reference-source';
import {
  countRows,
  findAdminModifiedKeys,
  findRecordedVersions,
  insertMissing,
  overwriteUnmodified,
  recordVersion,
  selectColumns,
} from './reference.repository';

export interface DatasetLoadReport {
  dataset: string;
  version: string;
  /** skipped: the recorded version is the shipped one and no row is missing. */
  action: 'skipped' | 'loaded';
  inserted: number;
  updated: number;
  ms: number;
}

export interface LoadOptions {
  /** The reference-data folder (tests load a modified copy). */
  dir?: string;
  /** Compare every row with the files even when the versions match. */
  force?: boolean;
}

/**
 * Loads the shipped reference data (startup, after migrating). For every dataset:
 * - rows missing from the table (by primary key) are inserted;
 * - when the shipped version differs from the recorded one, rows that no administrator modified are
 *   refreshed from the files; a row with modified_by_admin = 1 is never overwritten;
 * - nothing is ever deleted;
 * - the version and the number of shipped rows are recorded in reference_data_versions.
 * A dataset whose recorded version equals the shipped one, and whose table holds at least as many rows as
 * recorded, is skipped after one version query and one count query for all tables together.
 */
export async function loadReferenceData(
  deps: Pick<AppDeps, 'db' | 'clock'> & { log?: Pick<AppDeps['log'], 'info'> },
  opts: LoadOptions = {},
): Promise<DatasetLoadReport[]> {
  const started = performance.now();
  const src = new DataSource(opts.dir ?? referenceDataDir);
  const [recorded, counts] = await Promise.all([
    findRecordedVersions(deps.db),
    countRows(
      deps.db,
      datasets.map((d) => d.name),
    ),
  ]);
  const reports: DatasetLoadReport[] = [];
  for (const spec of datasets) {
    const t0 = performance.now();
    const version = src.version(spec);
    const rec = recorded.get(spec.name);
    const intact = rec && rec.version === version && (counts.get(spec.name) ?? 0) >= rec.row_count;
    if (intact && !opts.force) {
      reports.push({ dataset: spec.name, version, action: 'skipped', inserted: 0, updated: 0, ms: ms(t0) });
      continue;
    }
    const versionChanged = rec?.version !== version;
    const parts = spec.build(src);
    const now = iso(deps.clock.now());
    let inserted = 0;
    let updated = 0;
    await deps.db.transaction().execute(async (trx) => {
      for (const part of parts) {
        const r = await loadPart(trx, part, now, versionChanged || !!opts.force);
        inserted += r.inserted;
        updated += r.updated;
      }
      await recordVersion(trx, {
        dataset: spec.name,
        version,
        rowCount: parts[0]!.rows.length,
        loadedAt: now,
      });
    });
    reports.push({ dataset: spec.name, version, action: 'loaded', inserted, updated, ms: ms(t0) });
  }
  const loaded = reports.filter((r) => r.action === 'loaded');
  deps.log?.info(
    {
      ms: ms(started),
      loaded: loaded.map((r) => ({ dataset: r.dataset, inserted: r.inserted, updated: r.updated, ms: r.ms })),
    },
    loaded.length ? 'reference data loaded' : 'reference data up to date',
  );
  return reports;
}

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

async function loadPart(
  trx: Transaction<Database>,
  part: TablePart,
  now: string,
  refresh: boolean,
): Promise<{ inserted: number; updated: number }> {
  let rows: DataRow[] = part.adminFlag ? part.rows.map((r) => ({ ...r, updated_at: now })) : part.rows;
  if (part.owner) {
    const { table, key, column } = part.owner;
    const modifiedOwners = await findAdminModifiedKeys(trx, table, key);
    rows = rows.filter((r) => !modifiedOwners.has(String(r[column])));
  }
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const columns = Object.keys(rows[0]!);
  // Compared columns: everything shipped but the bookkeeping ones.
  const compared = columns.filter((c) => c !== 'updated_at' && c !== 'modified_by_admin');
  const selected = refresh ? columns : [...part.keys, ...(part.adminFlag ? ['modified_by_admin'] : [])];
  const existing = new Map(
    (await selectColumns(trx, part.table, selected)).map((r) => [keyOf(r, part.keys), r]),
  );
  const missing: DataRow[] = [];
  const changed: DataRow[] = [];
  for (const row of rows) {
    const old = existing.get(keyOf(row, part.keys));
    if (!old) missing.push(row);
    else if (
      refresh &&
      Number(old.modified_by_admin ?? 0) !== 1 &&
      compared.some((c) => !same(old[c], row[c]))
    ) {
      changed.push(row);
    }
  }
  await insertMissing(trx, part.table, part.keys, missing);
  await overwriteUnmodified(trx, part.table, part.keys, changed, part.adminFlag);
  return { inserted: missing.length, updated: changed.length };
}

const keyOf = (row: DataRow, keys: string[]) => keys.map((k) => String(row[k])).join('\u0001');

/** Integer columns read back as numbers on both databases; compare loosely across string/number. */
const same = (a: Cell | undefined, b: Cell | undefined) =>
  a === null || a === undefined ? b === null || b === undefined : String(a) === String(b);
