import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** poppler-utils on a temporary copy of the PDF: what a reader would see in it. */
function withTempPdf<T>(pdf: Buffer, run: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccc-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return run(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF, page after page (pdftotext). */
export const pdfText = (pdf: Buffer): string =>
  withTempPdf(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));

/** The fonts the PDF uses (pdffonts): name, type, whether embedded. */
export const pdfFontList = (pdf: Buffer): { name: string; type: string; embedded: boolean }[] =>
  withTempPdf(pdf, (file) =>
    execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const m = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s/.exec(l);
        return { name: m?.[1] ?? l, type: m?.[2] ?? '', embedded: m?.[3] === 'yes' };
      }),
  );

/** How many images the PDF draws (pdfimages -list). */
export const pdfImageCount = (pdf: Buffer): number =>
  withTempPdf(
    pdf,
    (file) =>
      execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter((l) => l.trim()).length,
  );

/** The number of pages (pdfinfo). */
export const pdfPageCount = (pdf: Buffer): number =>
  withTempPdf(pdf, (file) => {
    const m = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
    return Number(m?.[1] ?? 0);
  });
