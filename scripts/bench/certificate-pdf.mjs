import { tsImport } from 'tsx/esm/api';

/**
 * Certificate PDF generation, in this process: the server's renderer (apps/server/src, loaded through tsx)
 * on certificates of a given number of product lines, rendered one after the other as the PDF route does
 * (fonts loaded once per process, each render from the frozen content to the last byte).
 */

const NAMES = [
  '空调压缩机',
  '液晶监视器',
  '交流电动机（额定功率1.5kW）',
  '插头插座',
  '开关电源',
  '工业机器人控制器',
];

export function sampleCertificateContent(products) {
  return {
    format: 1,
    number: 'N310026000123',
    version: 'original',
    applicationNumber: 'A310000032603000045',
    holder: {
      nameZh: '上海测试进出口有限公司',
      nameEn: 'Shanghai Test Import & Export Co., Ltd.',
      code: '91310115MA0000012X',
      address: '上海市浦东新区世纪大道100号',
    },
    clause: {
      code: '03',
      nameZh: '工厂生产线/成套生产线配套所需的设备/零部件（不含办公用品）',
      nameEn: null,
    },
    subClause: null,
    applicantType: null,
    products: Array.from({ length: products }, (_, i) => ({
      lineNo: i + 1,
      hsCode: i % 2 ? '8528521200' : '8414301300',
      hsName: i % 2 ? '液晶监视器' : '空调器用压缩机',
      productName: `${NAMES[i % NAMES.length]}${i + 1}号`,
      model: i % 4 === 3 ? `QXA-B${1000 + i}/380V-50Hz-三相` : `QXA-B${1000 + i}`,
      brand: i % 3 === 2 ? null : 'ACME',
      quantity: String(i + 1),
      unit: i % 2 ? '台' : '千克',
    })),
    bureau: { code: '310000', name: '上海市市场监督管理局' },
    issueDate: '2026-03-02',
    issuedAt: '2026-03-02T02:15:00.000Z',
  };
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round1 = (ms) => Math.round(ms * 10) / 10;

/** Median and p99 (ms) of `renders` renders per product count, after a warm-up, and the file size. */
export async function measureCertificatePdf({ productCounts, renders, warmup = 20 }) {
  const { renderCertificatePdf } = await tsImport(
    '../../apps/server/src/modules/certificates/certificate-pdf.ts',
    import.meta.url,
  );
  const results = [];
  for (const products of productCounts) {
    const input = {
      content: sampleCertificateContent(products),
      verificationCode: 'K7Q2M9XP',
      publicUrl: 'https://ccc.example.gov.cn',
      status: 'valid',
      statusDate: null,
    };
    let pdf = null;
    for (let i = 0; i < warmup; i++) pdf = await renderCertificatePdf(input);
    const times = [];
    for (let i = 0; i < renders; i++) {
      const t0 = performance.now();
      pdf = await renderCertificatePdf(input);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\n/g) ?? []).length;
    results.push({
      label: `certificate PDF, ${products} products`,
      products,
      renders,
      medianMs: round1(percentile(times, 50)),
      p99Ms: round1(percentile(times, 99)),
      maxMs: round1(times[times.length - 1]),
      bytes: pdf.length,
      pages,
    });
  }
  return results;
}
