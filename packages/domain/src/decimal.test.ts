import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimals,
  fromThousandths,
  parseDecimal,
  parseQuantity,
  subtractDecimals,
  toThousandths,
} from './decimal';

describe('exact decimal quantities', () => {
  it('normalises to a canonical string', () => {
    const ok = (v: string | number) => {
      const r = parseQuantity(v);
      expect(r.ok, String(v)).toBe(true);
      return r.ok ? r.value : '';
    };
    expect(ok('1')).toBe('1');
    expect(ok('001.500')).toBe('1.5');
    expect(ok(' 12.340 ')).toBe('12.34');
    expect(ok('.5')).toBe('0.5');
    expect(ok('0.001')).toBe('0.001');
    expect(ok('１２．５')).toBe('12.5');
    expect(ok('+3')).toBe('3');
    expect(ok(0.1)).toBe('0.1');
    expect(ok('999999999999.999')).toBe('999999999999.999');
    expect(ok('1.2300')).toBe('1.23');
  });

  it('refuses more than 3 decimals, zero, negatives and non-numbers', () => {
    const problem = (v: string | number) => {
      const r = parseQuantity(v);
      return r.ok ? null : r.problem;
    };
    expect(problem('1.2345')).toBe('decimals');
    expect(problem('0.0001')).toBe('decimals');
    expect(problem('0')).toBe('positive');
    expect(problem('0.000')).toBe('positive');
    expect(problem('-1')).toBe('positive');
    expect(problem('1e3')).toBe('format');
    expect(problem('1,000')).toBe('format');
    expect(problem('abc')).toBe('format');
    expect(problem('.')).toBe('format');
    expect(problem('')).toBe('format');
    expect(problem(Number.NaN)).toBe('format');
    expect(problem('1000000000000')).toBe('tooLarge');
  });

  it('adds without floating-point drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the drift the string form avoids
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('0.001', '0.002', '0.997')).toBe('1');
    expect(addDecimals(...Array.from({ length: 10 }, () => '0.1'))).toBe('1');
    expect(subtractDecimals('1', '0.999')).toBe('0.001');
    expect(subtractDecimals('0.3', '0.5')).toBe('-0.2');
    expect(addDecimals('999999999999.999', '999999999999.999')).toBe('1999999999999.998');
  });

  it('converts to and from integer thousandths', () => {
    expect(toThousandths('12.5')).toBe(12500n);
    expect(toThousandths('0.001')).toBe(1n);
    expect(toThousandths('-2.25')).toBe(-2250n);
    expect(fromThousandths(12500n)).toBe('12.5');
    expect(fromThousandths(-1n)).toBe('-0.001');
    expect(fromThousandths(0n)).toBe('0');
    expect(() => toThousandths('1.2345')).toThrow();
  });

  it('compares', () => {
    expect(compareDecimals('1.5', '1.50')).toBe(0);
    expect(compareDecimals('0.3', addDecimals('0.1', '0.2'))).toBe(0);
    expect(compareDecimals('2', '10')).toBe(-1);
    expect(compareDecimals('10', '2')).toBe(1);
  });

  it('parses signed decimals with other scales', () => {
    expect(parseDecimal('-0')).toEqual({ ok: true, value: '0' });
    expect(parseDecimal('-1.50')).toEqual({ ok: true, value: '-1.5' });
    expect(parseDecimal('1.23456', { scale: 5 })).toEqual({ ok: true, value: '1.23456' });
  });
});
