import type { ErrorCode, TFieldError } from '@linedesk/domain';

/** Codes the client adds for failures that never reached (or never came back from) the server. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** Every failed API call becomes one of these, so components only ever deal with one shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly reason: string;
  readonly fields: TFieldError[];
  readonly requestId: string | undefined;

  constructor(init: { status: number; code: ClientErrorCode; reason: string; fields?: TFieldError[]; requestId?: string }) {
    super(init.reason);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.reason = init.reason;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
  }

  /** True when the session is missing or expired (not a wrong password at sign-in). */
  get isUnauthenticated(): boolean {
    return this.code === 'UNAUTHENTICATED';
  }

  /** True when a save was refused because someone else changed the record since it was loaded (`If-Match`). */
  get isConflict(): boolean {
    return this.code === 'CONFLICT';
  }

  /**
   * Field messages keyed by input name: the server says `body.email`, forms know `email`.
   * The first message per field wins; one message per input is all a form can show.
   */
  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const { field, message } of this.fields) {
      const name = field.replace(/^(body|query|params)\./, '');
      result[name] ??= message;
    }
    return result;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Query = Record<string, string | number | boolean | null | undefined>;
type RequestOptions = { query?: Query; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> };
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * The one place the web app talks HTTP. Requests are same-origin so the browser sends the Origin
 * header the server checks on every change, and the httpOnly session cookie rides along.
 */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'NETWORK_ERROR',
      reason: 'Cannot reach the LineDesk server. Check your connection and try again.',
    });
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response, payload);
  if (payload === undefined) {
    throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', reason: 'The server sent a response LineDesk could not read.' });
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown, headers?: Record<string, string>) => apiRequest<T>('PUT', path, { body, headers }),
};

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    // Empty filters are left out so the server applies its defaults.
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function toApiError(response: Response, payload: unknown): ApiError {
  if (isErrorPayload(payload)) {
    return new ApiError({
      status: response.status,
      code: payload.code as ClientErrorCode,
      reason: payload.reason,
      fields: Array.isArray(payload.fields) ? payload.fields : [],
      requestId: typeof payload.requestId === 'string' ? payload.requestId : undefined,
    });
  }
  // A proxy or a crashed server answered instead of LineDesk: say so plainly.
  return new ApiError({
    status: response.status,
    code: response.status >= 500 ? 'UNAVAILABLE' : 'BAD_RESPONSE',
    reason: `The server answered ${response.status} ${response.statusText || ''}`.trim() + '. Try again in a moment.',
  });
}

type ErrorPayload = { code: string; reason: string; fields?: TFieldError[]; requestId?: unknown };

function isErrorPayload(payload: unknown): payload is ErrorPayload {
  if (typeof payload !== 'object' || payload === null) return false;
  const candidate = payload as Record<string, unknown>;
  return candidate['@type'] === 'Error' && typeof candidate.code === 'string' && typeof candidate.reason === 'string';
}
