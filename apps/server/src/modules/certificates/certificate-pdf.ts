import type { CertificateStatus } from '@ccc/domain';
import { createPdfDocument, renderPdf } from '../../lib/pdf/document';
import { CJK_FONT } from '../../lib/pdf/fonts';
import type { CertificateContent } from './certificate-content';
import { drawLines, typeset, typesetPair, type SetLine, type TextBlock } from './certificate-pdf-layout';
import {
  BOTTOM,
  bold,
  C,
  cnDate,
  COLUMNS,
  drawQr,
  drawStatusMark,
  en,
  heightOf,
  LEFT,
  PAD_X,
  PAD_Y,
  PAGE_H,
  PAGE_W,
  RIGHT,
  TITLE_EN,
  TITLE_ZH,
  TOP,
  VERSION,
  verificationUrl,
  WIDTH,
  zh,
} from './certificate-pdf-parts';

export { TITLE_EN, TITLE_ZH, verificationUrl } from './certificate-pdf-parts';

/**
 * The electronic 免予办理强制性产品认证证明 (SPEC §5): A4, bilingual, in a double frame; number, version and
 * verification code; holder, clause, application; the products table (flowing onto further pages with its
 * header repeated); issuing bureau and date; a QR code to the public verification page. No seal is drawn:
 * the certificate says it is electronic and where to verify it. Everything comes from the frozen content
 * and the row, and the document's date is the issue instant, so the same certificate gives the same bytes.
 */

export interface CertificatePdfInput {
  content: CertificateContent;
  verificationCode: string;
  /** The deployment's public address (config.publicUrl): the QR code and the verification line use it. */
  publicUrl: string;
  status: CertificateStatus;
  /** China date of the revocation or supersession, for the mark on a certificate no longer valid. */
  statusDate: string | null;
}

