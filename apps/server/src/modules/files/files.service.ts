import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AppDeps } from '../../context';
import { iso } from '../../lib/clock';
import { filesRepository } from './files.repository';

type Tx = Transaction<Database>;

export interface FileOwner {
  type: string;
  id: string;
}

/**
 * Records that `owner` refers to a stored file (already written with ctx.files.put, before this
 * transaction commits). Every module that keeps a stored file goes through here, so a file shared by
 * several owners (identical content) is never removed while one of them still needs it.
 */
export async function retainFile(
  trx: Tx,
  deps: Pick<AppDeps, 'clock'>,
  file: { sha256: string; size: number; mime: string },
  owner: FileOwner,
): Promise<void> {
  await filesRepository.insertFileIfAbsent(trx, { ...file, created_at: iso(deps.clock.now()) });
  await filesRepository.addReference(trx, file.sha256, owner.type, owner.id);
}

/**
 * Drops the owner's reference; when none is left the files row goes too, and the key is returned for
 * removeUnreferencedFiles after commit.
 */
export async function releaseFile(trx: Tx, sha256: string, owner: FileOwner): Promise<string | null> {
  await filesRepository.removeReference(trx, sha256, owner.type, owner.id);
  if (await filesRepository.isReferenced(trx, sha256)) return null;
  await filesRepository.deleteFile(trx, sha256);
  return sha256;
}

/**
 * After commit: removes stored files that lost their last reference. Re-checked first, since a new
 * upload of the same content may have committed meanwhile. A failure only leaves an unreferenced file.
 */
export async function removeUnreferencedFiles(
  deps: Pick<AppDeps, 'db' | 'files' | 'log'>,
  shas: (string | null)[],
): Promise<void> {
  for (const sha of new Set(shas)) {
    if (!sha) continue;
    try {
      if (await filesRepository.fileExists(deps.db, sha)) continue;
      await deps.files.remove(sha);
    } catch (err) {
      deps.log.warn({ err, sha }, 'could not remove an unreferenced stored file');
    }
  }
}
