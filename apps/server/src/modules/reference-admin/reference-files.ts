import ExcelJS from 'exceljs';
import { AppError } from '../../lib/app-error';
import { sniffFileType } from '../../lib/file-storage';
import { parseCsvRecords } from '../reference/csv';

/**
 * The file formats of 基础数据管理: UTF-8 CSV with a BOM (so Excel opens it with the right characters) and
 * .xlsx. The first row holds the Chinese headers; a file is recognised by its content, not its name.
 */

export interface FileTable {
  headers: string[];
  /** Data rows with their line in the file (the header is line 1); blank rows are skipped. */
  rows: { line: number; cells: string[] }[];
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Reads an uploaded CSV or .xlsx file; anything else is refused (415). */
export async function readFileTable(data: Buffer): Promise<FileTable> {
  if (isZip(data)) return readXlsx(data);
  // Text only: a PDF, an image or any binary file is no CSV whatever its name.
  if (sniffFileType(data) || data.subarray(0, 8192).includes(0)) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', { message: 'e.refadm.fileType' });
  }
  return readCsv(data);
}

function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Excel on a Chinese Windows saves CSV in GB18030 (GBK).
    return new TextDecoder('gb18030').decode(data);
  }
}

function readCsv(data: Buffer): FileTable {
  let records: string[][];
  try {
    records = parseCsvRecords(decode(data));
  } catch {
    throw new AppError('VALIDATION_FAILED', { message: 'e.refadm.csvBroken' });
  }
  const [header, ...rest] = records;
  return {
    headers: (header ?? []).map((h) => h.trim()),
    rows: rest
      .map((cells, i) => ({ line: i + 2, cells }))
      .filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

async function readXlsx(data: Buffer): Promise<FileTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_FILE_TYPE', { message: 'e.refadm.fileType' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const width = sheet.columnCount;
  const textsOf = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value).trim());
  const headers = textsOf(sheet.getRow(1));
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const rows: FileTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells = textsOf(row).slice(0, Math.max(headers.length, 1));
    if (cells.some((c) => c !== '')) rows.push({ line: n, cells });
  });
  return { headers, rows };
}

const csvField = (s: string) => (/[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function writeCsv(headers: string[], rows: string[][]): Buffer {
  const lines = [headers, ...rows].map((r) => r.map(csvField).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

export async function writeXlsx(
  sheetName: string,
  headers: string[],
  rows: (string | number | null)[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = headers.map((h) => ({ header: h, width: Math.max(10, Math.min(40, h.length * 2 + 4)) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((v) => (v === '' ? null : v)));
  // Codes stay text: a number format would drop leading zeros.
  sheet.eachRow((row, n) => {
    if (n > 1)
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.numFmt = '@';
      });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
