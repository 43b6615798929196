import { describe, expect, it } from 'vitest';
import {
  embeddedOrgCode,
  normaliseOrgCode,
  orgCodeCheckChar,
  orgCodeProblem,
  usccCheckChar,
} from './org-codes';

describe('organisation codes', () => {
  it('accepts real unified social credit codes (GB 32100)', () => {
    // published codes of well-known companies
    for (const code of ['91350100M000100Y43', '914403001922038216', '91110000802100433B']) {
      expect(orgCodeProblem(code)).toBeNull();
    }
  });

  it('computes the GB 32100 check character', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('9135010OM000100Y4')).toBeNull();
  });

  it('refuses a wrong check character, forbidden letters and wrong lengths', () => {
    expect(orgCodeProblem('91350100M000100Y44')).toBe('check');
    expect(orgCodeProblem('91350100M00010OY43')).toBe('characters');
    expect(orgCodeProblem('9135010')).toBe('length');
  });

  it('validates 9-character organisation codes (GB 11714), X as check 10', () => {
    expect(orgCodeCheckChar('D2143569')).toBe('X');
    expect(orgCodeProblem('D2143569X')).toBeNull();
    expect(orgCodeProblem('D21435691')).toBe('check');
    expect(orgCodeCheckChar('00000001')).toBe('9');
    expect(orgCodeProblem(normaliseOrgCode('d2143569-x'))).toBeNull();
  });

  it('finds the organisation code inside a credit code', () => {
    expect(embeddedOrgCode('91350100M000100Y43')).toBe('M000100Y4');
    expect(orgCodeProblem('M000100Y4')).toBeNull();
  });
});
