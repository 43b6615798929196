import type { Token, Tokens } from 'marked';
import { createPdfDocument, renderPdf, SYSTEM_NAME } from '../../lib/pdf/document';
import { CJK_FONT, CJK_FONT_BOLD, uncoveredCharacters } from '../../lib/pdf/fonts';
import { drawBlock, ensureSpace, inlineSegments, plainText, style, type BlockContext } from './manual-blocks';
import type { ManualSource } from './manual-source';

/**
 * Bump when the layout code changes in a way that changes the PDF: it is part of the cache key of the
 * generated manual, beside the source's hash and the fonts'.
 */
export const MANUAL_RENDERER_VERSION = 1;

const MARGINS = { top: 72, bottom: 68, left: 64, right: 64 };

interface Heading {
  depth: number;
  /** 1 / 1.2 / 1.2.3 */
  number: string;
  title: string;
  /** Named destination the table of contents links to. */
  anchor: string;
  page?: number;
}

/** Numbers the headings (chapters #, sections ##, subsections ###) in order. */
function numberHeadings(tokens: Token[]): Map<Token, Heading> {
  const counters = [0, 0, 0];
  const out = new Map<Token, Heading>();
  for (const t of tokens) {
    if (t.type !== 'heading') continue;
    const depth = Math.min((t as Tokens.Heading).depth, 3);
    counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
    for (let d = depth; d < 3; d++) counters[d] = 0;
    const number = counters.slice(0, depth).join('.');
    const title = plainText(inlineSegments((t as Tokens.Heading).tokens));
    out.set(t, { depth, number, title, anchor: `h${number}` });
  }
  return out;
}

function titlePage(doc: PDFKit.PDFDocument, source: ManualSource): void {
  doc.addPage();
  const { width, height } = doc.page;
  const inner = width - MARGINS.left - MARGINS.right;
  doc.rect(0, 0, width, 10).fill(style.accent);
  doc.font(CJK_FONT_BOLD).fontSize(19).fillColor(style.accent);
  doc.text(SYSTEM_NAME, MARGINS.left, height * 0.3, { width: inner, align: 'center' });
  doc.font(CJK_FONT_BOLD).fontSize(32).fillColor('#1f1f1f');
  doc.text(source.meta.title, MARGINS.left, doc.y + 18, { width: inner, align: 'center' });
  const ruleY = doc.y + 16;
  doc
    .moveTo(width / 2 - 60, ruleY)
    .lineTo(width / 2 + 60, ruleY)
    .lineWidth(2)
    .strokeColor(style.accent)
    .stroke();
  const [year, month] = source.meta.date.split('-');
  doc.font(CJK_FONT).fontSize(12).fillColor('#595959');
  doc.text(`版本 ${source.meta.version}`, MARGINS.left, height * 0.78, { width: inner, align: 'center' });
  doc.text(`${year}年${Number(month)}月`, MARGINS.left, doc.y + 6, { width: inner, align: 'center' });
}

const TOC_ROW = { 1: 24, 2: 20 } as Record<number, number>;
const TOC_TITLE_HEIGHT = 56;

/** How many pages the table of contents needs (rows have fixed heights). */
function tocPageCount(entries: Heading[]): number {
  const usable = 841.89 - MARGINS.top - MARGINS.bottom;
  let pages = 1;
  let y = TOC_TITLE_HEIGHT;
  for (const e of entries) {
    const h = TOC_ROW[e.depth] ?? 20;
    if (y + h > usable) {
      pages += 1;
      y = 0;
    }
    y += h;
  }
  return pages;
}

function drawToc(doc: PDFKit.PDFDocument, entries: Heading[], firstPage: number): void {
  let page = firstPage;
  doc.switchToPage(page);
  const inner = doc.page.width - MARGINS.left - MARGINS.right;
  doc.font(CJK_FONT_BOLD).fontSize(20).fillColor('#1f1f1f');
  doc.text('目  录', MARGINS.left, MARGINS.top, { width: inner, align: 'center' });
  let y = MARGINS.top + TOC_TITLE_HEIGHT;
  for (const e of entries) {
    const h = TOC_ROW[e.depth] ?? 20;
    if (y + h > doc.page.height - MARGINS.bottom) {
      doc.switchToPage(++page);
      y = MARGINS.top;
    }
    const indent = e.depth === 1 ? 0 : 22;
    const size = e.depth === 1 ? 11.5 : 10.5;
    doc
      .font(e.depth === 1 ? CJK_FONT_BOLD : CJK_FONT)
      .fontSize(size)
      .fillColor('#262626');
    const label = `${e.number}  ${e.title}`;
    const pageLabel = String((e.page ?? 0) + 1);
    const labelWidth = doc.widthOfString(label);
    const numberWidth = doc.widthOfString(pageLabel);
    const x = MARGINS.left + indent;
    doc.text(label, x, y, { lineBreak: false });
    doc.text(pageLabel, MARGINS.left + inner - numberWidth, y, { lineBreak: false });
    const dotsY = y + size * 0.95;
    doc
      .moveTo(x + labelWidth + 6, dotsY)
      .lineTo(MARGINS.left + inner - numberWidth - 6, dotsY)
      .dash(1, { space: 2.5 })
      .lineWidth(0.8)
      .strokeColor('#a6a6a6')
      .stroke()
      .undash();
    doc.goTo(x, y - 2, inner - indent, h - 4, e.anchor);
    y += h;
  }
}

