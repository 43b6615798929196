import fs from 'node:fs';
import path from 'node:path';
import { referenceDataDir } from '../../../src/paths';

/**
 * Facts read straight from the shipped files, by line, without the module's CSV parser, so the tests
 * compare the loaded tables with the files rather than with constants.
 */
export function dataLines(file: string): string[] {
  const text = fs.readFileSync(path.join(referenceDataDir, file), 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '');
}

/** The first field of each data line (codes never need quoting). */
export const firstFields = (file: string) => dataLines(file).map((l) => l.slice(0, l.indexOf(',')));

/** The last field of each data line (an unquoted flag or kind in these files). */
export const lastFields = (file: string) => dataLines(file).map((l) => l.slice(l.lastIndexOf(',') + 1));

export const files = {
  divisions: 'admin-divisions/cn-divisions-2023.csv',
  hsCodes: 'hs/cn-hs-codes.csv',
  hsChapters: 'hs/cn-tariff-2026-chapters-zh.csv',
  cccCategories: 'ccc/ccc-catalogue-2023-categories.csv',
  cccProducts: 'ccc/ccc-catalogue-2023-products-partial.csv',
  cccAdditions: 'ccc/ccc-catalogue-additions-2024-2026.csv',
  cccHs: 'ccc/ccc-hs-provisional.csv',
  bureaus: 'samr/provincial-market-regulation-bureaus.csv',
  clauses: 'domain/clauses.csv',
  subClauses: 'domain/sub-clauses.csv',
  applicantTypes: 'domain/applicant-types.csv',
  attachmentTypes: 'domain/attachment-types.csv',
  requirements: 'domain/clause-attachment-requirements.csv',
  addressTypes: 'domain/address-types.csv',
};

/** Division lines as [code, name, level, parent, province, nbs, kind]. */
export const divisionLines = () => dataLines(files.divisions).map((l) => l.split(','));
