import { HttpException } from '@nestjs/common';
import { ErrorCode, type ApiError } from '@tillit/protocol';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  INVITE_INVALID: 404,
  CONFLICT: 409,
  LAST_ADMIN: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  PROTOCOL_MISMATCH: 400,
  MEETING_ENDED: 409,
  MEETING_NOT_STARTED: 409,
  INPUT_LOCKED: 409,
  NOT_JOINED: 409,
  WRONG_PHASE: 409,
  VOTE_LIMIT: 409,
  FACILITATOR_PRESENT: 409,
};

/** The one error type our code throws; REST and socket edges both turn it into `{ code, message }`. */
export class AppError extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ApiError, 'code' | 'message'> = {},
  ) {
    super({ code, message, ...extra }, STATUS[code]);
  }

  toJSON(): ApiError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export const notFound = (what = 'Not found') => new AppError(ErrorCode.NotFound, what);
export const forbidden = (why = 'You may not do this') => new AppError(ErrorCode.Forbidden, why);
