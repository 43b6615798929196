/** Every error the API can return; the server maps each to one HTTP status, the web app to a message. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'CSRF_INVALID',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE_TYPE',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'ACCOUNT_PENDING',
  'CAPTCHA_INVALID',
  'USERNAME_TAKEN',
  'RESET_CODE_INVALID',
  'PASSWORD_INCORRECT',
  'SERIAL_EXHAUSTED',
  'APPLICATION_INCOMPLETE',
  'DECISION_CONFLICT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorHttpStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  ACCOUNT_PENDING: 403,
  CAPTCHA_INVALID: 400,
  USERNAME_TAKEN: 409,
  RESET_CODE_INVALID: 400,
  PASSWORD_INCORRECT: 400,
  /** A year's serials (999,999) are used up: an operator must act; never wrapped. */
  SERIAL_EXHAUSTED: 503,
  /** 提交's completeness check: `fields` names every missing item. */
  APPLICATION_INCOMPLETE: 400,
  /** Another officer decided the case first (or the enterprise withdrew it): reload and look. */
  DECISION_CONFLICT: 409,
  INTERNAL: 500,
};

/** The one error envelope every failed request returns. */
export interface ErrorEnvelope {
  code: ErrorCode;
  message: string;
  fields: { path: string; message: string }[];
  /** Extra facts the client may show, e.g. when a lock or limit ends. */
  details?: Record<string, unknown>;
}
