import { translate, type Locale, type ReferenceValue, type ReferenceValues } from '@ccc/domain';
import type { ColumnDef, FieldProblem } from './dataset';

/**
 * Values of one row: read from a request body or a file cell, checked against their column, compared,
 * and written back into files. A file cell is always text; a body value may be typed.
 */

const TRUE = new Set(['1', 'true', 'yes', 'y', '是', '启用', '√']);
const FALSE = new Set(['0', 'false', 'no', 'n', '否', '停用', '']);

export type Coerced = { ok: true; value: ReferenceValue } | { ok: false; message: string };

/** A primitive's text; objects have none (a list is handled before). */
const str = (raw: unknown): string =>
  typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : '';

/** One raw value as the column's type; `''` and null are null (a list: []; a flag: false). */
export function coerce(col: ColumnDef, raw: unknown): Coerced {
  if (raw === undefined || raw === null) return { ok: true, value: empty(col) };
  switch (col.type) {
    case 'integer': {
      if (typeof raw === 'number') return Number.isInteger(raw) ? ok(raw) : bad('v.refadm.integer');
      if (typeof raw !== 'string') return bad('v.refadm.integer');
      const s = raw.trim();
      if (s === '') return ok(null);
      return /^-?\d{1,9}$/.test(s) ? ok(Number(s)) : bad('v.refadm.integer');
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return ok(raw);
      const s = str(raw).trim().toLowerCase();
      if (typeof raw === 'object') return bad('v.refadm.boolean');
      if (TRUE.has(s)) return ok(true);
      if (FALSE.has(s)) return ok(false);
      return bad('v.refadm.boolean');
    }
    case 'list': {
      const parts = Array.isArray(raw) ? raw.map(str) : str(raw).split(/[;；,，\s]+/);
      return ok([...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))]);
    }
    case 'text':
    case 'date':
    case 'enum': {
      if (typeof raw === 'object') return bad('v.invalid');
      const s = str(raw).trim();
      return ok(s === '' ? null : s);
    }
  }
}

const ok = (value: ReferenceValue): Coerced => ({ ok: true, value });
const bad = (message: string): Coerced => ({ ok: false, message });

export function empty(col: ColumnDef): ReferenceValue {
  if (col.type === 'list') return [];
  if (col.type === 'boolean') return false;
  return null;
}

const isEmpty = (v: ReferenceValue) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Problems of one coerced value against its column (required, length, options, pattern, range). */
export function checkValue(col: ColumnDef, value: ReferenceValue, locale: Locale): FieldProblem | null {
  const problem = (message: string, params?: Record<string, string | number>) => ({
    column: col.key,
    message: translate(locale, message, params),
  });
  if (isEmpty(value)) return col.required ? problem('v.required') : null;
  if (typeof value === 'string') {
    if (col.maxLength && value.length > col.maxLength)
      return problem('v.refadm.maxLength', { max: col.maxLength });
    if (col.options && !col.options.includes(value)) {
      return problem('v.refadm.option', { options: col.options.join(' / ') });
    }
    if (col.type === 'date' && !isDate(value)) return problem('v.date');
    if (col.pattern && !col.pattern.re.test(value)) return problem(col.pattern.message);
  }
  if (typeof value === 'number' && ((col.min ?? -Infinity) > value || value > (col.max ?? Infinity))) {
    return problem('v.refadm.range', { min: col.min ?? '', max: col.max ?? '' });
  }
  if (Array.isArray(value) && col.pattern) {
    const wrong = value.find((v) => !col.pattern!.re.test(v));
    if (wrong !== undefined) return problem(col.pattern.message);
  }
  return null;
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Coerces and checks the editable columns of a row from raw input; `fallback` gives the value of a column
 * the input leaves out (an edit keeps the row's, a create takes the column's default).
 */
export function readValues(
  columns: ColumnDef[],
  raw: Record<string, unknown>,
  locale: Locale,
  fallback: (col: ColumnDef) => ReferenceValue,
): { values: ReferenceValues; problems: FieldProblem[] } {
  const values: ReferenceValues = {};
  const problems: FieldProblem[] = [];
  for (const col of columns) {
    if (col.editable === false) continue;
    const c = col.key in raw && raw[col.key] !== undefined ? coerce(col, raw[col.key]) : ok(fallback(col));
    if (!c.ok) {
      problems.push({ column: col.key, message: translate(locale, c.message) });
      continue;
    }
    const value = isEmpty(c.value) && col.default !== undefined ? col.default : c.value;
    values[col.key] = value;
    const p = checkValue(col, value, locale);
    if (p) problems.push(p);
  }
  return { values, problems };
}

/** Same value for the file's purposes (a list in any order counts as different: order is kept). */
export function sameValue(a: ReferenceValue | undefined, b: ReferenceValue | undefined): boolean {
  const norm = (v: ReferenceValue | undefined) =>
    v === undefined || v === null || v === '' ? null : Array.isArray(v) ? (v.length ? v.join(';') : null) : v;
  const x = norm(a);
  const y = norm(b);
  return x === y || (x !== null && y !== null && String(x) === String(y));
}

/** The editable columns whose values differ. */
export function diffValues(columns: ColumnDef[], before: ReferenceValues, after: ReferenceValues) {
  return columns
    .filter((c) => c.editable !== false && !c.isKey && !sameValue(before[c.key], after[c.key]))
    .map((c) => ({ column: c.key, before: before[c.key] ?? null, after: after[c.key] ?? null }));
}

/** A value as a file cell's text. */
export function cellText(col: ColumnDef, value: ReferenceValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (col.type === 'boolean') return value === true ? '是' : '否';
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}
