import { ApiError } from '../../../lib/api-client';
import type { TFunction } from '../../../lib/i18n';

/** What to tell the user about a failed request: the server's own (translated) message when it sent one. */
export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && err.status !== 0 && err.message) return err.message;
  return t('e.INTERNAL');
}
