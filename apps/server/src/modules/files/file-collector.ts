import type { AppDeps } from '../../context';
import { HOUR, iso } from '../../lib/clock';
import { filesRepository } from './files.repository';

/**
 * How long released content stays in storage. An upload stamps its file when it stores it, and the
 * collector leaves any file stamped within this period, so an upload of the same bytes that is between
 * its `put` and its commit (a request's lifetime, seconds) always keeps its file.
 */
export const ORPHAN_GRACE_MS = HOUR;
const BATCH = 200;

/**
 * Removes from storage the content released (releaseFile) more than ORPHAN_GRACE_MS ago and not
 * referenced again since. Every instance may run it: an orphan is claimed with a compare-and-delete, so
 * exactly one instance handles it. Returns how many files were removed.
 */
export async function collectOrphanedFiles(
  deps: Pick<AppDeps, 'db' | 'clock' | 'files' | 'log'>,
): Promise<number> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - ORPHAN_GRACE_MS);
  const due = await filesRepository.findOrphanedBefore(deps.db, iso(since), BATCH);
  let removed = 0;
  for (const orphan of due) {
    const unreferenced = await deps.db.transaction().execute(async (trx) => {
      if (!(await filesRepository.claimOrphan(trx, orphan.sha256, orphan.orphaned_at))) return false;
      return !(await filesRepository.fileExists(trx, orphan.sha256));
    });
    if (!unreferenced) continue;
    try {
      if (await deps.files.removeIfUntouchedSince(orphan.sha256, since)) {
        removed++;
        continue;
      }
    } catch (err) {
      deps.log.warn({ err, sha256: orphan.sha256 }, 'could not remove a released file; will retry');
    }
    // Stamped by an upload in flight, or not removable now: look again after another grace period. If
    // that upload commits, the next run finds the file referenced and only drops the mark.
    await filesRepository.markOrphaned(deps.db, orphan.sha256, iso(now));
  }
  return removed;
}

/** Runs collectOrphanedFiles every few minutes in the background of a server process. */
export function startFileCollector(deps: AppDeps, everyMs = 10 * 60_000): () => void {
  const timer = setInterval(() => {
    collectOrphanedFiles(deps).catch((err: unknown) => deps.log.warn({ err }, 'file collection failed'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
