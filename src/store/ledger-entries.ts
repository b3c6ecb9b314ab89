/**
 * Encodes sensor snapshots as the stats ledger script's binary entries (struct '<Bc0ddBIIdddd', see
 * stats-ledger-script.ts): writing doubles into a Buffer costs far less than printing them as JSON
 * numbers here and parsing them again in Lua.
 */
import { SENSOR_STATUSES } from '../domain/sensor-status.ts';
import type { SensorSnapshot } from './sensor-snapshot.ts';

const FIXED = 8 + 8 + 1 + 4 + 4 + 8 + 8 + 8 + 8;

/** One Buffer holding the entries of `snapshots`. */
export function encodeLedgerEntries(snapshots: readonly SensorSnapshot[]): Buffer {
  const ids = snapshots.map((s) => Buffer.from(s.id));
  const out = Buffer.allocUnsafe(ids.reduce((n, id) => n + 1 + id.length + FIXED, 0));
  let at = 0;
  snapshots.forEach((s, i) => {
    const id = ids[i] as Buffer;
    at = out.writeUInt8(id.length, at);
    at += id.copy(out, at);
    at = out.writeDoubleLE(s.ep, at);
    at = out.writeDoubleLE(s.seq, at);
    at = out.writeUInt8(SENSOR_STATUSES.indexOf(s.status), at);
    at = out.writeUInt32LE(s.n, at);
    at = out.writeUInt32LE(s.na, at);
    at = out.writeDoubleLE(s.power ?? Number.NaN, at);
    at = out.writeDoubleLE(s.energy ?? Number.NaN, at);
    at = out.writeDoubleLE(s.processedMs, at);
    at = out.writeDoubleLE(s.energyFrom ?? Number.NaN, at);
  });
  return out;
}
