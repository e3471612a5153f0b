import { CSRF_COOKIE, CSRF_HEADER, ErrorCode, isApiError, type ApiError } from '@tillit/protocol';

/** An error answer from the API, or a network failure (code NETWORK, status 0). */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly body: ApiError | { code: 'NETWORK'; message: string };

  constructor(status: number, body: ApiRequestError['body']) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.body = body;
  }

  get code(): ApiRequestError['body']['code'] {
    return this.body.code;
  }
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

async function csrfToken(refresh = false): Promise<string> {
  const existing = refresh ? undefined : readCookie(CSRF_COOKIE);
  if (existing) return existing;
  await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  return readCookie(CSRF_COOKIE) ?? '';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(method: Method, path: string, body: unknown, refreshCsrf: boolean): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers[CSRF_HEADER] = await csrfToken(refreshCsrf);
  return fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Calls the API at `path` (relative, `/api/...`). Resolves with the parsed JSON body
 * (undefined for 204) or rejects with an ApiRequestError.
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await send(method, path, body, false);
    if (response.status === 403 && method !== 'GET') {
      // A stale or rotated CSRF cookie: fetch a fresh one and try once more.
      const error: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      if (isApiError(error) && error.code === ErrorCode.CsrfFailed) {
        response = await send(method, path, body, true);
      }
    }
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK', message: 'Network request failed' });
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (response.ok) return data as T;
  if (isApiError(data)) throw new ApiRequestError(response.status, data);
  throw new ApiRequestError(response.status, {
    code: ErrorCode.Internal,
    message: `HTTP ${response.status}`,
  });
}

export function isApiErrorCode(error: unknown, code: string): boolean {
  return error instanceof ApiRequestError && error.code === code;
}
