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
  // Live meetings (socket): see live/socket.ts and live/commands.ts.
  /** The client speaks another live protocol version: reload the app. */
  ProtocolMismatch: 'PROTOCOL_MISMATCH',
  /** The meeting has ended and is read-only. */
  MeetingEnded: 'MEETING_ENDED',
  /** The meeting is scheduled and has not been started yet. */
  MeetingNotStarted: 'MEETING_NOT_STARTED',
  /** The facilitator locked input; only the facilitator may change things now. */
  InputLocked: 'INPUT_LOCKED',
  /** A command for a meeting this connection has not joined (send `meeting:join` first). */
  NotJoined: 'NOT_JOINED',
  /** The command belongs to another phase kind than the current phase. */
  WrongPhase: 'WRONG_PHASE',
  /** No votes left, or the most votes one item may get. */
  VoteLimit: 'VOTE_LIMIT',
  /** The facilitator is present (or left less than the grace time ago): ask them to pass the role. */
  FacilitatorPresent: 'FACILITATOR_PRESENT',
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
