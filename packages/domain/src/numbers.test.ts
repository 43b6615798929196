import { describe, expect, it } from 'vitest';
import {
  applicationSerialPeriod,
  chinaDate,
  chinaDayStartIso,
  formatApplicationNumber,
  formatCertificateNumber,
  MAX_SERIAL,
  parseApplicationNumber,
  parseCertificateNumber,
  yymmOf,
} from './numbers';

describe('application and certificate numbers', () => {
  it('formats the 19-character 申请编号 of the manual', () => {
    // The manual's sample A160000031903058283: bureau 160000, clause 03, March 2019, serial 058283.
    const n = formatApplicationNumber({
      bureauCode: '160000',
      clauseCode: '03',
      yymm: '1903',
      serial: 58283,
    });
    expect(n).toBe('A160000031903058283');
    expect(n).toHaveLength(19);
    expect(parseApplicationNumber(n)).toEqual({
      bureauCode: '160000',
      clauseCode: '03',
      yymm: '1903',
      serial: 58283,
    });
    expect(parseApplicationNumber('a440000012603000001')?.serial).toBe(1);
  });

  it('refuses serials outside 1 … 999999 and malformed parts', () => {
    const base = { bureauCode: '440000', clauseCode: '01', yymm: '2603' };
    expect(formatApplicationNumber({ ...base, serial: MAX_SERIAL })).toBe('A440000012603999999');
    expect(() => formatApplicationNumber({ ...base, serial: MAX_SERIAL + 1 })).toThrow(RangeError);
    expect(() => formatApplicationNumber({ ...base, serial: 0 })).toThrow(RangeError);
    expect(() => formatApplicationNumber({ ...base, bureauCode: '4400', serial: 1 })).toThrow(RangeError);
    expect(() => formatApplicationNumber({ ...base, clauseCode: '1', serial: 1 })).toThrow(RangeError);
    expect(() => formatApplicationNumber({ ...base, yymm: '2613', serial: 1 })).toThrow(RangeError);
    expect(parseApplicationNumber('A44000001260300000')).toBeNull();
    expect(parseApplicationNumber('A440000012613000001')).toBeNull();
    expect(parseApplicationNumber('A440000012603000000')).toBeNull();
  });

  it('takes year and month in China time (UTC+8)', () => {
    // 2026-12-31 23:59 in China is still December; one minute later it is January 2027.
    expect(yymmOf(new Date('2026-12-31T15:59:00Z'))).toBe('2612');
    expect(applicationSerialPeriod(new Date('2026-12-31T15:59:00Z'))).toBe('2026');
    expect(yymmOf(new Date('2026-12-31T16:00:00Z'))).toBe('2701');
    expect(applicationSerialPeriod(new Date('2026-12-31T16:00:00Z'))).toBe('2027');
    expect(chinaDate(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(chinaDayStartIso('2026-03-02')).toBe('2026-03-01T16:00:00.000Z');
  });

  it('formats and parses the 13-character 证明号', () => {
    const n = formatCertificateNumber({ letter: 'N', bureauPrefix: '1105', yy: '19', serial: 140 });
    expect(n).toBe('N110519000140');
    expect(parseCertificateNumber('M400119000104')).toEqual({
      letter: 'M',
      bureauPrefix: '4001',
      yy: '19',
      serial: 104,
    });
    expect(parseCertificateNumber('N11051900014')).toBeNull();
    expect(() =>
      formatCertificateNumber({ letter: 'N', bureauPrefix: '1105', yy: '19', serial: 1_000_000 }),
    ).toThrow();
  });
});
