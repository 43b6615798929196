import type { Token, Tokens } from 'marked';
import { CJK_FONT, CJK_FONT_BOLD } from '../../lib/pdf/fonts';

/** The manual's type scale and colours (points; A4). */
export const style = {
  body: { size: 10.5, lineGap: 3.5, color: '#262626' },
  table: { size: 9.5, lineGap: 2, pad: 5, border: '#b7c3d3', headFill: '#e9eef5' },
  note: { fill: '#f2f6fb', bar: '#1d4e89', pad: 8 },
  caption: { size: 9, color: '#595959' },
  accent: '#1d4e89',
  link: '#1d63c1',
  muted: '#8c8c8c',
  paragraphGap: 7,
} as const;

/** What the block renderer needs besides the document: images and a running figure number. */
export interface BlockContext {
  doc: PDFKit.PDFDocument;
  images: ReadonlyMap<string, Buffer>;
  /** Figures are numbered per chapter: 图 <chapter>-<n>. */
  chapter: number;
  figure: number;
  opened: Map<string, OpenedImage>;
}

interface OpenedImage {
  width: number;
  height: number;
}

/** A run of text in one style. */
export interface Segment {
  text: string;
  bold?: boolean;
  link?: string;
}

/** Soft line breaks inside a paragraph: dropped between Chinese characters, a space elsewhere. */
function joinSoftBreaks(text: string): string {
  return text.replace(/([^\n]?)\n([^\n]?)/g, (_m, a: string, b: string) => {
    const cjk = /[\u3000-\u9fff\uff00-\uffef]/;
    return cjk.test(a) || cjk.test(b) ? a + b : `${a} ${b}`;
  });
}

/** Inline tokens → styled runs (bold, links); anything else becomes plain text. */
export function inlineSegments(tokens: Token[] | undefined, bold = false, link?: string): Segment[] {
  const out: Segment[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong':
        out.push(...inlineSegments((t as Tokens.Strong).tokens, true, link));
        break;
      case 'em':
      case 'del':
        out.push(...inlineSegments((t as Tokens.Em).tokens, bold, link));
        break;
      case 'link':
        out.push(...inlineSegments((t as Tokens.Link).tokens, bold, (t as Tokens.Link).href));
        break;
      case 'br':
        out.push({ text: '\n', bold, link });
        break;
      case 'html':
        break;
      case 'image':
        out.push({ text: (t as Tokens.Image).text, bold, link });
        break;
      case 'codespan':
        out.push({ text: (t as Tokens.Codespan).text, bold, link });
        break;
      default: {
        const nested = (t as { tokens?: Token[] }).tokens;
        if (nested?.length) out.push(...inlineSegments(nested, bold, link));
        else out.push({ text: joinSoftBreaks((t as { text?: string }).text ?? ''), bold, link });
      }
    }
  }
  return out.filter((s) => s.text.length > 0);
}

export const plainText = (segments: Segment[]) => segments.map((s) => s.text).join('');

interface TextBox {
  x: number;
  width: number;
  size: number;
  lineGap: number;
  color: string;
  align?: 'left' | 'center' | 'right';
}

/** Height of the runs' lines in a box (measured with the bold face if any run is bold: an upper bound). */
export function measureSegments(doc: PDFKit.PDFDocument, segments: Segment[], box: TextBox): number {
  if (segments.length === 0) return 0;
  doc.font(segments.some((s) => s.bold) ? CJK_FONT_BOLD : CJK_FONT).fontSize(box.size);
  // heightOfString counts the line gap after the last line too: leave it out of the ink's height
  return doc.heightOfString(plainText(segments), { width: box.width, lineGap: box.lineGap }) - box.lineGap;
}

/** Draws the runs as one flowing paragraph starting at (box.x, y); leaves doc.y below it. */
export function drawSegments(doc: PDFKit.PDFDocument, segments: Segment[], box: TextBox, y: number): void {
  segments.forEach((s, i) => {
    doc
      .font(s.bold ? CJK_FONT_BOLD : CJK_FONT)
      .fontSize(box.size)
      .fillColor(s.link ? style.link : box.color);
    const options: PDFKit.Mixins.TextOptions = {
      width: box.width,
      lineGap: box.lineGap,
      align: box.align ?? 'left',
      continued: i < segments.length - 1,
      link: s.link ?? null,
      underline: Boolean(s.link),
    };
    if (i === 0) doc.text(s.text, box.x, y, options);
    else doc.text(s.text, options);
  });
  doc.fillColor(style.body.color);
}

