/**
 * REST calls to the same-origin API with the session's token. Failures become an `ApiFailure` that
 * says what a person can do about it (the server's `{error: {code, message}}` when there is one).
 */
import type { ApiErrorBody } from '../contract.ts';
import { getToken } from './token.ts';

export class ApiFailure extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  get needsToken(): boolean {
    return this.status === 401 || this.code === 'mutations_disabled';
  }
}

export interface ApiRequest {
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/** Calls `path` (e.g. `/api/sensors?status=critical`) and returns its JSON body. */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal: request.signal ?? null,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiFailure('The API cannot be reached', 0, 'unreachable');
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // a proxy's HTML error page: report the status below
  }
  if (!response.ok) {
    const error = (body as ApiErrorBody | null)?.error;
    throw new ApiFailure(error?.message ?? `HTTP ${response.status}`, response.status, error?.code ?? 'http');
  }
  return body as T;
}

/** A query string from a record, leaving out empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
