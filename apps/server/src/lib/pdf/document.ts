import PDFDocument from 'pdfkit';
import { CJK_FONT, CJK_FONT_BOLD, pdfFonts } from './fonts';

export const SYSTEM_NAME = 'CCC免办及特殊用途进口产品检测处理管理系统';

export interface PdfDocumentOptions {
  title: string;
  subject?: string;
  author?: string;
  /**
   * Written as CreationDate and ModDate. pdfkit also derives the file ID from the info, so a fixed date
   * (taken from the content, not the clock) makes the same content give the same bytes.
   */
  date: Date;
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Keep every page open so the caller can go back (table of contents, "page n of m"). */
  bufferPages?: boolean;
}

/** An A4 pdfkit document with the shipped CJK fonts registered (CJK_FONT, CJK_FONT_BOLD) and selected. */
export function createPdfDocument(opts: PdfDocumentOptions): PDFKit.PDFDocument {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: opts.margins ?? { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: opts.bufferPages ?? false,
    autoFirstPage: false,
    displayTitle: true,
    lang: 'zh-CN',
    info: {
      Title: opts.title,
      Subject: opts.subject ?? opts.title,
      Author: opts.author ?? SYSTEM_NAME,
      Creator: SYSTEM_NAME,
      Producer: 'PDFKit',
      CreationDate: opts.date,
      ModDate: opts.date,
    },
  });
  doc.registerFont(CJK_FONT, fonts.regular);
  doc.registerFont(CJK_FONT_BOLD, fonts.bold);
  doc.font(CJK_FONT);
  return doc;
}

/**
 * Runs `draw` on the document, ends it and resolves with the whole file. Subscribe before drawing so no
 * chunk is missed.
 */
export async function renderPdf(
  doc: PDFKit.PDFDocument,
  draw: (doc: PDFKit.PDFDocument) => void | Promise<void>,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await draw(doc);
  doc.end();
  return done;
}
