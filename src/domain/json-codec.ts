/**
 * A JSON codec for one message schema: bytes in, a validated value or a typed `Rejection` out.
 * It never throws. The happy path is `JSON.parse` plus a compiled TypeBox check; only rejected
 * messages pay for error analysis.
 */

import type Type from 'typebox';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { type DecodeResult, type Rejection, reject } from './rejection.ts';

export interface JsonCodecOptions {
  /** Messages larger than this are refused before parsing. */
  readonly maxBytes: number;
  /** Fields whose values come from a closed list; a bad value there is `unknown_enum`. */
  readonly enumFields?: readonly string[];
}

export interface JsonCodec<T> {
  decode(bytes: Uint8Array | string | null | undefined): DecodeResult<T>;
  /** Validates an already-parsed value (e.g. a CSV row turned into an object). */
  validate(value: unknown): DecodeResult<T>;
  encode(value: T): Buffer;
}

interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
  readonly message: string;
}

/** Builds a codec for `schema`; the schema's static type is the decoded value's type. */
export function createJsonCodec<S extends TSchema>(
  schema: S,
  options: JsonCodecOptions,
): JsonCodec<Type.Static<S>> {
  const validator = Compile(schema);
  const enumFields = new Set(options.enumFields ?? []);
  return {
    decode(bytes) {
      if (bytes === null || bytes === undefined || bytes.length === 0)
        return reject('empty', 'message is empty');
      const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
      if (size > options.maxBytes) {
        return reject('too_large', `message is ${size} bytes, the limit is ${options.maxBytes}`);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(typeof bytes === 'string' ? bytes : utf8(bytes));
      } catch (error) {
        return reject('invalid_json', `not valid JSON: ${(error as Error).message}`);
      }
      return this.validate(parsed);
    },
    validate(value) {
      if (validator.Check(value)) return { ok: true, value: value as Type.Static<S> };
      return explain(value, [...validator.Errors(value)] as SchemaError[], enumFields);
    },
    encode: (value) => Buffer.from(JSON.stringify(value)),
  };
}

/** Decodes without copying: kafkajs hands us Buffers, other callers may pass plain Uint8Arrays. */
function utf8(bytes: Uint8Array): string {
  if (Buffer.isBuffer(bytes)) return bytes.toString('utf8');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function explain(value: unknown, errors: readonly SchemaError[], enumFields: ReadonlySet<string>): Rejection {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject('not_object', `expected a JSON object, got ${describe(value)}`);
  }
  const record = value as Record<string, unknown>;
  const missing = errors.find((e) => e.keyword === 'required');
  if (missing) {
    const names = (missing.params.requiredProperties as string[] | undefined) ?? [];
    const absent = names.filter((n) => !(n in record));
    return reject('missing_field', `missing required field(s): ${absent.join(', ')}`);
  }
  const first = errors.find((e) => e.instancePath !== '') ?? errors[0];
  const path = first ? first.instancePath.split('/').slice(1) : [];
  const field = path.join('.');
  const fieldValue = path.reduce<unknown>(
    (v, key) => (v as Record<string, unknown> | undefined)?.[key],
    record,
  );
  if (typeof fieldValue === 'number' && !Number.isFinite(fieldValue)) {
    return reject('not_finite', `${field}: must be a finite number`);
  }
  if (!first) return reject('wrong_type', 'does not match the schema');
  const errorsOnField = errors.filter((e) => e.instancePath === first.instancePath);
  const keywords = new Set(errorsOnField.map((e) => e.keyword));
  if (keywords.has('maxLength') || keywords.has('maxProperties'))
    return reject('too_long', `${field}: ${first.message}`);
  if (enumFields.has(field) && typeof fieldValue === 'string') {
    return reject('unknown_enum', `${field}: '${truncate(fieldValue)}' is not a known value`);
  }
  if (keywords.has('boolean'))
    return reject('bad_format', `${field}: '${truncate(path.at(-1) ?? '')}' is not an allowed name`);
  if (keywords.has('pattern') || keywords.has('format') || keywords.has('minLength')) {
    return reject('bad_format', `${field}: '${truncate(String(fieldValue))}' has the wrong format`);
  }
  const range = errorsOnField.find((e) => /^(exclusiveM|m)(inimum|aximum)$/.test(e.keyword));
  if (range) return reject('out_of_range', `${field}: ${range.message}`);
  return reject('wrong_type', `${field}: got ${describe(fieldValue)}, ${first.message}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
