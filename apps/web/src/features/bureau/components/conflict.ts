import { ApiError } from '../../../lib/api-client';

/**
 * The case changed under the officer (another officer decided it, the enterprise withdrew it, the
 * certificate was revoked meanwhile): 409, DECISION_CONFLICT or another state conflict.
 */
export function isConflict(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status === 409;
}

/** The server refused a field (e.g. an empty reason): shown on the form's field. */
export function hasFieldErrors(err: unknown): boolean {
  return err instanceof ApiError && err.fields.length > 0;
}
