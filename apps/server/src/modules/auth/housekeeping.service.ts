import type { AppDeps } from '../../context';
import { HOUR, iso } from '../../lib/clock';
import { deleteExpiredCounters } from '../rate-limits/rate-limits.repository';
import { challengesRepository, removeOldResetCodes } from './challenges.repository';
import { SESSION_IDLE_MS } from './session-policy';
import { sessionsRepository } from './sessions.repository';

/**
 * Removes what has expired: sessions past their idle or absolute end, used or stale captcha challenges,
 * reset codes, finished rate-limit windows. Idempotent, so every instance may run it.
 */
export async function purgeExpired(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<void> {
  const now = deps.clock.now();
  await sessionsRepository.removeExpired(deps.db, iso(now), iso(new Date(now.getTime() - SESSION_IDLE_MS)));
  await challengesRepository.removeStaleCaptchas(deps.db, iso(now));
  await removeOldResetCodes(deps.db, iso(new Date(now.getTime() - 24 * HOUR)));
  await deleteExpiredCounters(deps.db, now);
}

/** Runs purgeExpired every few minutes in the background of a server process. */
export function startHousekeeping(deps: AppDeps, everyMs = 10 * 60_000): () => void {
  const timer = setInterval(() => {
    purgeExpired(deps).catch((err: unknown) => deps.log.warn({ err }, 'housekeeping failed'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
