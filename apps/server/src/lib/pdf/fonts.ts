import fs from 'node:fs';
import path from 'node:path';
import { assetsDir } from '../../paths';
import { sha256Hex } from '../crypto';
import { coveredCodePoints } from './cmap';

/** The names every PDF registers the shipped fonts under (see createPdfDocument). */
export const CJK_FONT = 'cjk';
export const CJK_FONT_BOLD = 'cjk-bold';

/** Noto Sans CJK SC, subset by scripts/subset-font.sh; see apps/server/assets/fonts/README.md. */
export const fontsDir = path.join(assetsDir, 'fonts');
const FILES = {
  regular: 'NotoSansCJKsc-Regular.subset.otf',
  bold: 'NotoSansCJKsc-Bold.subset.otf',
} as const;

export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
  /** SHA-256 over both files: part of any cache key of a rendered PDF. */
  fingerprint: string;
  /** Code points both weights can print. */
  covered: ReadonlySet<number>;
}

let loaded: PdfFonts | null = null;

/** The font Buffers, read once per process (reading and parsing a font per PDF costs ~100 ms). */
export function pdfFonts(): PdfFonts {
  if (!loaded) {
    const regular = fs.readFileSync(path.join(fontsDir, FILES.regular));
    const bold = fs.readFileSync(path.join(fontsDir, FILES.bold));
    const boldCovered = coveredCodePoints(bold);
    const covered = new Set([...coveredCodePoints(regular)].filter((c) => boldCovered.has(c)));
    loaded = { regular, bold, fingerprint: sha256Hex(sha256Hex(regular) + sha256Hex(bold)), covered };
  }
  return loaded;
}

/**
 * The distinct characters of `text` the shipped fonts cannot print (they would come out as empty boxes),
 * ignoring line breaks, tabs and other controls. Empty when the text prints completely.
 */
export function uncoveredCharacters(text: string): string[] {
  const { covered } = pdfFonts();
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    if (!covered.has(cp)) missing.add(ch);
  }
  return [...missing];
}
