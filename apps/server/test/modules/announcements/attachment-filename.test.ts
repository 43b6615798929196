import { describe, expect, it } from 'vitest';
import { cleanFilename, contentDisposition } from '../../../src/lib/filenames';
import { describeDb } from '../../helpers/build-test-app';

describe(`attachment file names ${describeDb}`, () => {
  it('keeps the last path segment, without control characters, in NFC', () => {
    expect(cleanFilename('C:\\Users\\张三\\Desktop\\通知.pdf')).toBe('通知.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('a\u0000b\u001fc\u0085.pdf')).toBe('abc.pdf');
    expect(cleanFilename('e\u0301.png')).toBe('\u00e9.png');
    expect(cleanFilename('')).toBe('attachment');
    expect(cleanFilename(undefined)).toBe('attachment');
    expect(cleanFilename('..')).toBe('attachment');
  });

  it('shortens a long name to 200 characters, keeping the extension', () => {
    const name = cleanFilename(`${'长'.repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('writes a UTF-8 filename* and an ASCII stand-in that cannot break the header', () => {
    expect(contentDisposition('营业执照 (副本)\'s "copy".pdf')).toBe(
      `attachment; filename="____ (__)'s _copy_.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%28%E5%89%AF%E6%9C%AC%29%27s%20%22copy%22.pdf`,
    );
  });
});
