import { certificateStatusLabels, type CertificateStatus } from '@ccc/domain';
import QRCode from 'qrcode';
import { CJK_FONT, CJK_FONT_BOLD } from '../../lib/pdf/fonts';
import type { CertificateContent } from './certificate-content';
import type { SetLine, TextBlock } from './certificate-pdf-layout';

/** The certificate's geometry, colours, text styles and table columns, and the marks drawn on its pages. */

export const TITLE_ZH = '免予办理强制性产品认证证明';
export const TITLE_EN = 'Certificate of Exemption from China Compulsory Certification';

export const verificationUrl = (publicUrl: string, number: string) =>
  `${publicUrl}/verify/${encodeURIComponent(number)}`;

export const PAGE_W = 595.28;
export const PAGE_H = 841.89;
export const LEFT = 48;
export const RIGHT = PAGE_W - 48;
export const WIDTH = RIGHT - LEFT;
export const TOP = 48;
/** The lowest line content may reach; the footer sits below it. */
export const BOTTOM = PAGE_H - 60;
export const C = {
  ink: '#1a1a1a',
  muted: '#5b6470',
  navy: '#1d3a5f',
  grid: '#b7c1ce',
  tint: '#eef2f7',
  zebra: '#f8fafc',
  red: '#b3261e',
};

export const zh = (text: string, size: number, o: Partial<TextBlock> = {}): TextBlock => ({
  text,
  font: CJK_FONT,
  size,
  color: C.ink,
  ...o,
});
export const bold = (text: string, size: number, o: Partial<TextBlock> = {}) =>
  zh(text, size, { font: CJK_FONT_BOLD, ...o });
export const en = (text: string, size: number, o: Partial<TextBlock> = {}) =>
  zh(text, size, { color: C.muted, ...o });

export const cnDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
export const VERSION = {
  original: { zh: '原始版本', en: 'Original' },
  modified: { zh: '修改版本', en: 'Modified' },
} as const;

export interface Column {
  zh: string;
  en: string;
  /** Share of the table's width. */
  share: number;
  align: 'left' | 'center' | 'right';
  cell: (p: CertificateContent['products'][number]) => string;
}
export const COLUMNS: Column[] = [
  { zh: '序号', en: 'No.', share: 0.05, align: 'center', cell: (p) => String(p.lineNo) },
  { zh: 'HS编码', en: 'HS code', share: 0.13, align: 'left', cell: (p) => p.hsCode },
  { zh: '产品名称', en: 'Product name', share: 0.265, align: 'left', cell: (p) => p.productName },
  { zh: '型号/规格', en: 'Model / specification', share: 0.22, align: 'left', cell: (p) => p.model },
  { zh: '品牌', en: 'Brand', share: 0.125, align: 'left', cell: (p) => p.brand ?? '' },
  { zh: '数量', en: 'Quantity', share: 0.12, align: 'right', cell: (p) => p.quantity },
  { zh: '单位', en: 'Unit', share: 0.09, align: 'center', cell: (p) => p.unit },
];
export const PAD_X = 4;
export const PAD_Y = 4;

export const heightOf = (lines: readonly SetLine[]) =>
  lines.length === 0 ? 0 : lines[lines.length - 1]!.dy + lines[lines.length - 1]!.height - lines[0]!.dy;

/** Vector QR code: each run of dark modules one rectangle, filled at once (crisp at any zoom, tiny). */
export function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const m = size / modules.size;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      let end = c;
      while (end + 1 < modules.size && modules.get(r, end + 1)) end++;
      doc.rect(x + c * m, y + r * m, (end - c + 1) * m, m);
      c = end;
    }
  }
  doc.fill('#000000');
}

/** The status of a certificate no longer valid, across the page in translucent red, with its date. */
export function drawStatusMark(
  doc: PDFKit.PDFDocument,
  status: CertificateStatus,
  statusDate: string | null,
): void {
  const label = certificateStatusLabels[status];
  const sub = `${label.en.toUpperCase()}${statusDate ? `  ${statusDate}` : ''}`;
  doc.save();
  doc.rotate(-30, { origin: [PAGE_W / 2, PAGE_H / 2] });
  doc.fillOpacity(0.16).fillColor(C.red);
  // As large as fits along the diagonal (the longest label, 已被修改版本取代, comes out at about 57 pt).
  doc.font(CJK_FONT_BOLD).fontSize(100);
  doc.fontSize(Math.min(72, (100 * 460) / doc.widthOfString(label.zh)));
  doc.text(label.zh, PAGE_W / 2 - doc.widthOfString(label.zh) / 2, PAGE_H / 2 - 50, { lineBreak: false });
  doc.fontSize(100);
  doc.fontSize(Math.min(22, (100 * 460) / doc.widthOfString(sub)));
  doc.text(sub, PAGE_W / 2 - doc.widthOfString(sub) / 2, PAGE_H / 2 + 30, { lineBreak: false });
  doc.restore();
}
