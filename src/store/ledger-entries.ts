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
  let size = 0;
  for (const s of snapshots) size += 1 + Buffer.byteLength(s.id) + FIXED;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const s of snapshots) {
    // the id straight after its length byte: no Buffer of its own per sensor
    const idLength = out.write(s.id, at + 1);
    at = out.writeUInt8(idLength, at) + idLength;
    at = out.writeDoubleLE(s.ep, at);
    at = out.writeDoubleLE(s.seq, at);
    at = out.writeUInt8(SENSOR_STATUSES.indexOf(s.status), at);
    at = out.writeUInt32LE(s.n, at);
    at = out.writeUInt32LE(s.na, at);
    at = out.writeDoubleLE(s.power ?? Number.NaN, at);
    at = out.writeDoubleLE(s.energy ?? Number.NaN, at);
    at = out.writeDoubleLE(s.processedMs, at);
    at = out.writeDoubleLE(s.energyFrom ?? Number.NaN, at);
  }
  return out;
}
