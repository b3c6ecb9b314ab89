/** Every non-2xx JSON response: `{error: {code, message}}`. No stack traces, ever. */
export interface ApiErrorBody {
  readonly error: {
    /** Stable machine code, e.g. `bad_parameter`, `not_found`, `unauthorized`, `rate_limited`. */
    readonly code: ApiErrorCode;
    /** What was wrong and how to fix it, for people. */
    readonly message: string;
  };
}

export type ApiErrorCode =
  | 'bad_parameter'
  | 'bad_cursor'
  | 'bad_body'
  | 'not_found'
  | 'method_not_allowed'
  | 'unauthorized'
  | 'forbidden'
  | 'mutations_disabled'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unavailable'
  | 'internal';
