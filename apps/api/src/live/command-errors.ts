/** The refusals command handlers share. */
import { ErrorCode } from '@tillit/protocol';
import { AppError } from '../common/app-error.js';

export const conflict = (message: string) => new AppError(ErrorCode.Conflict, message);
export const forbidden = (message: string) => new AppError(ErrorCode.Forbidden, message);
