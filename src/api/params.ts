/**
 * Query parameter validation: each reader returns the value or throws `ApiError` 400 naming the
 * parameter and what it accepts. Unknown parameters are ignored (cache-busters stay harmless).
 */
import { ApiError } from './api-error.ts';

export type Query = Readonly<Record<string, string | undefined>>;

const INTEGER = /^\d{1,15}$/;

/** An integer in [min, max], or `fallback` when absent. */
export function intParam(query: Query, name: string, min: number, max: number, fallback: number): number {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!INTEGER.test(raw) || value < min || value > max)
    throw new ApiError(400, 'bad_parameter', `${name} must be an integer from ${min} to ${max}`);
  return value;
}

/** One of `values`, or undefined when absent. */
export function enumParam<T extends string>(query: Query, name: string, values: readonly T[]): T | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  if (!(values as readonly string[]).includes(raw))
    throw new ApiError(400, 'bad_parameter', `${name} must be one of ${values.join(', ')}`);
  return raw as T;
}

/** Text matching `pattern`, or undefined when absent. */
export function textParam(query: Query, name: string, pattern: RegExp, what: string): string | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  if (!pattern.test(raw)) throw new ApiError(400, 'bad_parameter', `${name} must be ${what}`);
  return raw;
}
