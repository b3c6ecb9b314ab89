/**
 * Reads the apply script's binary reply (format in apply-readings-script.ts) into one record per
 * reading. Reading fixed-width numbers from a Buffer costs the writer less than splitting and
 * parsing a text line per reading did.
 */
import { SENSOR_STATUSES, type SensorStatus } from '../domain/sensor-status.ts';

/** A reading that moved its sensor forward, and what the sensor was before. */
export interface AppliedReply {
  readonly applied: true;
  readonly prevStatus: SensorStatus | '';
  /** Empty unless the reading changed them. */
  readonly prevLocation: string;
  readonly prevType: string;
  readonly created: boolean;
  readonly touch: boolean;
  readonly ep: number;
  readonly n: number;
  readonly na: number;
  readonly nc: number;
}

/** A reading Redis already had, or older than the stored state: the stored state as a text line. */
export interface StaleReply {
  readonly applied: false;
  /** `0|status|location|…|reasons`, for splitLine and storedStateOf (sensor-snapshot.ts). */
  readonly line: string;
}

export type ApplyReply = AppliedReply | StaleReply;

/** Bytes of an applied record after its kind byte, up to the two names. */
const APPLIED_FIXED = 3 + 8 + 3 * 4;

/** The `count` records of one script reply; throws if the reply does not hold exactly that many. */
export function parseApplyReplies(reply: Buffer, count: number): ApplyReply[] {
  const out: ApplyReply[] = [];
  let at = 0;
  const text = () => {
    const end = reply.indexOf(0, at);
    if (end < 0) throw new Error('apply reply: unterminated text');
    const value = reply.toString('utf8', at, end);
    at = end + 1;
    return value;
  };
  while (at < reply.length) {
    const kind = reply.readUInt8(at);
    at += 1;
    if (kind === 0) {
      out.push({ applied: false, line: text() });
      continue;
    }
    const fixed = at;
    at += APPLIED_FIXED;
    // both names are a lone NUL byte in the usual case: no string to decode
    const prevLocation = reply[at] === 0 ? '' : text();
    if (prevLocation === '') at++;
    const prevType = reply[at] === 0 ? '' : text();
    if (prevType === '') at++;
    out.push({
      applied: true,
      prevStatus: SENSOR_STATUSES[reply.readUInt8(fixed)] ?? '',
      created: reply.readUInt8(fixed + 1) === 1,
      touch: reply.readUInt8(fixed + 2) === 1,
      ep: reply.readDoubleLE(fixed + 3),
      n: reply.readUInt32LE(fixed + 11),
      na: reply.readUInt32LE(fixed + 15),
      nc: reply.readUInt32LE(fixed + 19),
      prevLocation,
      prevType,
    });
  }
  if (out.length !== count) throw new Error(`apply reply: ${out.length} records for ${count} readings`);
  return out;
}