/** Start a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

const lineHeight = (doc: PDFKit.PDFDocument, size: number, gap: number) => {
  doc.fontSize(size);
  return doc.currentLineHeight(true) + gap;
};

/** One block-level token inside the text column [x, x + width]. Headings are the caller's. */
export function drawBlock(ctx: BlockContext, token: Token, x: number, width: number): void {
  const { doc } = ctx;
  switch (token.type) {
    case 'paragraph': {
      const p = token as Tokens.Paragraph;
      const only = p.tokens.filter((t) => !(t.type === 'text' && !t.raw.trim()));
      if (only.length === 1 && only[0]?.type === 'image')
        return drawFigure(ctx, only[0] as Tokens.Image, x, width);
      return drawParagraph(ctx, inlineSegments(p.tokens), x, width, style.paragraphGap);
    }
    case 'text': {
      const t = token as Tokens.Text;
      return drawParagraph(ctx, inlineSegments(t.tokens ?? [t]), x, width, 3);
    }
    case 'heading': // a heading inside a list or quote: a bold line
      return drawParagraph(ctx, inlineSegments((token as Tokens.Heading).tokens, true), x, width, 4);
    case 'list':
      drawList(ctx, token as Tokens.List, x, width, 0);
      doc.y += 4;
      return;
    case 'table':
      return drawTable(ctx, token as Tokens.Table, x, width);
    case 'blockquote':
      return drawNote(ctx, (token as Tokens.Blockquote).tokens, x, width);
    case 'code':
      return drawNote(ctx, [{ type: 'text', raw: '', text: (token as Tokens.Code).text }], x, width);
    case 'hr': {
      ensureSpace(doc, 16);
      const y = doc.y + 6;
      doc
        .moveTo(x, y)
        .lineTo(x + width, y)
        .lineWidth(0.5)
        .strokeColor(style.table.border)
        .stroke();
      doc.y = y + 10;
      return;
    }
    default: // space, html comments, definitions: nothing to print
      return;
  }
}

function drawParagraph(ctx: BlockContext, segments: Segment[], x: number, width: number, gapAfter: number) {
  const { doc } = ctx;
  if (segments.length === 0) return;
  const box = { x, width, ...style.body };
  ensureSpace(doc, lineHeight(doc, box.size, box.lineGap) * 2);
  drawSegments(doc, segments, box, doc.y);
  doc.y += gapAfter;
}

function drawList(ctx: BlockContext, list: Tokens.List, x: number, width: number, depth: number): void {
  const { doc } = ctx;
  const start = typeof list.start === 'number' ? list.start : 1;
  const markerWidth = list.ordered ? 20 : 14;
  list.items.forEach((item, i) => {
    ensureSpace(doc, lineHeight(doc, style.body.size, style.body.lineGap) * 2);
    const y = doc.y;
    doc.font(CJK_FONT).fontSize(style.body.size).fillColor(style.body.color);
    if (list.ordered) {
      doc.text(`${start + i}.`, x, y, { width: markerWidth, lineBreak: false });
    } else {
      const cy = y + doc.currentLineHeight() * 0.55;
      doc.circle(x + 4, cy, 2);
      if (depth === 0) doc.fillColor(style.accent).fill();
      else doc.lineWidth(0.8).strokeColor(style.accent).stroke();
    }
    doc.y = y;
    for (const t of item.tokens) {
      if (t.type === 'list') drawList(ctx, t as Tokens.List, x + markerWidth, width - markerWidth, depth + 1);
      else drawBlock(ctx, t, x + markerWidth, width - markerWidth);
    }
    doc.y += item.loose ? 4 : 1;
  });
}

/** A shaded box with an accent bar: Markdown block quotes, used for 注意 / 提示 notes. */
function drawNote(ctx: BlockContext, tokens: Token[], x: number, width: number): void {
  const { doc } = ctx;
  const pad = style.note.pad;
  const box = { x: x + pad + 3, width: width - 2 * pad - 3, ...style.body };
  const paragraphs = tokens
    .filter((t) => t.type === 'paragraph' || t.type === 'text')
    .map((t) => inlineSegments((t as Tokens.Paragraph).tokens ?? [t]));
  const heights = paragraphs.map((p) => measureSegments(doc, p, box));
  const total = heights.reduce((a, b) => a + b, 0) + 8 * (paragraphs.length - 1) + 2 * pad;
  ensureSpace(doc, Math.min(total, doc.page.maxY() - doc.page.margins.top));
  const top = doc.y;
  doc.rect(x, top, width, total).fill(style.note.fill);
  doc.rect(x, top, 3, total).fill(style.note.bar);
  let y = top + pad;
  paragraphs.forEach((p, i) => {
    drawSegments(doc, p, box, y);
    y += (heights[i] ?? 0) + 8;
  });
  doc.y = top + total + style.paragraphGap;
  doc.x = x;
}

