import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv';

/** What a dataset is made of, and the reader of one reference-data folder. */

export type Cell = string | number | null;
export type DataRow = Record<string, Cell>;

export const referenceTables = [
  'divisions',
  'hs_chapters',
  'hs_codes',
  'ccc_categories',
  'ccc_products',
  'ccc_hs_mappings',
  'bureaus',
  'bureau_divisions',
  'clauses',
  'sub_clauses',
  'applicant_types',
  'attachment_types',
  'clause_attachment_requirements',
  'address_types',
] as const;
export type ReferenceTable = (typeof referenceTables)[number];

/** The rows of one table that a dataset ships. */
export interface TablePart {
  table: ReferenceTable;
  /** Primary-key columns: a row is "missing" when no row has these values. */
  keys: string[];
  rows: DataRow[];
  /** The table has `modified_by_admin`: such rows are never overwritten. */
  adminFlag: boolean;
  /**
   * Child rows belonging to an owner row (bureau_divisions of a bureau): loaded only for owners that no
   * administrator has modified, so a coverage an administrator changed is not re-extended.
   */
  owner?: { table: ReferenceTable; key: string; column: string };
}

export interface DatasetSpec {
  /** Recorded in reference_data_versions.dataset; also the table of the first part, whose rows are counted. */
  name: ReferenceTable;
  /** Human part of the version; the content hash of `files` is appended. */
  label: string;
  /** Files under the reference-data folder whose content makes the version. */
  files: string[];
  build: (src: DataSource) => TablePart[];
}

/**
 * Bumped when the way files become rows changes (a column derived differently), so the datasets are
 * refreshed even though no file changed.
 */
export const LOADER_REVISION = 1;

/** Reads files of one reference-data folder once each; decodes and parses only what a load needs. */
export class DataSource {
  private readonly bytes = new Map<string, Buffer>();
  private readonly csv = new Map<string, Record<string, string>[]>();
  constructor(readonly dir: string) {}

  private buffer(file: string): Buffer {
    let b = this.bytes.get(file);
    if (!b) {
      b = fs.readFileSync(path.join(this.dir, file));
      this.bytes.set(file, b);
    }
    return b;
  }

  read(file: string): string {
    return this.buffer(file).toString('utf8');
  }

  rows(file: string): Record<string, string>[] {
    let r = this.csv.get(file);
    if (!r) {
      r = parseCsv(this.read(file));
      this.csv.set(file, r);
    }
    return r;
  }

  /** `label+r<revision>#<first 12 hex of the SHA-256 of the files>`. */
  version(spec: DatasetSpec): string {
    const h = createHash('sha256');
    for (const f of spec.files) h.update(f).update('\0').update(this.buffer(f)).update('\0');
    return `${spec.label}+r${LOADER_REVISION}#${h.digest('hex').slice(0, 12)}`;
  }
}
