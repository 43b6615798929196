/**
 * Text set line by line for the certificate: the renderer wraps every text itself (pdfkit's own wrapper
 * adds pages on its own and cannot split a table row across pages), so it knows each line and its height
 * before drawing, repeats the table header on a new page and splits a very tall row between pages.
 */

/** A run of text in one style. */
export interface TextBlock {
  text: string;
  font: string;
  size: number;
  color: string;
  /** Space after each line (pt); default size × 0.3. */
  lineGap?: number;
  /** Space before the block (pt). */
  spaceBefore?: number;
  align?: 'left' | 'center' | 'right';
  characterSpacing?: number;
}

/** A wrapped line, with its top offset from the top of its cell. */
export interface SetLine {
  text: string;
  block: TextBlock;
  dy: number;
  height: number;
  /** Offset from the left edge (a second run on the same line). */
  dx?: number;
}

const CJK = '\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef';
/**
 * Tokens: one CJK character (breakable anywhere), a run of blanks, or a run of anything else (a word),
 * which may also break after a hyphen or slash (model numbers such as QXA-B141/380V-50Hz; not inside
 * a URL's scheme).
 */
const TOKEN = new RegExp(`[${CJK}]|[ \\t]+|(?:[a-z]+://)?[^ \\t${CJK}/-]*[/-]+|[^ \\t${CJK}/-]+`, 'giu');
/** Characters that may not begin a line (they hang at the end of the previous one instead). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’,.;:?!)]}%']);

/** `text` broken into lines no wider than `width` in the document's current font and size. */
export function wrapText(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const measure = (s: string) => doc.widthOfString(s);
  const out: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    let lineWidth = 0;
    const push = () => {
      out.push(line.trimEnd());
      line = '';
      lineWidth = 0;
    };
    for (const token of paragraph.match(TOKEN) ?? []) {
      if (/^[ \t]+$/.test(token)) {
        if (line !== '') {
          line += ' ';
          lineWidth += measure(' ');
        }
        continue;
      }
      const w = measure(token);
      if (lineWidth + w <= width || (line !== '' && NO_LINE_START.has(token))) {
        line += token;
        lineWidth += w;
        continue;
      }
      if (line.trim() !== '') push();
      else line = '';
      if (w <= width) {
        line = token;
        lineWidth = w;
        continue;
      }
      // A word wider than the column (a long model number): broken between characters.
      for (const ch of token) {
        const cw = measure(ch);
        if (lineWidth + cw > width && line !== '') push();
        line += ch;
        lineWidth += cw;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

/** The blocks wrapped to `width`, one after the other, and their total height. */
export function typeset(
  doc: PDFKit.PDFDocument,
  blocks: readonly TextBlock[],
  width: number,
): { lines: SetLine[]; height: number } {
  const lines: SetLine[] = [];
  let y = 0;
  for (const block of blocks) {
    if (block.text === '') continue;
    doc.font(block.font).fontSize(block.size);
    const height = doc.currentLineHeight(true) + (block.lineGap ?? block.size * 0.3);
    y += block.spaceBefore ?? 0;
    for (const text of wrapText(doc, block.text, width)) {
      lines.push({ text, block, dy: y, height });
      y += height;
    }
  }
  return { lines, height: y };
}

/**
 * A Chinese text and its English counterpart on one line when both fit (the smaller one on the same
 * baseline), else one under the other.
 */
export function typesetPair(
  doc: PDFKit.PDFDocument,
  first: TextBlock,
  second: TextBlock,
  width: number,
): { lines: SetLine[]; height: number } {
  const gap = 4;
  const measure = (b: TextBlock) => doc.font(b.font).fontSize(b.size).widthOfString(b.text);
  const w1 = measure(first);
  if (w1 + gap + measure(second) > width) return typeset(doc, [first, second], width);
  const one = typeset(doc, [first], width);
  // pdfkit places a line by its top; the font's ascender puts the baseline that far below it.
  const ascender = (doc as unknown as { _font: { ascender: number } })._font.ascender / 1000;
  const line = {
    ...typeset(doc, [second], width).lines[0]!,
    dx: w1 + gap,
    dy: ascender * (first.size - second.size),
  };
  return { lines: [...one.lines, line], height: one.height };
}

/** Draws set lines with their tops at y (offset by the first line's dy), aligned within [x, x + width]. */
export function drawLines(
  doc: PDFKit.PDFDocument,
  lines: readonly SetLine[],
  x: number,
  y: number,
  width: number,
): void {
  const base = lines[0]?.dy ?? 0;
  for (const line of lines) {
    const { block } = line;
    doc.font(block.font).fontSize(block.size).fillColor(block.color);
    const options = { lineBreak: false, characterSpacing: block.characterSpacing ?? 0 };
    const w = doc.widthOfString(line.text, options);
    const left =
      (line.dx ?? 0) +
      (block.align === 'center' ? x + (width - w) / 2 : block.align === 'right' ? x + width - w : x);
    doc.text(line.text, left, y + line.dy - base, options);
  }
}
