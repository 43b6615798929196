import {
  translate,
  type ReferenceImportPreview,
  type ReferenceImportRow,
  type ReferenceImportSummary,
  type ReferenceValues,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { iso } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { cleanFilename } from '../../lib/filenames';
import { recordAudit } from '../audit/audit.service';
import { bumpHsCodesVersion } from '../hs-codes/hs-codes.service';
import { ENABLED_HEADER, type DatasetDef, type FieldProblem, type RowWrite } from './dataset';
import { datasetOf } from './datasets';
import {
  bumpAdminRevision,
  closeImport,
  findAdminRevision,
  findImport,
  insertImport,
} from './reference-admin.repository';
import { resolveEdition } from './reference-admin.service';
import { readFileTable } from './reference-files';
import { coerce, diffValues, empty, readValues } from './values';

/**
 * 导入: a file is read, checked row by row against the dataset and compared with it; the preview (and the
 * rows to write, when no row has an error) waits in reference_imports. Apply writes them all in one
 * transaction, or nothing: never when the dataset changed since the preview.
 */

const PREVIEW_ROWS = 500;

interface StoredChanges {
  rows: ReferenceImportRow[];
  writes: (RowWrite & { action: 'add' | 'change' })[];
}

const revisionOf = async (ds: DatasetDef, db: ServiceContext['db']) =>
  `${await findAdminRevision(db, ds.key)}#${await ds.store.externalRevision(db)}`;

/** Header problems: every editable column must be there; nothing unknown may be. */
function checkHeaders(ds: DatasetDef, headers: string[], ctx: ServiceContext): Map<string, number> {
  const known = new Set([...ds.columns.map((c) => c.header), ...(ds.hasEnabled ? [ENABLED_HEADER] : [])]);
  const present = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h !== '' && !present.has(h)) present.set(h, i);
  });
  const missing = ds.columns
    .filter((c) => c.editable !== false && !present.has(c.header))
    .map((c) => c.header);
  const unknown = [...present.keys()].filter((h) => !known.has(h));
  if (missing.length || unknown.length) {
    const none = translate(ctx.locale, 'e.refadm.none');
    const params = { missing: missing.join('、') || none, unknown: unknown.join('、') || none };
    throw new AppError('VALIDATION_FAILED', {
      message: 'e.refadm.header',
      params,
      fields: [{ path: 'file', message: translate(ctx.locale, 'e.refadm.header', params) }],
      details: { missing, unknown },
    });
  }
  return present;
}

export async function previewImport(
  ctx: ServiceContext,
  dataset: string,
  editionParam: string | undefined,
  file: { filename: string; data: Buffer },
): Promise<ReferenceImportPreview> {
  const ds = datasetOf(dataset);
  const edition = await resolveEdition(ds, ctx.db, editionParam);
  if (ds.hasEditions && !edition) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'edition', message: 'v.required' }] });
  }
  const table = await readFileTable(file.data);
  const at = checkHeaders(ds, table.headers, ctx);
  if (table.rows.length === 0) throw new AppError('VALIDATION_FAILED', { message: 'e.refadm.emptyFile' });

  const baseRevision = await revisionOf(ds, ctx.db);
  const existing = new Map((await ds.store.all(ctx.db, edition)).map((r) => [r.key, r]));
  const check = (await ds.checker?.(ctx.db, ctx)) ?? (() => []);
  const enabledAt = at.get(ENABLED_HEADER);
  const seen = new Map<string, number>();
  const summary: ReferenceImportSummary = { added: 0, changed: 0, unchanged: 0, errors: 0 };
  const errorRows: ReferenceImportRow[] = [];
  const changeRows: ReferenceImportRow[] = [];
  const writes: StoredChanges['writes'] = [];

  for (const { line, cells } of table.rows) {
    const raw: Record<string, string> = {};
    for (const c of ds.columns) if (c.editable !== false) raw[c.key] = cells[at.get(c.header)!] ?? '';
    const { values, problems } = readValues(ds.columns, raw, ctx.locale, empty);
    let enabled: boolean | undefined;
    if (ds.hasEnabled && enabledAt !== undefined) {
      const e = coerce({ key: 'enabled', header: ENABLED_HEADER, type: 'boolean' }, cells[enabledAt] ?? '');
      if (!e.ok) problems.push({ column: 'enabled', message: translate(ctx.locale, e.message) });
      else if ((cells[enabledAt] ?? '').trim() !== '') enabled = e.value === true;
    }
    const keyComplete = ds.columns.every((c) => !c.isKey || !problems.some((p) => p.column === c.key));
    const key = keyComplete ? ds.keyOf(values, edition) : '';
    if (key && seen.has(key)) {
      problems.push({
        column: '',
        message: translate(ctx.locale, 'v.refadm.duplicateInFile', { line: seen.get(key)! }),
      });
    } else if (key) seen.set(key, line);
    if (problems.length === 0) problems.push(...check(values, edition));
    if (problems.length) {
      summary.errors++;
      errorRows.push({ line, action: 'error', key, changes: [], errors: localise(ctx, problems) });
      continue;
    }
    const old = existing.get(key);
    if (!old) {
      summary.added++;
      writes.push({ action: 'add', key, values, enabled: enabled ?? true });
      changeRows.push({ line, action: 'add', key, changes: [], errors: [] });
      continue;
    }
    const changes = diffValues(ds.columns, old.values, values);
    const nextEnabled = enabled ?? old.enabled;
    if (ds.hasEnabled && nextEnabled !== old.enabled) {
      changes.push({ column: 'enabled', before: old.enabled, after: nextEnabled });
    }
    if (changes.length === 0) {
      summary.unchanged++;
      continue;
    }
    summary.changed++;
    writes.push({ action: 'change', key, values: mergeKeys(ds, old.values, values), enabled: nextEnabled });
    changeRows.push({ line, action: 'change', key, changes, errors: [] });
  }

  const id = newId();
  const stored: StoredChanges = {
    rows: [...errorRows, ...changeRows].slice(0, PREVIEW_ROWS),
    writes: summary.errors ? [] : writes,
  };
  const createdAt = iso(ctx.clock.now());
  await insertImport(ctx.db, {
    id,
    dataset: ds.key,
    edition,
    filename: cleanFilename(file.filename, 'import'),
    status: 'previewed',
    summary: JSON.stringify(summary),
    changes: JSON.stringify(stored),
    base_revision: baseRevision,
    created_by: ctx.actor!.userId,
    created_at: createdAt,
    applied_by: null,
    applied_at: null,
  });
  return getImport(ctx, id);
}