/** A screenshot scaled to the text width (or down to fit a page), framed, with a numbered caption. */
function drawFigure(ctx: BlockContext, image: Tokens.Image, x: number, width: number): void {
  const { doc } = ctx;
  const data = ctx.images.get(image.href);
  if (!data) throw new Error(`user manual: image "${image.href}" was not loaded`);
  let opened = ctx.opened.get(image.href);
  if (!opened) {
    opened = (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(data);
    ctx.opened.set(image.href, opened);
  }
  const captionHeight = 22;
  const maxHeight = doc.page.maxY() - doc.page.margins.top - captionHeight - 8;
  let w = Math.min(width, opened.width);
  let h = (opened.height * w) / opened.width;
  if (h > maxHeight) {
    w = (w * maxHeight) / h;
    h = maxHeight;
  }
  ensureSpace(doc, h + captionHeight + 8);
  const left = x + (width - w) / 2;
  const top = doc.y + 4;
  doc.image(opened as unknown as Buffer, left, top, { width: w, height: h });
  doc.rect(left, top, w, h).lineWidth(0.5).strokeColor(style.table.border).stroke();
  ctx.figure += 1;
  doc.font(CJK_FONT).fontSize(style.caption.size).fillColor(style.caption.color);
  doc.text(`图 ${ctx.chapter}-${ctx.figure}  ${image.text}`, x, top + h + 6, { width, align: 'center' });
  doc.fillColor(style.body.color);
  doc.y += style.paragraphGap;
}

/**
 * Column widths for a table: each column's natural (one-line) width, scaled up to fill the text width
 * when everything fits; otherwise short columns keep their natural width and the long ones share the rest.
 */
function columnWidths(doc: PDFKit.PDFDocument, rows: Segment[][][], width: number): number[] {
  const pad = style.table.pad * 2;
  const cols = rows[0]?.length ?? 0;
  const natural = Array.from({ length: cols }, (_, c) =>
    Math.max(
      ...rows.map((r) => {
        doc.font(r[c]?.some((s) => s.bold) ? CJK_FONT_BOLD : CJK_FONT).fontSize(style.table.size);
        return doc.widthOfString(plainText(r[c] ?? [])) + pad + 1;
      }),
      36,
    ),
  );
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= width) return natural.map((n) => (n * width) / sum);
  const widths = new Array<number>(cols).fill(0);
  let open = natural.map((_, i) => i);
  let left = width;
  for (;;) {
    const share = left / open.length;
    const fixed = open.filter((i) => (natural[i] ?? 0) <= share);
    if (fixed.length === 0) break;
    for (const i of fixed) {
      widths[i] = natural[i] ?? 0;
      left -= widths[i] ?? 0;
    }
    open = open.filter((i) => !fixed.includes(i));
    if (open.length === 0) break;
  }
  const openSum = open.reduce((a, i) => a + (natural[i] ?? 0), 0);
  for (const i of open) widths[i] = (left * (natural[i] ?? 0)) / openSum;
  return widths;
}

function drawTable(ctx: BlockContext, table: Tokens.Table, x: number, width: number): void {
  const { doc } = ctx;
  const { pad, size, lineGap, border, headFill } = style.table;
  const header = table.header.map((c) => inlineSegments(c.tokens, true));
  const body = table.rows.map((r) => r.map((c) => inlineSegments(c.tokens)));
  const widths = columnWidths(doc, [header, ...body], width);
  const boxOf = (c: number, left: number) => ({
    x: left + pad,
    width: (widths[c] ?? 0) - 2 * pad,
    size,
    lineGap,
    color: style.body.color,
    align: table.align[c] ?? 'left',
  });
  const heightOf = (row: Segment[][]) =>
    Math.max(...row.map((cell, c) => measureSegments(doc, cell, boxOf(c, x)))) + 2 * pad;

  const drawRow = (row: Segment[][], fill: string | null) => {
    const h = heightOf(row);
    const top = doc.y;
    if (fill) doc.rect(x, top, width, h).fill(fill);
    let left = x;
    row.forEach((cell, c) => {
      if (cell.length) drawSegments(doc, cell, boxOf(c, left), top + pad);
      left += widths[c] ?? 0;
    });
    doc.lineWidth(0.6).strokeColor(border);
    left = x;
    for (const w of widths) {
      doc.rect(left, top, w, h).stroke();
      left += w;
    }
    doc.y = top + h;
  };

  ensureSpace(doc, heightOf(header) + (body[0] ? heightOf(body[0]) : 0) + 4);
  drawRow(header, headFill);
  for (const row of body) {
    if (doc.y + heightOf(row) > doc.page.maxY()) {
      doc.addPage();
      drawRow(header, headFill); // repeat the header on each page the table spans
    }
    drawRow(row, null);
  }
  doc.x = x;
  doc.y += style.paragraphGap + 3;
}
