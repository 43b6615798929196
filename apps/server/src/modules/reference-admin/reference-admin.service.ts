import {
  translate,
  type ReferenceDataset,
  type ReferenceDatasetListResponse,
  type ReferenceRow,
  type ReferenceRowBody,
  type ReferenceRowsResponse,
  type ReferenceValues,
} from '@ccc/domain';
import type { ServiceContext } from '../../context';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/app-error';
import { isUniqueViolation } from '../auth/db-errors';
import { iso } from '../../lib/clock';
import { recordAudit } from '../audit/audit.service';
import { bumpHsCodesVersion, setCurrentHsEdition } from '../hs-codes/hs-codes.service';
import { toContractColumn, type DatasetDef, type FieldProblem, type StoredRow, type Trx } from './dataset';
import { datasetOf, referenceDatasets } from './datasets';
import { bumpAdminRevision } from './reference-admin.repository';
import { empty, readValues } from './values';

/** 基础数据管理: lists, single-row create / edit / enable / disable, and the HS edition in force. */

const EDITION = /^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/;

/**
 * The edition a request works on: the one given (any well-formed name: a new edition starts with its first
 * row) or the dataset's current one; null for datasets without editions.
 */
export async function resolveEdition(
  ds: DatasetDef,
  db: Db,
  given: string | undefined,
): Promise<string | null> {
  if (!ds.hasEditions) return null;
  if (given) {
    if (!EDITION.test(given))
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'edition', message: 'v.refadm.edition' }] });
    return given;
  }
  return ds.store.currentEdition(db);
}

async function describe(ds: DatasetDef, db: Db): Promise<ReferenceDataset> {
  const [editions, currentEdition] = await Promise.all([ds.store.editions(db), ds.store.currentEdition(db)]);
  return {
    key: ds.key,
    name: ds.name,
    columns: ds.columns.map(toContractColumn),
    hasEnabled: ds.hasEnabled,
    hasEditions: ds.hasEditions,
    editions,
    currentEdition,
    rowCount: ds.hasEditions && !currentEdition ? 0 : await ds.store.count(db, currentEdition),
  };
}

export async function listDatasets(ctx: ServiceContext): Promise<ReferenceDatasetListResponse> {
  return { items: await Promise.all(referenceDatasets.map((ds) => describe(ds, ctx.db))) };
}

const toContractRow = (r: StoredRow): ReferenceRow => ({
  key: r.key,
  enabled: r.enabled,
  modifiedByAdmin: r.modifiedByAdmin,
  values: r.values,
  updatedAt: r.updatedAt,
});

export async function listRows(
  ctx: ServiceContext,
  dataset: string,
  query: {
    q?: string | undefined;
    enabled: 'all' | 'enabled' | 'disabled';
    edition?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<ReferenceRowsResponse> {
  const ds = datasetOf(dataset);
  const edition = await resolveEdition(ds, ctx.db, query.edition);
  const { rows, total } =
    ds.hasEditions && !edition
      ? { rows: [], total: 0 }
      : await ds.store.list(ctx.db, {
          q: query.q,
          enabled: ds.hasEnabled ? query.enabled : 'all',
          edition,
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        });
  await ds.decorate?.(ctx.db, rows);
  return { items: rows.map(toContractRow), total, page: query.page, pageSize: query.pageSize, edition };
}

async function loadRow(ds: DatasetDef, db: Db, key: string): Promise<StoredRow> {
  const row = await ds.store.find(db, key);
  if (!row) throw new AppError('NOT_FOUND');
  await ds.decorate?.(db, [row]);
  return row;
}

export const invalid = (ctx: Pick<ServiceContext, 'locale'>, problems: FieldProblem[]) =>
  new AppError('VALIDATION_FAILED', {
    fields: problems.map((p) => ({ path: p.column, message: translate(ctx.locale, p.message) })),
  });

/** Everything a change made here does in its transaction besides the write: revision, HS index, audit. */
async function afterChange(
  trx: Trx,
  ctx: ServiceContext,
  ds: DatasetDef,
  event: {
    entityId: string;
    action: string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
) {
  await bumpAdminRevision(trx, ds.key, iso(ctx.clock.now()));
  if (ds.bumpsHsVersion) await bumpHsCodesVersion(trx, ctx.clock);
  await recordAudit(trx, ctx, { entityType: `reference:${ds.key}`, ...event });
}

const snapshot = (r: { enabled: boolean; values: ReferenceValues }, edition: string | null) => ({
  ...(edition ? { edition } : {}),
  enabled: r.enabled,
  values: r.values,
});

/** 新增: 201 with the row; 409 when the key is taken; 400 with the problems per column. */
export async function createRow(
  ctx: ServiceContext,
  dataset: string,
  body: ReferenceRowBody,
): Promise<ReferenceRow> {
  const ds = datasetOf(dataset);
  const edition = await resolveEdition(ds, ctx.db, body.edition);
  if (ds.hasEditions && !edition)
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'edition', message: 'v.required' }] });
  const { values, problems } = readValues(ds.columns, body.values, ctx.locale, empty);
  if (problems.length === 0) problems.push(...((await ds.checker?.(ctx.db, ctx))?.(values, edition) ?? []));
  if (problems.length) throw invalid(ctx, problems);
  const key = ds.keyOf(values, edition);
  const duplicate = () => new AppError('CONFLICT', { message: 'e.refadm.duplicateKey', params: { key } });
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (await ds.store.find(trx, key)) throw duplicate();
      await ds.beforeWrite?.(trx, ctx, edition);
      await ds.store.insert(trx, ctx, [{ key, values, enabled: true }], edition);
      await afterChange(trx, ctx, ds, {
        entityId: key,
        action: 'REFERENCE_ROW_CREATED',
        after: snapshot({ enabled: true, values }, edition),
      });
    });
  } catch (err) {
    // Created by another request between the check and the insert.
    if (isUniqueViolation(err, '')) throw duplicate();
    throw err;
  }
  return toContractRow(await loadRow(ds, ctx.db, key));
}

