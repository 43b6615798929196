/**
 * Folds text for searching: full-width ASCII forms (Ａ１（) become half-width (A1(), the ideographic
 * space a plain space, then everything is lower-cased and runs of spaces collapse. The HS picker folds
 * the user's query the same way before matching `hs_codes.search_text`.
 */
export function foldSearchText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** The searchable text of one HS line: code, name, chapter name and the CCC categories mapped to it. */
export function hsSearchText(parts: (string | null | undefined)[]): string {
  return foldSearchText(parts.filter((p): p is string => !!p).join(' '));
}
