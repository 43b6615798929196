import { MINUTE } from '../../src/lib/clock';
import { collectOrphanedFiles, ORPHAN_GRACE_MS } from '../../src/modules/files/file-collector';
import type { TestApp } from './build-test-app';

/**
 * Runs the file collector as it would run once the grace period has passed, without moving the app's own
 * clock (which would end the test's sessions).
 */
export async function collectAfterGrace(t: TestApp): Promise<number> {
  const later = new Date(t.clock.now().getTime() + ORPHAN_GRACE_MS + MINUTE);
  return collectOrphanedFiles({ ...t.deps, clock: { now: () => later } });
}