/** 修改: the key columns never change (the row's own are kept); values left out keep theirs. */
export async function updateRow(
  ctx: ServiceContext,
  dataset: string,
  key: string,
  body: ReferenceRowBody,
): Promise<ReferenceRow> {
  const ds = datasetOf(dataset);
  const before = await loadRow(ds, ctx.db, key);
  const edition = before.edition;
  const raw = { ...body.values };
  for (const c of ds.columns) if (c.isKey) raw[c.key] = before.values[c.key] ?? null;
  const { values, problems } = readValues(
    ds.columns,
    raw,
    ctx.locale,
    (c) => before.values[c.key] ?? empty(c),
  );
  if (problems.length === 0) problems.push(...((await ds.checker?.(ctx.db, ctx))?.(values, edition) ?? []));
  if (problems.length) throw invalid(ctx, problems);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await ds.store.find(trx, key);
    if (!current) throw new AppError('NOT_FOUND');
    await ds.beforeWrite?.(trx, ctx, edition);
    await ds.store.update(trx, ctx, { key, values, enabled: current.enabled }, edition);
    await afterChange(trx, ctx, ds, {
      entityId: key,
      action: 'REFERENCE_ROW_UPDATED',
      before: snapshot(current, edition),
      after: snapshot({ enabled: current.enabled, values }, edition),
    });
  });
  return toContractRow(await loadRow(ds, ctx.db, key));
}

/** 启用 / 停用: records made with the row keep naming it; new ones can no longer choose it. */
export async function setRowEnabled(
  ctx: ServiceContext,
  dataset: string,
  key: string,
  enabled: boolean,
): Promise<ReferenceRow> {
  const ds = datasetOf(dataset);
  if (!ds.hasEnabled) throw new AppError('INVALID_TRANSITION', { message: 'e.refadm.noEnabled' });
  await ctx.db.transaction().execute(async (trx) => {
    const current = await ds.store.find(trx, key);
    if (!current) throw new AppError('NOT_FOUND');
    await ds.store.setEnabled(trx, ctx, key, enabled);
    await afterChange(trx, ctx, ds, {
      entityId: key,
      action: enabled ? 'REFERENCE_ROW_ENABLED' : 'REFERENCE_ROW_DISABLED',
      before: { enabled: current.enabled },
      after: { enabled },
    });
  });
  return toContractRow(await loadRow(ds, ctx.db, key));
}

/** 切换现行版本 of the HS codes: the picker offers that edition from the next search on, on every instance. */
export async function switchHsEdition(ctx: ServiceContext, edition: string): Promise<ReferenceDataset> {
  const ds = datasetOf('hs-codes');
  if (!EDITION.test(edition) || !(await ds.store.editions(ctx.db)).includes(edition)) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'edition', message: 'e.refadm.editionUnknown' }],
    });
  }
  const before = await ds.store.currentEdition(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    await setCurrentHsEdition(trx, ctx.clock, edition);
    await afterChange(trx, ctx, ds, {
      entityId: 'current-edition',
      action: 'REFERENCE_EDITION_SWITCHED',
      before: { edition: before },
      after: { edition },
    });
  });
  return describe(ds, ctx.db);
}
