/**
 * Exact decimal quantities (数量): up to 3 decimal places, never a binary float.
 *
 * On the wire and in the database a quantity is a canonical decimal STRING ("12.5", "0.001", "1000");
 * arithmetic goes through integer thousandths held in a BigInt, so 0.1 + 0.2 is exactly 0.3 and sums of
 * any size stay exact.
 */

/** Decimal places a quantity may carry. */
export const QUANTITY_SCALE = 3;
/** Digits before the decimal point a quantity may carry (up to 999,999,999,999.999). */
export const QUANTITY_INTEGER_DIGITS = 12;

const SCALE_FACTOR = 10n ** BigInt(QUANTITY_SCALE);

export type QuantityProblem = 'format' | 'decimals' | 'positive' | 'tooLarge';

/** Full-width digits, point and minus (as typed with a Chinese input method) become ASCII. */
function foldWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．。]/g, '.')
    .replace(/[－]/g, '-')
    .replace(/[＋]/g, '+');
}

/**
 * Reads a decimal quantity: optional sign, digits, optional fraction. Returns the canonical string
 * (no leading zeros, no trailing fractional zeros, no "+") or the reason it is not one.
 * Scientific notation, thousands separators and more than 3 significant decimals are refused.
 */
export function parseDecimal(
  input: string | number,
  opts: { scale?: number; integerDigits?: number } = {},
): { ok: true; value: string } | { ok: false; problem: QuantityProblem } {
  const scale = opts.scale ?? QUANTITY_SCALE;
  const integerDigits = opts.integerDigits ?? QUANTITY_INTEGER_DIGITS;
  if (typeof input === 'number' && !Number.isFinite(input)) return { ok: false, problem: 'format' };
  const text = foldWidth(String(input)).trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return { ok: false, problem: 'format' };
  const negative = m[1] === '-';
  const intPart = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fracPart = (m[3] ?? '').replace(/0+$/, '');
  if (fracPart.length > scale) return { ok: false, problem: 'decimals' };
  if (intPart.replace(/^0+/, '').length > integerDigits) return { ok: false, problem: 'tooLarge' };
  const isZero = /^0+$/.test(intPart) && fracPart === '';
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return { ok: true, value: negative && !isZero ? `-${body}` : body };
}

/** A positive quantity (> 0, up to 3 decimals) in canonical form, or the reason it is not one. */
export function parseQuantity(
  input: string | number,
): { ok: true; value: string } | { ok: false; problem: QuantityProblem } {
  const parsed = parseDecimal(input);
  if (!parsed.ok) return parsed;
  if (parsed.value.startsWith('-') || toThousandths(parsed.value) === 0n)
    return { ok: false, problem: 'positive' };
  return parsed;
}

/** Canonical decimal string → integer thousandths. Throws on anything that is not canonical-ish. */
export function toThousandths(value: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(value);
  if (!m) throw new Error(`Not a decimal with up to ${QUANTITY_SCALE} places: ${value}`);
  const units = BigInt(m[2]!) * SCALE_FACTOR + BigInt((m[3] ?? '').padEnd(QUANTITY_SCALE, '0'));
  return m[1] === '-' ? -units : units;
}

/** Integer thousandths → canonical decimal string. */
export function fromThousandths(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const int = abs / SCALE_FACTOR;
  const frac = (abs % SCALE_FACTOR).toString().padStart(QUANTITY_SCALE, '0').replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : `${int}`;
  return negative ? `-${body}` : body;
}

/** Exact sum of decimal strings. */
export function addDecimals(...values: string[]): string {
  return fromThousandths(values.reduce((sum, v) => sum + toThousandths(v), 0n));
}

/** Exact a − b. */
export function subtractDecimals(a: string, b: string): string {
  return fromThousandths(toThousandths(a) - toThousandths(b));
}

/** −1, 0 or 1 as a <, =, > b. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const x = toThousandths(a);
  const y = toThousandths(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
