/**
 * Validators for the codes that identify organisations: the 18-character unified social credit code
 * (GB 32100-2015) and the 9-character organisation code (GB 11714-1997).
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Upper case, without spaces or hyphens: the form codes are stored in. */
export function normaliseOrgCode(raw: string): string {
  return raw.replace(/[\s\-－—]/g, '').toUpperCase();
}

export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function orgCodeCheckChar(first8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = ORG_ALPHABET.indexOf(first8[i] ?? '');
    if (v < 0) return null;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export type OrgCodeProblem = 'length' | 'characters' | 'check';

/** Why a code is not valid, or null when it is. Takes a normalised code. */
export function orgCodeProblem(code: string): OrgCodeProblem | null {
  if (code.length === 18) {
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return 'characters';
    if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'check';
    // characters 9-17 are the embedded organisation code, which carries its own check character
    return null;
  }
  if (code.length === 9) {
    if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return 'characters';
    if (orgCodeCheckChar(code.slice(0, 8)) !== code[8]) return 'check';
    return null;
  }
  return 'length';
}

/** The 9-character organisation code inside an 18-character credit code (characters 9 to 17). */
export function embeddedOrgCode(code: string): string | null {
  return code.length === 18 ? code.slice(8, 17) : null;
}
