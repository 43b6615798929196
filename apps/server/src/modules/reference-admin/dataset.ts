import type {
  ReferenceColumn,
  ReferenceColumnType,
  ReferenceDatasetKey,
  ReferenceValue,
  ReferenceValues,
} from '@ccc/domain';
import type { Transaction } from 'kysely';
import type { ServiceContext } from '../../context';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';

/**
 * What the generic engine of 基础数据管理 knows of a dataset: its columns (which are also the file
 * format) and a store that reads and writes its rows. One small descriptor per dataset (datasets/*.ts).
 */

export type Trx = Transaction<Database>;

export interface ColumnDef {
  key: string;
  /** The Chinese header in files, fixed. */
  header: string;
  type: ReferenceColumnType;
  required?: boolean;
  isKey?: boolean;
  /** False: derived, shown read-only, exported but never imported. */
  editable?: boolean;
  maxLength?: number;
  options?: readonly string[];
  min?: number;
  max?: number;
  pattern?: { re: RegExp; message: string };
  /** Searched by the free-text filter. */
  search?: boolean;
  /** The value a new row gets when the column is left empty. */
  default?: ReferenceValue;
}

export const toContractColumn = (c: ColumnDef): ReferenceColumn => ({
  key: c.key,
  header: c.header,
  type: c.type,
  required: !!c.required,
  isKey: !!c.isKey,
  editable: c.editable !== false,
  maxLength: c.maxLength ?? null,
  options: c.options ? [...c.options] : null,
});

export interface StoredRow {
  key: string;
  enabled: boolean;
  modifiedByAdmin: boolean;
  values: ReferenceValues;
  updatedAt: string | null;
  /** The edition the row belongs to (datasets with editions), else null. */
  edition: string | null;
}

export interface ListQuery {
  q?: string | undefined;
  enabled: 'all' | 'enabled' | 'disabled';
  edition: string | null;
  offset: number;
  limit: number;
}

/** A row to write: its key, all its editable values, and (datasets with the flag) whether it is enabled. */
export interface RowWrite {
  key: string;
  values: ReferenceValues;
  enabled: boolean;
}

export interface FieldProblem {
  column: string;
  /** A message key or text already in the request's language. */
  message: string;
}

/** Checks a row against other data (codes it names exist …); built once per request, then synchronous. */
export type RowChecker = (values: ReferenceValues, edition: string | null) => FieldProblem[];

export type WriteCtx = Pick<ServiceContext, 'clock' | 'locale'>;

export interface DatasetStore {
  /** Editions present, newest first ([] without editions). */
  editions(db: Db): Promise<string[]>;
  currentEdition(db: Db): Promise<string | null>;
  count(db: Db, edition: string | null): Promise<number>;
  list(db: Db, query: ListQuery): Promise<{ rows: StoredRow[]; total: number }>;
  /** Every row of the edition, in list order (export, import comparison). */
  all(db: Db | Trx, edition: string | null): Promise<StoredRow[]>;
  find(db: Db | Trx, key: string): Promise<StoredRow | undefined>;
  insert(trx: Trx, ctx: WriteCtx, rows: RowWrite[], edition: string | null): Promise<void>;
  update(trx: Trx, ctx: WriteCtx, row: RowWrite, edition: string | null): Promise<void>;
  setEnabled(trx: Trx, ctx: WriteCtx, key: string, enabled: boolean): Promise<void>;
  /** What changes whenever the dataset changes outside this module (the shipped data's loads …). */
  externalRevision(db: Db | Trx): Promise<string>;
}

export interface DatasetDef {
  key: ReferenceDatasetKey;
  /** Chinese name (also the exported file's name). */
  name: string;
  columns: ColumnDef[];
  hasEnabled: boolean;
  hasEditions: boolean;
  /** Changes rebuild every instance's HS index (hs-codes, ccc-hs-mappings). */
  bumpsHsVersion?: boolean;
  /** The opaque key of a row from its values (and edition). */
  keyOf(values: ReferenceValues, edition: string | null): string;
  store: DatasetStore;
  checker?(db: Db | Trx, ctx: WriteCtx): Promise<RowChecker>;
  /** Fills derived read-only columns of rows about to be shown or exported. */
  decorate?(db: Db, rows: StoredRow[]): Promise<void>;
  /** Before a write into an edition (HS: pins the edition in force so a new edition does not take over). */
  beforeWrite?(trx: Trx, ctx: WriteCtx, edition: string | null): Promise<void>;
}

export const ENABLED_HEADER = '启用';
