import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { ApplicationDetail, CertificateSummary } from '@ccc/domain';
import type { TestApp } from '../../helpers/build-test-app';
import { decideOk, officer, submittedApplication } from '../../helpers/review';
import type { TestClient } from '../../helpers/test-client';
import type { CertificateContent } from '../../../src/modules/certificates/certificate-content';

/** Factories and PDF readers of the certificate suites. */

/**
 * The text of a PDF (or of pages first..last) as poppler's pdftotext extracts it, in the order it was
 * drawn (-raw): a table cell's lines stay together, and so does the rotated status mark.
 */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccc-pdf-'));
  try {
    const file = path.join(dir, 'c.pdf');
    fs.writeFileSync(file, pdf);
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    return execFileSync('pdftotext', ['-raw', ...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfPageCount(pdf: Buffer): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccc-pdf-'));
  try {
    const file = path.join(dir, 'c.pdf');
    fs.writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Text without the blanks and line breaks pdftotext puts where the layout wrapped it. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

const NAMES = [
  '空调压缩机',
  '液晶监视器',
  '交流电动机（额定功率1.5kW）',
  '插头插座',
  '开关电源',
  '工业机器人控制器',
];

/** A certificate's content as issue freezes it, with n product lines whose names and models are distinct. */
export function sampleContent(n: number, overrides: Partial<CertificateContent> = {}): CertificateContent {
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
    products: Array.from({ length: n }, (_, i) => ({
      lineNo: i + 1,
      hsCode: i % 2 ? '8528521200' : '8414301300',
      hsName: i % 2 ? '液晶监视器' : '空调器用压缩机',
      productName: `${NAMES[i % NAMES.length]}${i + 1}号`,
      model: `QXA-B${1000 + i}`,
      brand: i % 3 === 2 ? null : 'ACME',
      quantity: String(i + 1),
      unit: i % 2 ? '台' : '千克',
    })),
    bureau: { code: '310000', name: '上海市市场监督管理局' },
    issueDate: '2026-03-02',
    issuedAt: '2026-03-02T02:15:00.000Z',
    ...overrides,
  };
}

/**
 * Organisation n's clause-03 application, submitted to 上海, accepted and approved by officer `officerNo`
 * (created here unless a client is given): the certificate as its holder sees it.
 */
export async function issuedCertificate(
  t: TestApp,
  n: number,
  officerClient?: TestClient,
): Promise<{ ent: TestClient; sh: TestClient; app: ApplicationDetail; cert: CertificateSummary }> {
  const sh = officerClient ?? (await officer(t, 100 + n));
  const { ent, app } = await submittedApplication(t, n);
  await decideOk(sh, app.id, 'accept');
  await decideOk(sh, app.id, 'approve');
  const view = await ent.get(`/api/applications/${app.id}`);
  const number = view.json<ApplicationDetail>().certificateNumber;
  expect(number).toMatch(/^[A-Z]3100\d{8}$/);
  const res = await ent.get(`/api/certificates/${number}`);
  expect(res.statusCode, res.body).toBe(200);
  return { ent, sh, app: view.json<ApplicationDetail>(), cert: res.json<CertificateSummary>() };
}
