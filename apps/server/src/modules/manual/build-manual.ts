/**
 * `npm run manual [-- out.pdf]`: renders docs/user-manual to a PDF file without a database, to proofread
 * the manual while writing it. Default output: ./企业用户操作手册.pdf
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderManual } from './manual-renderer';
import { DEFAULT_MANUAL_FILENAME, loadManualSource, manualDir } from './manual-source';

const out = path.resolve(process.argv[2] ?? DEFAULT_MANUAL_FILENAME);
const started = performance.now();
const source = await loadManualSource(manualDir);
const pdf = await renderManual(source);
fs.writeFileSync(out, pdf);
process.stdout.write(
  `${out}: ${pdf.length} bytes, ${source.images.size} images, ${Math.round(performance.now() - started)} ms\n`,
);