class CertificateWriter {
  private y = TOP;
  private readonly widths = COLUMNS.map((c) => c.share * WIDTH);

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly input: CertificatePdfInput,
  ) {}

  private get content() {
    return this.input.content;
  }

  private addPage(): void {
    this.doc.addPage();
    const d = this.doc;
    d.lineWidth(1.8)
      .strokeColor(C.navy)
      .rect(20, 20, PAGE_W - 40, PAGE_H - 40)
      .stroke();
    d.lineWidth(0.6)
      .rect(25, 25, PAGE_W - 50, PAGE_H - 50)
      .stroke();
    this.y = TOP;
  }

  private rule(y: number, weight = 0.6, color = C.navy): void {
    this.doc.lineWidth(weight).strokeColor(color).moveTo(LEFT, y).lineTo(RIGHT, y).stroke();
  }

  /** Page 1: the QR code top right, the titles centred, then the number strip. */
  private firstPageHeader(): void {
    const d = this.doc;
    const qrSize = 64;
    const qrX = RIGHT - qrSize;
    drawQr(d, verificationUrl(this.input.publicUrl, this.content.number), qrX, this.y, qrSize);
    const caption = typeset(
      d,
      [
        zh('扫码查验', 7, { align: 'center', color: C.muted, lineGap: 0 }),
        en('Scan to verify', 6, { align: 'center', lineGap: 0 }),
      ],
      qrSize + 20,
    );
    drawLines(d, caption.lines, qrX - 10, this.y + qrSize + 3, qrSize + 20);

    const titles = typeset(
      d,
      [
        bold(TITLE_ZH, 22, { align: 'center', characterSpacing: 1.5, spaceBefore: 10 }),
        zh(TITLE_EN, 11, { align: 'center', color: C.navy, spaceBefore: 6 }),
      ],
      WIDTH,
    );
    drawLines(d, titles.lines, LEFT, this.y + 10, WIDTH);
    this.y += qrSize + 3 + caption.height + 4;
    this.rule(this.y, 1.4);
    this.rule(this.y + 2.5, 0.5);
    this.y += 11;
    this.numberStrip();
  }

  /** 证明号 | 版本 | 验证码 in one bordered strip. */
  private numberStrip(): void {
    const d = this.doc;
    const { number, version } = this.content;
    const cells: [string, string, TextBlock][] = [
      ['证明号', 'Certificate No.', bold(number, 14, { color: C.navy, characterSpacing: 0.8 })],
      ['版本', 'Version', bold(`${VERSION[version].zh}  ${VERSION[version].en}`, 11.5, { color: C.navy })],
      [
        '验证码',
        'Verification code',
        bold(this.input.verificationCode, 13, { color: C.navy, characterSpacing: 2 }),
      ],
    ];
    const shares = [0.38, 0.3, 0.32];
    const h = 42;
    d.lineWidth(0.6).strokeColor(C.grid).rect(LEFT, this.y, WIDTH, h).fillAndStroke(C.tint, C.grid);
    let x = LEFT;
    cells.forEach(([labelZh, labelEn, value], i) => {
      const w = shares[i]! * WIDTH;
      if (i > 0)
        d.moveTo(x, this.y)
          .lineTo(x, this.y + h)
          .strokeColor(C.grid)
          .stroke();
      const label = typesetPair(d, bold(labelZh, 7.5, { color: C.muted }), en(labelEn, 6.5), w - 16);
      drawLines(d, label.lines, x + 8, this.y + 6, w - 16);
      drawLines(d, typeset(d, [value], w - 16).lines, x + 8, this.y + 19, w - 16);
      x += w;
    });
    this.y += h + 12;
  }

  private statement(): void {
    const set = typeset(
      this.doc,
      [
        zh(
          `经审核，下列产品符合《强制性产品认证管理规定》第四十二条规定的免予办理强制性产品认证的条件，特此证明。持证人应仅将下列产品用于申报用途。`,
          9.5,
        ),
        en(
          'Upon review, the products listed below meet the conditions for exemption from China Compulsory Certification under Article 42 of the Provisions on Compulsory Product Certification. The holder shall use them only for the declared purpose.',
          7.5,
          { spaceBefore: 2 },
        ),
      ],
      WIDTH,
    );
    drawLines(this.doc, set.lines, LEFT, this.y, WIDTH);
    this.y += set.height + 8;
  }

  /** Label | value rows in a grid, labels on a tint. */
  private infoGrid(): void {
    const c = this.content;
    const d = this.doc;
    const codeLabel =
      c.holder.code.length === 18
        ? ['统一社会信用代码', 'Unified social credit code']
        : ['组织机构代码', 'Organisation code'];
    const clause: TextBlock[] = [zh(`${c.clause.code}  ${c.clause.nameZh}`, 9.5)];
    if (c.clause.nameEn) clause.push(en(c.clause.nameEn, 7.5));
    if (c.subClause) clause.push(zh(`二级条款 Sub-clause：${c.subClause.name}`, 8.5, { spaceBefore: 1 }));
    if (c.applicantType) clause.push(zh(`申请人类型 Applicant type：${c.applicantType.name}`, 8.5));
    /** Label (Chinese, English) and value; `pair`: the value's two blocks on one line when they fit. */
    type Field = [string, string, TextBlock[], pair?: boolean];
    const rows: Field[][] = [
      [
        [
          '持证单位',
          'Holder',
          [bold(c.holder.nameZh, 10.5), ...(c.holder.nameEn ? [zh(c.holder.nameEn, 9)] : [])],
        ],
      ],
      [[codeLabel[0]!, codeLabel[1]!, [zh(c.holder.code, 10, { characterSpacing: 0.5 })]]],
      [['地址', 'Address', [zh(c.holder.address, 9.5)]]],
      [['免办条款', 'Exemption clause', clause]],
      [
        ['签发机关', 'Issuing authority', [bold(c.bureau.name, 10)]],
        ['签发日期', 'Date of issue', [zh(cnDate(c.issueDate), 9.5), en(c.issueDate, 7.5)], true],
      ],
      [['申请编号', 'Application No.', [zh(c.applicationNumber, 9.5, { characterSpacing: 0.5 })]]],
    ];
    // One field: label 128 | value; two: label 128 | value | label 96 | value.
    const pairWidths = [128, (WIDTH - 128 - 96) / 2 + 18, 96, (WIDTH - 128 - 96) / 2 - 18];
    for (const fields of rows) {
      const widths = fields.length === 1 ? [128, WIDTH - 128] : pairWidths;
      const cells = fields.flatMap(([labelZh, labelEn, value, pair], i) => [
        typesetPair(
          d,
          bold(labelZh, 9, { lineGap: 1 }),
          en(labelEn, 6.5, { lineGap: 1 }),
          widths[2 * i]! - 12,
        ),
        pair
          ? typesetPair(d, value[0]!, value[1]!, widths[2 * i + 1]! - 12)
          : typeset(d, value, widths[2 * i + 1]! - 12),
      ]);
      const h = Math.max(...cells.map((x) => x.height)) + 2 * 5;
      let x = LEFT;
      cells.forEach((cell, i) => {
        const w = widths[i]!;
        if (i % 2 === 0) d.lineWidth(0.6).rect(x, this.y, w, h).fillAndStroke(C.tint, C.grid);
        else d.lineWidth(0.6).rect(x, this.y, w, h).stroke(C.grid);
        drawLines(d, cell.lines, x + 6, this.y + 5, w - 12);
        x += w;
      });
      this.y += h;
    }
    this.y += 12;
  }

  private tableHeader(): void {
    const d = this.doc;
    const cells = COLUMNS.map((col, i) =>
      typeset(
        d,
        [
          bold(col.zh, 8, { color: '#ffffff', align: col.align }),
          zh(col.en, 6.2, { color: '#dbe3ee', align: col.align }),
        ],
        this.widths[i]! - 2 * PAD_X,
      ),
    );
    const h = Math.max(...cells.map((c) => c.height)) + 2 * PAD_Y;
    d.rect(LEFT, this.y, WIDTH, h).fill(C.navy);
    let x = LEFT;
    cells.forEach((c, i) => {
      drawLines(d, c.lines, x + PAD_X, this.y + PAD_Y, this.widths[i]! - 2 * PAD_X);
      x += this.widths[i]!;
    });
    this.y += h;
  }

  private continuationPage(): void {
    this.addPage();
    const d = this.doc;
    const set = typeset(d, [bold(`${TITLE_ZH}（续）`, 11), en(`${TITLE_EN} (continued)`, 7.5)], WIDTH * 0.7);
    drawLines(d, set.lines, LEFT, this.y, WIDTH * 0.7);
    const no = typeset(
      d,
      [
        en('证明号 Certificate No.', 7, { align: 'right' }),
        bold(this.content.number, 11, { color: C.navy, align: 'right' }),
      ],
      WIDTH * 0.3,
    );
    drawLines(d, no.lines, LEFT + WIDTH * 0.7, this.y, WIDTH * 0.3);
    this.y += Math.max(set.height, no.height) + 4;
    this.rule(this.y, 1);
    this.y += 10;
  }

  private productRows(): void {
    const d = this.doc;
    const c = this.content;
    const heading = typeset(d, [bold('产品清单  List of products', 10, { color: C.navy })], WIDTH / 2);
    const count = typeset(
      d,
      [
        zh(`共 ${c.products.length} 项  ${c.products.length} item(s)`, 8, {
          align: 'right',
          color: C.muted,
          spaceBefore: 2,
        }),
      ],
      WIDTH / 2,
    );
    if (this.y + heading.height + 60 > BOTTOM) this.continuationPage();
    drawLines(d, heading.lines, LEFT, this.y, WIDTH / 2);
    drawLines(d, count.lines, LEFT + WIDTH / 2, this.y + 2, WIDTH / 2);
    this.y += heading.height;
    this.tableHeader();
    c.products.forEach((p, index) => {
      let cells = COLUMNS.map(
        (col, i) =>
          typeset(d, [zh(col.cell(p), 8.5, { align: col.align, lineGap: 2 })], this.widths[i]! - 2 * PAD_X)
            .lines,
      );
      for (;;) {
        const h = Math.max(...cells.map(heightOf)) + 2 * PAD_Y;
        if (this.y + h <= BOTTOM) {
          this.drawRow(cells, h, index);
          return;
        }
        // A row that fits on a fresh page moves there whole; only one taller than a page is split.
        if (h <= BOTTOM - TOP - 90 || BOTTOM - this.y < 40) {
          this.continuationPage();
          this.tableHeader();
          continue;
        }
        const room = BOTTOM - this.y - 2 * PAD_Y;
        const fits = (l: SetLine, first: SetLine | undefined) => l.dy + l.height - (first?.dy ?? 0) <= room;
        this.drawRow(
          cells.map((ls) => ls.filter((l) => fits(l, ls[0]))),
          BOTTOM - this.y,
          index,
        );
        cells = cells.map((ls) => ls.filter((l) => !fits(l, ls[0])));
        this.continuationPage();
        this.tableHeader();
      }
    });
    this.y += 14;
  }

  private drawRow(cells: SetLine[][], h: number, index: number): void {
    const d = this.doc;
    if (index % 2 === 1) d.rect(LEFT, this.y, WIDTH, h).fill(C.zebra);
    d.lineWidth(0.5).strokeColor(C.grid);
    let x = LEFT;
    cells.forEach((lines, i) => {
      d.rect(x, this.y, this.widths[i]!, h).stroke();
      drawLines(d, lines, x + PAD_X, this.y + PAD_Y, this.widths[i]! - 2 * PAD_X);
      x += this.widths[i]!;
    });
    this.y += h;
  }

  /** The electronic-certificate note (instead of a seal): where and how to verify; kept on one page. */
  private closing(): void {
    const d = this.doc;
    const verifyAt = `${this.input.publicUrl}/verify`;
    const note = typeset(
      d,
      [
        bold('电子证明  Electronic certificate', 8.5, { color: C.navy }),
        zh(
          `本证明为电子证明，由签发机关通过CCC免办系统签发，不加盖印章。证明的真伪及当前状态（有效 / 已被修改版本取代 / 已撤销）以扫描二维码或在 ${verifyAt} 输入证明号和验证码查验的结果为准。`,
          8,
          { spaceBefore: 2 },
        ),
        en(
          `This certificate is issued electronically by the issuing authority through the CCC exemption system and bears no seal. Its authenticity and current status (valid / superseded / revoked) are as shown by scanning the QR code or by entering the certificate number and verification code at ${verifyAt}.`,
          7,
          { spaceBefore: 1 },
        ),
      ],
      WIDTH - 2 * 10,
    );
    const h = note.height + 14;
    if (this.y + h > BOTTOM) this.continuationPage();
    d.lineWidth(0.8).strokeColor(C.navy).rect(LEFT, this.y, WIDTH, h).stroke();
    drawLines(d, note.lines, LEFT + 10, this.y + 7, WIDTH - 20);
    this.y += h;
  }

  /** On every page: number and page n of m; on a certificate no longer valid, its status across the page. */
  private finishPages(): void {
    const d = this.doc;
    const range = d.bufferedPageRange();
    const status = this.input.status;
    for (let i = range.start; i < range.start + range.count; i++) {
      d.switchToPage(i);
      const n = i - range.start + 1;
      const y = PAGE_H - 46;
      this.rule(y - 5, 0.4, C.grid);
      d.font(CJK_FONT).fontSize(7).fillColor(C.muted);
      d.text(`证明号 Certificate No. ${this.content.number}`, LEFT, y, { lineBreak: false });
      const pageText = `第 ${n} 页 共 ${range.count} 页  Page ${n} of ${range.count}`;
      d.text(pageText, RIGHT - d.widthOfString(pageText), y, { lineBreak: false });
      if (status !== 'valid') drawStatusMark(d, status, this.input.statusDate);
    }
  }

  async write(): Promise<void> {
    this.addPage();
    this.firstPageHeader();
    this.statement();
    this.infoGrid();
    this.productRows();
    this.closing();
    this.finishPages();
  }
}

/** The certificate as PDF bytes. */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const doc = createPdfDocument({
    title: `${TITLE_ZH} ${input.content.number}`,
    subject: TITLE_EN,
    author: input.content.bureau.name,
    date: new Date(input.content.issuedAt),
    margins: { top: TOP, bottom: PAGE_H - BOTTOM, left: LEFT, right: PAGE_W - RIGHT },
    bufferPages: true,
  });
  return renderPdf(doc, () => new CertificateWriter(doc, input).write());
}
