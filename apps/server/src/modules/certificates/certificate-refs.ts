import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';

type Tx = Transaction<Database> | Db;

export interface CertificateRef {
  id: string;
  number: string;
  applicationId: string;
}

/**
 * What other modules (the audit search) may know of certificates: id, 证明号 and application, with no access
 * check (the caller has made it). The certificates table stays this module's.
 */
const refs = (db: Tx) =>
  db.selectFrom('certificates').select(['id', 'number', 'application_id as applicationId']);

/** The certificate with that 证明号 (any case) or that id. */
export async function findCertificateRef(db: Tx, numberOrId: string): Promise<CertificateRef | undefined> {
  const text = numberOrId.trim();
  return (
    (await refs(db).where('number', '=', text.toUpperCase()).executeTakeFirst()) ??
    (await refs(db).where('id', '=', text).executeTakeFirst())
  );
}

/** Every version (original, modified) issued for the application. */
export function certificateRefsOfApplication(db: Tx, applicationId: string): Promise<CertificateRef[]> {
  return refs(db).where('application_id', '=', applicationId).orderBy('issued_at').execute();
}

/** 证明号 by certificate id, for the ids that exist. */
export async function certificateNumbers(db: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await refs(db).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}
