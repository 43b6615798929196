import type { ServiceContext } from '../../context';
import { AppError } from '../../lib/app-error';
import { ENABLED_HEADER } from './dataset';
import { datasetOf } from './datasets';
import { resolveEdition } from './reference-admin.service';
import { writeCsv, writeXlsx } from './reference-files';
import { cellText } from './values';

/**
 * 导出: every row of the dataset (of one edition) with the Chinese headers, derived columns included, and
 * 启用 last. The same file imported back changes nothing.
 */
export async function exportDataset(
  ctx: ServiceContext,
  dataset: string,
  query: { format: 'csv' | 'xlsx'; edition?: string | undefined },
): Promise<{ filename: string; contentType: string; body: Buffer }> {
  const ds = datasetOf(dataset);
  const edition = await resolveEdition(ds, ctx.db, query.edition);
  if (ds.hasEditions && edition && !(await ds.store.editions(ctx.db)).includes(edition)) {
    throw new AppError('NOT_FOUND');
  }
  const rows = ds.hasEditions && !edition ? [] : await ds.store.all(ctx.db, edition);
  await ds.decorate?.(ctx.db, rows);
  const headers = [...ds.columns.map((c) => c.header), ...(ds.hasEnabled ? [ENABLED_HEADER] : [])];
  const name = `${ds.name}${edition ? `-${edition}` : ''}`;
  if (query.format === 'csv') {
    const body = writeCsv(
      headers,
      rows.map((r) => [
        ...ds.columns.map((c) => cellText(c, r.values[c.key])),
        ...(ds.hasEnabled ? [r.enabled ? '是' : '否'] : []),
      ]),
    );
    return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body };
  }
  const body = await writeXlsx(
    ds.name,
    headers,
    rows.map((r) => [
      ...ds.columns.map((c) => {
        const v = r.values[c.key];
        return c.type === 'integer' && typeof v === 'number' ? v : cellText(c, v);
      }),
      ...(ds.hasEnabled ? [r.enabled ? '是' : '否'] : []),
    ]),
  );
  return {
    filename: `${name}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}
