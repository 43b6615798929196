import type { ErrorCode } from '@ccc/domain';

/** Services throw this; one table (errorHttpStatus) maps the code to an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      /** A message key or text; defaults to the code's own message. */
      message?: string;
      params?: Record<string, string | number>;
      fields?: { path: string; message: string }[];
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(options.message ?? code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('NOT_FOUND');

export function fieldError(path: string, messageKey: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ path, message: messageKey }] });
}
