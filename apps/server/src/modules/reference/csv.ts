/**
 * A small RFC 4180 parser: comma-separated, fields optionally in double quotes (which may hold commas,
 * line breaks and doubled quotes), CRLF or LF line ends, an optional UTF-8 BOM. The first row is the header.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records = parseCsvRecords(text);
  const header = records.shift();
  if (!header) return [];
  return records.map((fields, i) => {
    if (fields.length !== header.length) {
      throw new Error(`CSV row ${i + 2} has ${fields.length} fields, the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, j) => [name, fields[j] ?? '']));
  });
}

/** Every record as an array of fields; blank lines are skipped. */
export function parseCsvRecords(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  const records: string[][] = [];
  let i = 0;
  while (i < n) {
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (src.charCodeAt(i) === QUOTE) {
        value = '';
        let j = i + 1;
        for (;;) {
          const q = src.indexOf('"', j);
          if (q < 0) throw new Error('CSV ends inside a quoted field');
          value += src.slice(j, q);
          if (src.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Lenient: text between the closing quote and the next delimiter is kept.
        const end = delimiterAt(src, i);
        value += src.slice(i, end);
        i = end;
      } else {
        const end = delimiterAt(src, i);
        value = src.slice(i, end);
        i = end;
      }
      fields.push(value);
      if (src.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      if (src.charCodeAt(i) === CR) i++;
      if (src.charCodeAt(i) === LF) i++;
      break;
    }
    if (fields.length > 1 || fields[0] !== '') records.push(fields);
  }
  return records;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** The index of the next comma or line end at or after `from` (the text's length if none). */
function delimiterAt(src: string, from: number): number {
  let j = from;
  while (j < src.length) {
    const c = src.charCodeAt(j);
    if (c === COMMA || c === LF || c === CR) return j;
    j++;
  }
  return j;
}
