/**
 * A generated reading written as JSON straight into a byte buffer: the same bytes as
 * `Buffer.from(JSON.stringify(reading))` (and readingJson), without building the text first.
 * Building the string and then having kafkajs measure and UTF-8-encode it cost about 2 µs per
 * reading, 15 % of a producer's whole budget per message; here digits and ASCII characters go
 * directly into the publisher's reusable buffers (publish/reading-packer.ts).
 *
 * Same preconditions as readingJson: keys in schema order (as the generator builds them), numbers
 * rounded as the generator rounds them. A string that is not plain printable ASCII, a number
 * that is not a whole count of its decimals, or a reading with `extra` falls back to
 * JSON.stringify (per field or whole), so the output is always what JSON.stringify writes.
 */
import type { Reading } from '../../domain/reading.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const DOT = 0x2e;
const MINUS = 0x2d;
const ZERO = 0x30;

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const NULL = ascii('null');
const FIELDS = {
  sensorId: ascii('{"sensor_id":'),
  ts: ascii(',"ts":'),
  seq: ascii(',"seq":'),
  deviceType: ascii(',"device_type":'),
  location: ascii(',"location":'),
  current: ascii(',"current":'),
  voltage: ascii(',"voltage":'),
  powerFactor: ascii(',"power_factor":'),
  powerKw: ascii(',"power_kw":'),
  energyKwh: ascii(',"energy_kwh":'),
  temperature: ascii(',"temperature":'),
  pressure: ascii(',"pressure":'),
  vibration: ascii(',"vibration":'),
  producerHost: ascii(',"producer_host":'),
  injected: ascii(',"injected":'),
};

function put(out: Uint8Array, at: number, bytes: Uint8Array): number {
  out.set(bytes, at);
  return at + bytes.length;
}

/** Characters of text that is known to be ASCII (number text from JSON.stringify). */
function putText(out: Uint8Array, at: number, text: string): number {
  for (let k = 0; k < text.length; k++) out[at + k] = text.charCodeAt(k);
  return at + text.length;
}

/** `"text"`, or -1 when the text needs escaping or is not printable ASCII. */
function putString(out: Uint8Array, at: number, text: string): number {
  out[at++] = QUOTE;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) return -1;
    out[at++] = c;
  }
  out[at++] = QUOTE;
  return at;
}

/** Decimal digits of a non-negative safe integer. */
function putDigits(out: Uint8Array, at: number, n: number, minDigits = 1): number {
  let digits = 1;
  for (let v = n; v >= 10; v = Math.floor(v / 10)) digits++;
  if (digits < minDigits) digits = minDigits;
  let v = n;
  for (let k = digits - 1; k >= 0; k--) {
    const q = Math.floor(v / 10);
    out[at + k] = ZERO + (v - q * 10);
    v = q;
  }
  return at + digits;
}

/** A number as JSON prints it; fast when it is a whole number of 10^-decimals. */
function putFixed(out: Uint8Array, at: number, value: number | null, decimals: 1 | 2 | 3): number {
  if (value === null) return put(out, at, NULL);
  const scale = decimals === 1 ? 10 : decimals === 2 ? 100 : 1000;
  const units = Math.round(value * scale);
  if (units / scale !== value || !Number.isSafeInteger(units) || Object.is(value, -0))
    return putText(out, at, JSON.stringify(value));
  let abs = units;
  if (units < 0) {
    out[at++] = MINUS;
    abs = -units;
  }
  const whole = Math.floor(abs / scale);
  at = putDigits(out, at, whole);
  let frac = abs - whole * scale;
  if (frac === 0) return at;
  let digits = decimals;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  out[at++] = DOT;
  return putDigits(out, at, frac, digits);
}

/**
 * Writes `reading` as JSON into `out` at `at` and returns the end offset. The caller leaves room
 * for a whole reading (MAX_READING_BYTES); a reading that does not fit throws.
 */
export function writeReadingJson(reading: Reading, out: Buffer, at: number): number {
  const end = reading.extra === undefined ? writeFast(reading, out, at) : -1;
  if (end >= 0) {
    if (end > out.length) throw new RangeError('reading does not fit in the buffer');
    return end;
  }
  const text = JSON.stringify(reading);
  if (Buffer.byteLength(text) > out.length - at) throw new RangeError('reading does not fit in the buffer');
  return at + out.write(text, at, 'utf8');
}

/** The fast path, or -1 when a string needs JSON.stringify's escaping. */
function writeFast(r: Reading, out: Buffer, start: number): number {
  let at = put(out, start, FIELDS.sensorId);
  at = putString(out, at, r.sensor_id);
  if (at < 0) return -1;
  at = put(out, at, FIELDS.ts);
  at = putString(out, at, r.ts);
  if (at < 0) return -1;
  at = put(out, at, FIELDS.seq);
  at =
    Number.isSafeInteger(r.seq) && r.seq >= 0
      ? putDigits(out, at, r.seq)
      : putText(out, at, JSON.stringify(r.seq));
  at = put(out, at, FIELDS.deviceType);
  at = putString(out, at, r.device_type);
  if (at < 0) return -1;
  at = put(out, at, FIELDS.location);
  at = putString(out, at, r.location);
  if (at < 0) return -1;
  at = putFixed(out, put(out, at, FIELDS.current), r.current, 2);
  at = putFixed(out, put(out, at, FIELDS.voltage), r.voltage, 1);
  at = putFixed(out, put(out, at, FIELDS.powerFactor), r.power_factor, 3);
  at = putFixed(out, put(out, at, FIELDS.powerKw), r.power_kw, 3);
  at = putFixed(out, put(out, at, FIELDS.energyKwh), r.energy_kwh, 3);
  at = putFixed(out, put(out, at, FIELDS.temperature), r.temperature, 2);
  at = putFixed(out, put(out, at, FIELDS.pressure), r.pressure, 3);
  at = putFixed(out, put(out, at, FIELDS.vibration), r.vibration, 3);
  at = put(out, at, FIELDS.producerHost);
  at = putString(out, at, r.producer_host);
  if (at < 0) return -1;
  at = put(out, at, FIELDS.injected);
  if (r.injected === null) at = put(out, at, NULL);
  else {
    at = putString(out, at, r.injected);
    if (at < 0) return -1;
  }
  out[at++] = 0x7d; // }
  return at;
}
