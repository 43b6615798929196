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
  // Content released earlier and uploaded again is wanted once more.
  await filesRepository.unmarkOrphaned(trx, file.sha256);
}

/**
 * Drops the owner's reference. When none is left, the files row goes and the content is marked for the
 * collector (file-collector.ts), in this same transaction: it is removed from storage after a grace
 * period, never at once, because an upload of the same bytes may be between its `put` and its commit.
 */
export async function releaseFile(
  trx: Tx,
  deps: Pick<AppDeps, 'clock'>,
  sha256: string,
  owner: FileOwner,
): Promise<void> {
  await filesRepository.removeReference(trx, sha256, owner.type, owner.id);
  if (await filesRepository.isReferenced(trx, sha256)) return;
  await filesRepository.deleteFile(trx, sha256);
  await filesRepository.markOrphaned(trx, sha256, iso(deps.clock.now()));
}
