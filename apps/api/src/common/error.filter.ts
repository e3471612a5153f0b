import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ErrorCode, type ApiError } from '@tillit/protocol';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';

/** Every REST error leaves as `{ code, message }`; nothing internal leaks. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = toApiError(exception);
    if (status >= 500) this.logger.error({ err: loggable(exception) }, 'Unhandled error');
    if (body.code === ErrorCode.RateLimited && body.retryAfterSeconds) {
      res.setHeader('Retry-After', String(body.retryAfterSeconds));
    }
    res.status(status).json(body);
  }
}

/** What a log may hold about an error: not the query's parameters nor anything else a person sent. */
function loggable(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { type: typeof exception };
  return {
    type: exception.name,
    message: exception.message,
    stack: exception.stack,
    ...(exception instanceof QueryFailedError
      ? { query: exception.query, code: (exception.driverError as { code?: string } | undefined)?.code }
      : {}),
  };
}

export function toApiError(exception: unknown): { status: number; body: ApiError } {
  if (exception instanceof AppError) return { status: exception.getStatus(), body: exception.toJSON() };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const cause = (exception as { cause?: { type?: string } }).cause;
    if (status === 400 && (cause?.type === 'entity.parse.failed' || /JSON/.test(exception.message))) {
      return { status, body: { code: ErrorCode.ValidationFailed, message: 'The request body is not valid JSON' } };
    }
    const code =
      status === 404
        ? ErrorCode.NotFound
        : status === 413
          ? ErrorCode.PayloadTooLarge
          : status === 401
            ? ErrorCode.Unauthenticated
            : status === 403
              ? ErrorCode.Forbidden
              : status < 500
                ? ErrorCode.ValidationFailed
                : ErrorCode.Internal;
    return { status, body: { code, message: status < 500 ? exception.message : 'Something went wrong' } };
  }
  // body-parser errors (malformed JSON, too large) carry a status but are not HttpExceptions
  const e = exception as { status?: number; type?: string };
  if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return e.status === 413
      ? { status: 413, body: { code: ErrorCode.PayloadTooLarge, message: 'The request is too large' } }
      : { status: 400, body: { code: ErrorCode.ValidationFailed, message: 'The request body is not valid JSON' } };
  }
  return { status: 500, body: { code: ErrorCode.Internal, message: 'Something went wrong' } };
}
