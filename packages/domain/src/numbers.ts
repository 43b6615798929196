/**
 * The numbers the system hands out (DOMAIN.md "Numbers"). Formatting and parsing only: the serials come
 * from the server's counters (one atomic UPDATE … RETURNING inside the transaction that uses them).
 */

/** Serials have 6 digits; the 999,999th is the last of a year, never wrapped. */
export const SERIAL_DIGITS = 6;
export const MAX_SERIAL = 10 ** SERIAL_DIGITS - 1;

/** Business dates (YYMM in numbers, the year a serial belongs to) are China's: UTC+8, no daylight saving. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date and time in China of an instant. */
export function chinaDateParts(at: Date): { year: number; month: number; day: number } {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 'YYYY-MM-DD' in China of an instant. */
export function chinaDate(at: Date): string {
  const { year, month, day } = chinaDateParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The UTC instant at which a China calendar date ('YYYY-MM-DD') begins, as ISO text. */
export function chinaDayStartIso(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - CHINA_OFFSET_MS).toISOString();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function checkSerial(serial: number): void {
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) {
    throw new RangeError(`A serial runs from 1 to ${MAX_SERIAL}, not ${serial}`);
  }
}

// ---------------------------------------------------------------- 申请编号

/** The counter an application serial is taken from; its period is the China year ('2026'). */
export const APPLICATION_COUNTER = 'application';

export function applicationSerialPeriod(firstSavedAt: Date): string {
  return String(chinaDateParts(firstSavedAt).year);
}

export interface ApplicationNumberParts {
  /** The accepting bureau's 6-digit code. */
  bureauCode: string;
  /** The exemption clause, 2 digits. */
  clauseCode: string;
  /** Year and month of the first save in China, 'YYMM'. */
  yymm: string;
  /** National serial of the year, 1 … 999999. */
  serial: number;
}

export function yymmOf(at: Date): string {
  const { year, month } = chinaDateParts(at);
  return `${pad(year % 100, 2)}${pad(month, 2)}`;
}

/** 'A' + bureau (6) + clause (2) + YYMM + serial (6): 19 characters, e.g. A440000012603000001. */
export function formatApplicationNumber(p: ApplicationNumberParts): string {
  if (!/^\d{6}$/.test(p.bureauCode)) throw new RangeError(`Bureau code must have 6 digits: ${p.bureauCode}`);
  if (!/^\d{2}$/.test(p.clauseCode)) throw new RangeError(`Clause code must have 2 digits: ${p.clauseCode}`);
  if (!/^\d{2}(0[1-9]|1[0-2])$/.test(p.yymm)) throw new RangeError(`Not a YYMM: ${p.yymm}`);
  checkSerial(p.serial);
  return `A${p.bureauCode}${p.clauseCode}${p.yymm}${pad(p.serial, SERIAL_DIGITS)}`;
}

export const APPLICATION_NUMBER_PATTERN = /^A(\d{6})(\d{2})(\d{2}(?:0[1-9]|1[0-2]))(\d{6})$/;

/** The parts of a 申请编号, or null when the text is not one. */
export function parseApplicationNumber(text: string): ApplicationNumberParts | null {
  const m = APPLICATION_NUMBER_PATTERN.exec(text.trim().toUpperCase());
  if (!m) return null;
  const serial = Number(m[4]);
  if (serial < 1) return null;
  return { bureauCode: m[1]!, clauseCode: m[2]!, yymm: m[3]!, serial };
}

// ---------------------------------------------------------------- 证明号

/** The counter a certificate serial is taken from; its period is the China year. */
export const CERTIFICATE_COUNTER = 'certificate';

export interface CertificateNumberParts {
  /** 'N' as first issued, 'M' for its modified version (both letters are configuration). */
  letter: string;
  /** The first 4 digits of the issuing bureau's code. */
  bureauPrefix: string;
  /** Year of issue in China, 'YY'. */
  yy: string;
  serial: number;
}

/** Letter + bureau prefix (4) + YY + serial (6): 13 characters, e.g. N440026000001. */
export function formatCertificateNumber(p: CertificateNumberParts): string {
  if (!/^[A-Z]$/.test(p.letter)) throw new RangeError(`The letter must be one of A–Z: ${p.letter}`);
  if (!/^\d{4}$/.test(p.bureauPrefix))
    throw new RangeError(`Bureau prefix must have 4 digits: ${p.bureauPrefix}`);
  if (!/^\d{2}$/.test(p.yy)) throw new RangeError(`Not a YY: ${p.yy}`);
  checkSerial(p.serial);
  return `${p.letter}${p.bureauPrefix}${p.yy}${pad(p.serial, SERIAL_DIGITS)}`;
}

export const CERTIFICATE_NUMBER_PATTERN = /^([A-Z])(\d{4})(\d{2})(\d{6})$/;

export function parseCertificateNumber(text: string): CertificateNumberParts | null {
  const m = CERTIFICATE_NUMBER_PATTERN.exec(text.trim().toUpperCase());
  if (!m) return null;
  const serial = Number(m[4]);
  if (serial < 1) return null;
  return { letter: m[1]!, bureauPrefix: m[2]!, yy: m[3]!, serial };
}
