import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from '../../../src/modules/reference/csv';
import { foldSearchText } from '../../../src/modules/reference/search-text';
import { describeDb } from '../../helpers/build-test-app';

describe(`CSV parser ${describeDb}`, () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\n\n3,,"last"';
    expect(parseCsv(text)).toEqual([
      { a: '1', b: 'x, y', c: 'say "hi"' },
      { a: '2', b: 'two\nlines', c: '' },
      { a: '3', b: '', c: 'last' },
    ]);
  });

  it('keeps empty trailing fields and handles a missing final line break or a lone CR', () => {
    expect(parseCsvRecords('a,b,\n,,')).toEqual([
      ['a', 'b', ''],
      ['', '', ''],
    ]);
    expect(parseCsvRecords('a\rb\r')).toEqual([['a'], ['b']]);
  });

  it('refuses a row with the wrong number of fields and an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/row 2 has 3 fields/);
    expect(() => parseCsvRecords('a,"open\n')).toThrow(/inside a quoted field/);
  });
});

describe(`search text folding ${describeDb}`, () => {
  it('folds full-width forms to half-width, lower-cases and collapses spaces', () => {
    expect(foldSearchText('ＡＢＣ１２３（鲸目）；ＬＥＤ　灯  Ｘ')).toBe('abc123(鲸目);led 灯 x');
    expect(foldSearchText('  Microwave   微波炉 ')).toBe('microwave 微波炉');
  });
});
