/**
 * The Unicode code points an OpenType/TrueType font maps to a real glyph, read from its `cmap` table
 * (format 12 when present, else format 4). Enough to tell whether a text can be printed with the font.
 */
export function coveredCodePoints(font: Buffer): Set<number> {
  const numTables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (font.toString('latin1', rec, rec + 4) === 'cmap') cmap = font.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error('font has no cmap table');

  const subtables = new Map<string, number>();
  const count = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    const offset = cmap + font.readUInt32BE(rec + 4);
    subtables.set(
      `${font.readUInt16BE(rec)}/${font.readUInt16BE(rec + 2)}/${font.readUInt16BE(offset)}`,
      offset,
    );
  }
  const full = subtables.get('3/10/12') ?? subtables.get('0/4/12') ?? subtables.get('0/6/12');
  if (full !== undefined) return readFormat12(font, full);
  const bmp = subtables.get('3/1/4') ?? subtables.get('0/3/4') ?? subtables.get('0/4/4');
  if (bmp !== undefined) return readFormat4(font, bmp);
  throw new Error('font has no Unicode cmap (format 4 or 12)');
}

function readFormat12(font: Buffer, at: number): Set<number> {
  const out = new Set<number>();
  const groups = font.readUInt32BE(at + 12);
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    const start = font.readUInt32BE(g);
    const end = font.readUInt32BE(g + 4);
    const glyph = font.readUInt32BE(g + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
  }
  return out;
}

function readFormat4(font: Buffer, at: number): Set<number> {
  const out = new Set<number>();
  const segCount = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const start = font.readUInt16BE(starts + s * 2);
    const end = font.readUInt16BE(ends + s * 2);
    const delta = font.readUInt16BE(deltas + s * 2);
    const rangeOffsetPos = rangeOffsets + s * 2;
    const rangeOffset = font.readUInt16BE(rangeOffsetPos);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = font.readUInt16BE(rangeOffsetPos + rangeOffset + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
  return out;
}