const localise = (ctx: ServiceContext, problems: FieldProblem[]) =>
  problems.map((p) => ({ column: p.column, message: translate(ctx.locale, p.message) }));

/** A change keeps the row's own key values (as stored), whatever spelling the file used. */
function mergeKeys(ds: DatasetDef, old: ReferenceValues, next: ReferenceValues): ReferenceValues {
  const out = { ...next };
  for (const c of ds.columns) if (c.isKey) out[c.key] = old[c.key] ?? null;
  return out;
}

type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

function toPreview(row: ImportRow): ReferenceImportPreview {
  const summary = JSON.parse(row.summary) as ReferenceImportSummary;
  const stored = JSON.parse(row.changes) as StoredChanges;
  return {
    id: row.id,
    dataset: datasetOf(row.dataset).key,
    edition: row.edition,
    filename: row.filename,
    status: row.status as ReferenceImportPreview['status'],
    summary,
    rows: stored.rows,
    canApply: row.status === 'previewed' && summary.errors === 0 && summary.added + summary.changed > 0,
    createdAt: row.created_at,
  };
}

export async function getImport(ctx: ServiceContext, id: string): Promise<ReferenceImportPreview> {
  const row = await findImport(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toPreview(row);
}

/** 确认导入: every row in one transaction, or none. */
export async function applyImport(ctx: ServiceContext, id: string): Promise<ReferenceImportPreview> {
  const row = await findImport(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'previewed') throw new AppError('CONFLICT', { message: 'e.refadm.importClosed' });
  const summary = JSON.parse(row.summary) as ReferenceImportSummary;
  if (summary.errors > 0) throw new AppError('CONFLICT', { message: 'e.refadm.importHasErrors' });
  const ds = datasetOf(row.dataset);
  const { writes } = JSON.parse(row.changes) as StoredChanges;
  // `<admin revision>#<external revision>`: the admin revision is an id, the external one may hold '#'.
  const base = row.base_revision ?? '0#';
  const adminRevision = base.slice(0, base.indexOf('#'));
  const externalRevision = base.slice(base.indexOf('#') + 1);
  if ((await ds.store.externalRevision(ctx.db)) !== externalRevision) {
    throw new AppError('CONFLICT', { message: 'e.refadm.importStale' });
  }
  const now = iso(ctx.clock.now());
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await closeImport(trx, id, 'applied', ctx.actor!.userId, now))) {
        throw new AppError('CONFLICT', { message: 'e.refadm.importClosed' });
      }
      if (!(await bumpAdminRevision(trx, ds.key, now, adminRevision))) {
        throw new AppError('CONFLICT', { message: 'e.refadm.importStale' });
      }
      await ds.beforeWrite?.(trx, ctx, row.edition);
      const adds = writes.filter((w) => w.action === 'add');
      if (adds.length) await ds.store.insert(trx, ctx, adds, row.edition);
      for (const w of writes) if (w.action === 'change') await ds.store.update(trx, ctx, w, row.edition);
      if (ds.bumpsHsVersion) await bumpHsCodesVersion(trx, ctx.clock);
      await recordAudit(trx, ctx, {
        entityType: `reference:${ds.key}`,
        entityId: id,
        action: 'REFERENCE_IMPORT_APPLIED',
        after: { filename: row.filename, edition: row.edition, summary },
      });
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    // A write the database refused (a constraint …): nothing was written; say so rather than fail blankly.
    ctx.log.error({ err, importId: id }, 'reference import apply failed');
    throw new AppError('CONFLICT', { message: 'e.refadm.applyFailed' });
  }
  return getImport(ctx, id);
}

/** 放弃: the preview is kept as discarded, nothing was written. */
export async function discardImport(ctx: ServiceContext, id: string): Promise<ReferenceImportPreview> {
  const row = await findImport(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const ok = await ctx.db.transaction().execute(async (trx) => {
    if (!(await closeImport(trx, id, 'discarded', ctx.actor!.userId, iso(ctx.clock.now())))) return false;
    await recordAudit(trx, ctx, {
      entityType: `reference:${row.dataset}`,
      entityId: id,
      action: 'REFERENCE_IMPORT_DISCARDED',
      after: { filename: row.filename, edition: row.edition },
    });
    return true;
  });
  if (!ok) throw new AppError('CONFLICT', { message: 'e.refadm.importClosed' });
  return getImport(ctx, id);
}
