import type { AppDeps } from '../../context';
import { AppError } from '../../lib/app-error';
import { hitCounter } from './rate-limits.repository';

/** Count one hit against a limit and refuse (429, with when to retry) once it is over. */
export async function enforceLimit(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  key: string,
  max: number,
  windowMs: number,
): Promise<void> {
  const now = deps.clock.now();
  const { count, resetAt } = await hitCounter(deps.db, key, now, windowMs);
  if (count > max) {
    const retryAfter = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', { params: { retryAfter }, details: { retryAfter } });
  }
}
