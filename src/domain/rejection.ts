/** Why an incoming message was refused; the code is stable (dashboards and DLQ consumers key on it). */
export const REJECT_REASONS = [
  'empty',
  'too_large',
  'invalid_json',
  'not_object',
  'missing_field',
  'wrong_type',
  'not_finite',
  'out_of_range',
  'too_long',
  'bad_format',
  'unknown_enum',
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Rejection {
  readonly ok: false;
  readonly reason: RejectReason;
  /** Human-readable detail naming the field, e.g. "temperature: must be a finite number". */
  readonly message: string;
}

export interface Accepted<T> {
  readonly ok: true;
  readonly value: T;
}

export type DecodeResult<T> = Accepted<T> | Rejection;

export function reject(reason: RejectReason, message: string): Rejection {
  return { ok: false, reason, message };
}
