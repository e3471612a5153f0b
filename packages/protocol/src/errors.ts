/** Every error the API returns, over REST and over the socket, carries one of these codes. */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  CsrfFailed: 'CSRF_FAILED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  InviteInvalid: 'INVITE_INVALID',
  LastAdmin: 'LAST_ADMIN',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For VALIDATION_FAILED: which fields failed and why. */
  issues?: { path: string; message: string }[];
  /** For RATE_LIMITED: seconds until a retry may succeed. */
  retryAfterSeconds?: number;
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
