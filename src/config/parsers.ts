/**
 * Parsers for setting values. Each returns a `Parser<T>` plus a human `hint` of what it accepts,
 * and throws `SettingValueError` with that hint on bad input.
 */
import { type Parser, SettingValueError } from './setting.ts';

export interface ParserWithHint<T> {
  readonly parse: Parser<T>;
  readonly hint: string;
}

export function integer(min: number, max: number): ParserWithHint<number> {
  const hint = `integer ${min}..${max}`;
  return {
    hint,
    parse: (raw) => {
      const value = Number(raw.trim());
      if (!/^[+-]?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
        throw new SettingValueError(`must be an ${hint}`);
      }
      return value;
    },
  };
}

export function decimal(min: number, max: number): ParserWithHint<number> {
  const hint = `number ${min}..${max}`;
  return {
    hint,
    parse: (raw) => {
      const text = raw.trim();
      const value = Number(text);
      if (text === '' || !Number.isFinite(value) || value < min || value > max) {
        throw new SettingValueError(`must be a ${hint}`);
      }
      return value;
    },
  };
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

export function boolean(): ParserWithHint<boolean> {
  return {
    hint: 'true|false',
    parse: (raw) => {
      const text = raw.trim().toLowerCase();
      if (TRUE.has(text)) return true;
      if (FALSE.has(text)) return false;
      throw new SettingValueError('must be true or false (also 1/0, yes/no, on/off)');
    },
  };
}

export function oneOf<const T extends string>(values: readonly T[]): ParserWithHint<T> {
  const hint = values.join('|');
  return {
    hint,
    parse: (raw) => {
      const text = raw.trim();
      if (!(values as readonly string[]).includes(text))
        throw new SettingValueError(`must be one of ${hint}`);
      return text as T;
    },
  };
}

export interface TextOptions {
  readonly pattern?: RegExp;
  readonly maxLength?: number;
  /** Describes the pattern in words for error messages. */
  readonly what?: string;
  readonly allowEmpty?: boolean;
}

export function text(options: TextOptions = {}): ParserWithHint<string> {
  const { pattern, maxLength = 1024, what = 'text', allowEmpty = false } = options;
  return {
    hint: what,
    parse: (raw) => {
      const value = raw.trim();
      if (!allowEmpty && value === '') throw new SettingValueError(`must not be empty`);
      if (value.length > maxLength) throw new SettingValueError(`must be at most ${maxLength} characters`);
      if (pattern && !pattern.test(value)) throw new SettingValueError(`must be ${what}`);
      return value;
    },
  };
}

/** Comma-separated list; each item goes through `item`. */
export function list<T>(item: ParserWithHint<T>, options: { min?: number } = {}): ParserWithHint<T[]> {
  const min = options.min ?? 0;
  return {
    hint: `comma-separated ${item.hint}`,
    parse: (raw) => {
      const parts = raw
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      if (parts.length < min) throw new SettingValueError(`must list at least ${min} item(s)`);
      return parts.map((part) => {
        try {
          return item.parse(part);
        } catch (error) {
          throw new SettingValueError(`item '${part}' ${(error as Error).message}`);
        }
      });
    },
  };
}

/** `host:port`, as Kafka bootstrap servers are written. */
export function hostPort(): ParserWithHint<string> {
  return {
    hint: 'host:port',
    parse: (raw) => {
      const value = raw.trim();
      const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value);
      const port = match ? Number(match[2]) : 0;
      if (!match || port < 1 || port > 65535)
        throw new SettingValueError('must be host:port, e.g. 127.0.0.1:9092');
      return value;
    },
  };
}

/** `item`, or the empty string when the value is empty (for "none = a built-in choice" settings). */
export function orEmpty(item: ParserWithHint<string>): ParserWithHint<string> {
  return {
    hint: `${item.hint}, or empty`,
    parse: (raw) => (raw.trim() === '' ? '' : item.parse(raw)),
  };
}

export function url(protocols: readonly string[]): ParserWithHint<string> {
  const hint = `${protocols.map((p) => `${p}//`).join(' or ')} URL`;
  return {
    hint,
    parse: (raw) => {
      let parsed: URL;
      try {
        parsed = new URL(raw.trim());
      } catch {
        throw new SettingValueError(`must be a ${hint}`);
      }
      if (!protocols.includes(parsed.protocol)) throw new SettingValueError(`must be a ${hint}`);
      return raw.trim();
    },
  };
}

/** An IANA time zone name that this Node's Intl knows, e.g. `Europe/Berlin`. */
export function timeZone(): ParserWithHint<string> {
  return {
    hint: 'IANA time zone',
    parse: (raw) => {
      const value = raw.trim();
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: value });
      } catch {
        throw new SettingValueError('must be an IANA time zone such as UTC or Europe/Berlin');
      }
      return value;
    },
  };
}

export interface KeyedNumbersOptions {
  readonly min: number;
  readonly max: number;
  /**
   * What an unlisted key becomes: `defaults` keeps the default value (for per-key properties such
   * as durations), `zero` sets it to 0 (for a mix, where listing kinds means "only these").
   */
  readonly unlisted: 'defaults' | 'zero';
}

/** `key=number,…` over a closed set of keys, e.g. `spike=2,dropout=0.5`; returns every key. */
export function keyedNumbers<const K extends string>(
  keys: readonly K[],
  defaults: Readonly<Record<K, number>>,
  options: KeyedNumbersOptions,
): ParserWithHint<Readonly<Record<K, number>>> {
  const value = decimal(options.min, options.max);
  return {
    hint: `comma-separated key=${value.hint} (keys: ${keys.join('|')})`,
    parse: (raw) => {
      const out = Object.fromEntries(
        keys.map((k) => [k, options.unlisted === 'zero' ? 0 : defaults[k]]),
      ) as Record<K, number>;
      const parts = raw
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      if (parts.length === 0) throw new SettingValueError('must list at least one key=value');
      for (const part of parts) {
        const [key = '', number, ...rest] = part.split('=').map((s) => s.trim());
        if (!(keys as readonly string[]).includes(key)) {
          throw new SettingValueError(`unknown key '${key}'; allowed: ${keys.join(', ')}`);
        }
        if (number === undefined || rest.length > 0)
          throw new SettingValueError(`'${part}' is not key=value`);
        try {
          out[key as K] = value.parse(number);
        } catch (error) {
          throw new SettingValueError(`${key}: ${(error as Error).message}`);
        }
      }
      return Object.freeze(out);
    },
  };
}
