/** Errors the API answers with `{error: {code, message}}` and a status; anything else becomes a 500 without detail. */
import type { ApiErrorCode } from './contract/api-error.ts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 429 | 503,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON body of an error. */
export function errorBody(code: ApiErrorCode, message: string) {
  return { error: { code, message } };
}
