import { describe, expect, it } from 'vitest';
import { describeDb } from '../../helpers/build-test-app';
import { renderCertificatePdf, TITLE_EN, TITLE_ZH } from '../../../src/modules/certificates/certificate-pdf';
import { wrapText } from '../../../src/modules/certificates/certificate-pdf-layout';
import { createPdfDocument } from '../../../src/lib/pdf/document';
import { CJK_FONT, uncoveredCharacters } from '../../../src/lib/pdf/fonts';
import { pdfPageCount, pdfText, sampleContent, squeeze } from './helpers';

/** The renderer alone, on content as issue freezes it (the API suites render issued certificates). */

const input = (n: number, extra: Partial<Parameters<typeof renderCertificatePdf>[0]> = {}) => ({
  content: sampleContent(n),
  verificationCode: 'K7Q2M9XP',
  publicUrl: 'https://ccc.example.gov.cn',
  status: 'valid' as const,
  statusDate: null,
  ...extra,
});

describe(`${describeDb} certificate PDF`, () => {
  it('is an A4 PDF with the bilingual title, number, holder, clause, bureau, date, code and every product', async () => {
    const pdf = await renderCertificatePdf(input(5));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(pdfPageCount(pdf)).toBe(1);
    const text = squeeze(pdfText(pdf));
    for (const s of [
      TITLE_ZH,
      TITLE_EN,
      'N310026000123',
      '上海测试进出口有限公司',
      'ShanghaiTestImport&ExportCo.,Ltd.',
      '91310115MA0000012X',
      '上海市浦东新区世纪大道100号',
      '工厂生产线/成套生产线配套所需的设备/零部件（不含办公用品）',
      '上海市市场监督管理局',
      '2026年3月2日',
      '原始版本',
      'K7Q2M9XP',
      'A310000032603000045',
      '电子证明',
      'https://ccc.example.gov.cn/verify',
    ]) {
      expect(text, s).toContain(squeeze(s));
    }
    for (const p of sampleContent(5).products) {
      expect(text).toContain(squeeze(p.productName));
      expect(text).toContain(p.model);
      expect(text).toContain(p.hsCode);
    }
    // No seal is drawn or claimed: the certificate says it is electronic and carries none.
    expect(text).toContain('不加盖印章');
  });

  it('embeds the shipped CJK subset font, and prints nothing the font lacks', async () => {
    const pdf = (await renderCertificatePdf(input(2))).toString('latin1');
    expect(pdf).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(pdf).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansCJKsc-Bold/);
    expect(pdf).toContain('/FontFile3');
    expect(uncoveredCharacters(pdfText(Buffer.from(pdf, 'latin1')))).toEqual([]);
  });

  it('gives the same bytes for the same certificate, and other bytes for another', async () => {
    const a = await renderCertificatePdf(input(5));
    const b = await renderCertificatePdf(input(5));
    expect(Buffer.compare(a, b)).toBe(0);
    const other = await renderCertificatePdf(input(5, { verificationCode: 'K7Q2M9XQ' }));
    expect(Buffer.compare(a, other)).not.toBe(0);
  });

  it('flows 30 products onto further pages, each with the table header and the number', async () => {
    const pdf = await renderCertificatePdf(input(30));
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const all = squeeze(pdfText(pdf));
    for (const p of sampleContent(30).products) expect(all).toContain(squeeze(p.productName));
    for (let page = 2; page <= pages; page++) {
      const text = squeeze(pdfText(pdf, { first: page, last: page }));
      expect(text).toContain(`${TITLE_ZH}（续）`);
      expect(text).toContain('N310026000123');
      if (page < pages || text.includes('HS编码')) expect(text).toContain('产品名称');
      expect(text).toContain(`第${page}页共${pages}页`);
    }
    // Product lines are numbered without a gap across the pages.
    const rows = [...pdfText(pdf).matchAll(/^(\d{1,2}) (\d{10}) /gm)].map((m) => Number(m[1]));
    expect(rows).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('splits a product line taller than a page across pages without losing a character', async () => {
    const long = '用于生产线配套的高精度伺服电动机及其驱动控制单元，含编码器和制动器。'
      .repeat(50)
      .slice(0, 2000);
    const content = sampleContent(3);
    content.products[1] = { ...content.products[1]!, productName: long, model: 'M-'.repeat(400) };
    const pdf = await renderCertificatePdf({ ...input(3), content });
    expect(pdfPageCount(pdf)).toBeGreaterThan(2);
    const text = squeeze(pdfText(pdf));
    // The name reappears whole once the model (Latin), the page footers and the repeated headers are taken out.
    const cjk = (s: string) => s.replace(/[^\u4e00-\u9fff，。（）]/g, '');
    let names = cjk(text).replace(/千克|台/g, '');
    for (const boilerplate of [
      '证明号第页共页',
      `${TITLE_ZH}（续）证明号`,
      '序号编码产品名称型号规格品牌数量单位',
    ]) {
      names = names.split(boilerplate).join('');
    }
    expect(names).toContain(cjk(long));
  });

  it('marks a revoked certificate on every page with its date', async () => {
    const pdf = await renderCertificatePdf(input(30, { status: 'revoked', statusDate: '2026-03-05' }));
    for (let page = 1; page <= pdfPageCount(pdf); page++) {
      const text = squeeze(pdfText(pdf, { first: page, last: page }));
      expect(text).toContain('已撤销REVOKED2026-03-05');
    }
    expect(squeeze(pdfText(await renderCertificatePdf(input(2))))).not.toContain('REVOKED');
  });

  it('wraps Chinese anywhere, words at blanks and long models after hyphens, keeping every character', () => {
    const doc = createPdfDocument({ title: 't', date: new Date(0) });
    doc.addPage();
    doc.font(CJK_FONT).fontSize(9);
    const text =
      '交流电动机（额定功率1.5kW，用于生产线传送带驱动） QXA-B141/380V-50Hz-ULTRA-LONG-DESIGNATION';
    const lines = wrapText(doc, text, 80);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(doc.widthOfString(l)).toBeLessThanOrEqual(80 + 9);
    expect(squeeze(lines.join(''))).toBe(squeeze(text));
    expect(lines.some((l) => /^[，。）]/.test(l))).toBe(false);
    expect(wrapText(doc, 'https://ccc.example.gov.cn/verify', 60)[0]).not.toBe('https://');
  });
});
