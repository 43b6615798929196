import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import { parseContent, type CertificateContent } from './certificate-content';
import { certificatesRepository as repo, type CertificateRow } from './certificates.repository';

/**
 * Certificate reads for the usage records (产品使用记录) and the bureau's supervision: records belong to the
 * certificate NUMBER (its 12 digits, both versions); quantities count against the current version's frozen
 * content (the M version's after a modification).
 */

type Tx = Transaction<Database> | Db;

export interface CertificateOfBase {
  /** The version that counts: the newest that is not superseded (valid or revoked). */
  current: CertificateRow;
  currentContent: CertificateContent;
  /** The first version (its issue date is when the goods could first be used). */
  original: CertificateRow;
  originalContent: CertificateContent;
}

function pick(rows: CertificateRow[]): CertificateOfBase | null {
  if (rows.length === 0) return null;
  const original = rows[0]!;
  const current = [...rows].reverse().find((r) => r.status !== 'superseded') ?? rows[rows.length - 1]!;
  return {
    current,
    currentContent: parseContent(current.content),
    original,
    originalContent: parseContent(original.content),
  };
}

/** Every version of the base number, resolved to its current and original version. */
export async function certificateOfBase(db: Tx, baseNumber: string): Promise<CertificateOfBase | null> {
  return pick(await repo.findVersionsOfBase(db, baseNumber));
}

/**
 * Serialises the records of one certificate number: an UPDATE that changes nothing but locks the number's
 * certificate rows on PostgreSQL until the transaction ends (on SQLite the first write takes the database
 * write lock). Call it FIRST in the transaction that saves a record, before reading the ledger.
 */
export async function lockCertificateNumber(trx: Transaction<Database>, baseNumber: string): Promise<void> {
  await trx
    .updateTable('certificates')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('base_number', '=', baseNumber)
    .execute();
}

/** The current versions (not superseded) of the given base numbers, by base number. */
export async function currentVersionsOfBases(
  db: Tx,
  baseNumbers: readonly string[],
): Promise<Map<string, CertificateRow>> {
  const unique = [...new Set(baseNumbers)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('certificates')
    .selectAll()
    .where('base_number', 'in', unique)
    .where('status', '!=', 'superseded')
    .execute();
  return new Map(rows.map((r) => [r.base_number, r]));
}

/** The given certificate numbers, each resolved to its current and original version (unknown ones left out). */
export async function certificatesOfBases(
  db: Tx,
  baseNumbers: readonly string[],
): Promise<CertificateOfBase[]> {
  const bases = [...new Set(baseNumbers)];
  const all: CertificateRow[] = [];
  for (let i = 0; i < bases.length; i += 500) {
    all.push(
      ...(await db
        .selectFrom('certificates')
        .selectAll()
        .where('base_number', 'in', bases.slice(i, i + 500))
        .orderBy('issued_at', 'asc')
        .orderBy('id', 'asc')
        .execute()),
    );
  }
  const byBase = new Map<string, CertificateRow[]>();
  for (const r of all) byBase.set(r.base_number, [...(byBase.get(r.base_number) ?? []), r]);
  return [...byBase.values()].map((rows) => pick(rows)!);
}
