import { HOUR, MINUTE } from '../../lib/clock';

/** SPEC §2: sessions end after 30 minutes idle and 12 hours in all. */
export const SESSION_IDLE_MS = 30 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * HOUR;
/** Write last_seen_at at most this often, so reads do not all become writes. */
export const SESSION_TOUCH_EVERY_MS = MINUTE;

export const SESSION_COOKIE = 'ccc_sid';
/** Before login, state-changing requests carry this cookie's value as X-CSRF-Token (double submit). */
export const PRE_SESSION_CSRF_COOKIE = 'ccc_csrf';

export function sessionLiveAt(s: { last_seen_at: string; expires_at: string }, now: Date): boolean {
  const t = now.getTime();
  return new Date(s.expires_at).getTime() > t && new Date(s.last_seen_at).getTime() + SESSION_IDLE_MS > t;
}
