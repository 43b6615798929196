import type {
  ReferenceColumn,
  ReferenceDataset,
  ReferenceDatasetKey,
  ReferenceRow,
  ReferenceValue,
} from '@ccc/domain';
import type { TFunction } from '../../../lib/i18n';

/** The chooser's groups, in the order shown. */
export const datasetGroups: { key: string; datasets: ReferenceDatasetKey[] }[] = [
  { key: 'goods', datasets: ['hs-codes', 'ccc-categories', 'ccc-products', 'ccc-hs-mappings'] },
  { key: 'bureaus', datasets: ['bureaus'] },
  {
    key: 'application',
    datasets: [
      'clauses',
      'sub-clauses',
      'applicant-types',
      'attachment-types',
      'clause-attachment-requirements',
      'address-types',
    ],
  },
  { key: 'calendar', datasets: ['calendar-days'] },
];

/** A text of the locale files, or `fallback` when there is none (t passes unknown keys through). */
function tOr(t: TFunction, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

export function datasetLabel(t: TFunction, ds: Pick<ReferenceDataset, 'key' | 'name'>): string {
  return tOr(t, `refadm.ds.${ds.key}`, ds.name);
}

export function columnLabel(t: TFunction, dataset: ReferenceDatasetKey, col: ReferenceColumn): string {
  return tOr(t, `refadm.col.${dataset}.${col.key}`, col.header);
}

/** A value as plain text: 是/否, lists joined, an em dash when empty. */
export function formatValue(t: TFunction, value: ReferenceValue | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.length ? value.join('、') : '—';
  return String(value);
}

/** An enum value's label: 'refadm.enum.<dataset>.<column>.<value>' when the locale has one, else the value. */
export function enumLabel(
  t: TFunction,
  dataset: ReferenceDatasetKey,
  col: ReferenceColumn,
  value: string,
): string {
  return tOr(t, `refadm.enum.${dataset}.${col.key}.${value}`, value);
}

/** How a row is named to people: its key columns' values (the URL key may carry the edition). */
export function rowLabel(
  t: TFunction,
  dataset: Pick<ReferenceDataset, 'columns'>,
  row: ReferenceRow,
): string {
  const keys = dataset.columns.filter((c) => c.isKey);
  if (keys.length === 0) return row.key;
  return keys.map((c) => formatValue(t, row.values[c.key])).join(' / ');
}

/** An import line's key without the edition the whole import belongs to ("2026|8501101000" → "8501101000"). */
export function importKeyLabel(key: string, edition: string | null): string {
  return edition && key.startsWith(`${edition}|`) ? key.slice(edition.length + 1) : key;
}