/** Running header and "第 n 页 / 共 N 页" on every page but the title page. */
function decoratePages(doc: PDFKit.PDFDocument, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    const inner = width - MARGINS.left - MARGINS.right;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc.font(CJK_FONT).fontSize(8.5).fillColor(style.muted);
    doc.text(title, MARGINS.left, 40, { width: inner, align: 'left', lineBreak: false });
    doc.text(SYSTEM_NAME, MARGINS.left, 40, { width: inner, align: 'right', lineBreak: false });
    doc
      .moveTo(MARGINS.left, 54)
      .lineTo(width - MARGINS.right, 54)
      .lineWidth(0.5)
      .strokeColor('#d0d7e2')
      .stroke();
    doc.font(CJK_FONT).fontSize(9).fillColor(style.muted);
    doc.text(`第 ${i + 1} 页 / 共 ${range.count} 页`, MARGINS.left, height - 44, {
      width: inner,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

function drawHeading(ctx: BlockContext, h: Heading, outline: Map<number, PDFKit.PDFOutline>): void {
  const { doc } = ctx;
  const inner = doc.page.width - MARGINS.left - MARGINS.right;
  if (h.depth === 1) {
    if (doc.y > doc.page.margins.top + 1) doc.addPage();
    ctx.chapter = Number(h.number);
    ctx.figure = 0;
  } else {
    doc.y += h.depth === 2 ? 12 : 8;
    ensureSpace(doc, 90); // keep a heading with the start of its text
  }
  h.page = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  doc.addNamedDestination(h.anchor, 'XYZ', null, doc.page.height - doc.y + 6, null);
  const parent = h.depth === 1 ? doc.outline : outline.get(h.depth - 1);
  if (parent && h.depth <= 2) outline.set(h.depth, parent.addItem(`${h.number} ${h.title}`));

  const size = h.depth === 1 ? 20 : h.depth === 2 ? 14.5 : 12;
  doc
    .font(CJK_FONT_BOLD)
    .fontSize(size)
    .fillColor(h.depth === 3 ? '#262626' : style.accent);
  doc.text(`${h.number}  ${h.title}`, MARGINS.left, doc.y, { width: inner });
  if (h.depth === 1) {
    const y = doc.y + 6;
    doc
      .moveTo(MARGINS.left, y)
      .lineTo(MARGINS.left + inner, y)
      .lineWidth(1.5)
      .strokeColor(style.accent)
      .stroke();
    doc.y = y + 16;
  } else {
    doc.y += h.depth === 2 ? 6 : 4;
  }
  doc.fillColor(style.body.color);
}

/**
 * The manual as an A4 PDF: title page, table of contents (linked, with page numbers), numbered
 * chapters, running header and page numbers, bookmarks. The same source gives the same bytes.
 */
export async function renderManual(source: ManualSource): Promise<Buffer> {
  const text = source.meta.title + source.tokens.map((t) => t.raw).join('');
  const missing = uncoveredCharacters(text);
  if (missing.length) {
    throw new Error(
      `user manual: the shipped font cannot print ${missing.join(' ')} (scripts/subset-font.sh)`,
    );
  }
  const headings = numberHeadings(source.tokens);
  const tocEntries = [...headings.values()].filter((h) => h.depth <= 2);
  const doc = createPdfDocument({
    title: source.meta.title,
    subject: `${SYSTEM_NAME} ${source.meta.title} ${source.meta.version}`,
    date: new Date(`${source.meta.date}T00:00:00.000Z`),
    margins: MARGINS,
    bufferPages: true,
  });
  return renderPdf(doc, () => {
    titlePage(doc, source);
    const tocPages = tocPageCount(tocEntries);
    for (let i = 0; i < tocPages; i++) doc.addPage();
    doc.addPage();
    const ctx: BlockContext = { doc, images: source.images, chapter: 0, figure: 0, opened: new Map() };
    const outline = new Map<number, PDFKit.PDFOutline>();
    const width = doc.page.width - MARGINS.left - MARGINS.right;
    for (const token of source.tokens) {
      const h = headings.get(token);
      if (h) drawHeading(ctx, h, outline);
      else drawBlock(ctx, token, MARGINS.left, width);
    }
    drawToc(doc, tocEntries, 1);
    decoratePages(doc, source.meta.title);
  });
}
