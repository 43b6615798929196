const MAX_NAME = 200;

/**
 * The name an uploaded file keeps: its last path segment, NFC, without control characters, at most
 * 200 characters (the extension kept). Never empty.
 */
export function cleanFilename(raw: string | undefined, fallback = 'attachment'): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  let name = [...last.normalize('NFC')]
    .filter((ch) => {
      const c = ch.codePointAt(0)!;
      return c >= 0x20 && (c < 0x7f || c > 0x9f); // no control characters
    })
    .join('')
    .trim();
  if (name === '' || name === '.' || name === '..') name = fallback;
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  return name;
}

/** RFC 5987 value: percent-encoded UTF-8, with the characters encodeURIComponent leaves alone escaped too. */
const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A Content-Disposition header carrying the UTF-8 name (filename*) and an ASCII stand-in (filename)
 * for old clients.
 */
export function contentDisposition(filename: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`;
}
