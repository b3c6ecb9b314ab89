/**
 * What a consumer saw on the readings and heartbeat topics, boiled down for assertions: decode
 * failures, key mismatches, per-sensor partitions and seq order, heartbeats in order.
 */
import { decodeHeartbeat, type Heartbeat } from '../../../src/domain/heartbeat.ts';
import type { Reading } from '../../../src/domain/reading.ts';
import { decodeReading } from '../../../src/domain/reading-codec.ts';
import type { CollectedMessage } from './collect-topics.ts';

export interface ReadingStream {
  readonly readings: Reading[];
  /** Messages that did not decode as readings, with the reason. */
  readonly invalid: string[];
  /** Messages whose key is not their reading's sensor_id. */
  readonly misKeyed: string[];
  /** Per sensor: every partition it appeared in and its seqs in consumption order. */
  readonly sensors: Map<string, { partitions: Set<number>; seqs: number[] }>;
  /** Sensors whose seqs were not strictly increasing in consumption order. */
  readonly outOfOrder: string[];
}

export function analyseReadings(messages: readonly CollectedMessage[]): ReadingStream {
  const stream: ReadingStream = {
    readings: [],
    invalid: [],
    misKeyed: [],
    sensors: new Map(),
    outOfOrder: [],
  };
  for (const m of messages) {
    const decoded = decodeReading(m.value);
    if (!decoded.ok) {
      stream.invalid.push(`${m.partition}@${m.offset}: ${decoded.message}`);
      continue;
    }
    const r = decoded.value;
    stream.readings.push(r);
    if (m.key !== r.sensor_id) stream.misKeyed.push(`${m.key} → ${r.sensor_id}`);
    const entry = stream.sensors.get(r.sensor_id) ?? { partitions: new Set<number>(), seqs: [] };
    entry.partitions.add(m.partition);
    entry.seqs.push(r.seq);
    stream.sensors.set(r.sensor_id, entry);
  }
  for (const [id, { seqs }] of stream.sensors) {
    if (seqs.some((seq, k) => k > 0 && seq <= (seqs[k - 1] as number))) stream.outOfOrder.push(id);
  }
  return stream;
}

export interface HeartbeatStream {
  readonly heartbeats: Heartbeat[];
  readonly invalid: string[];
  /** Keys that are not the heartbeat's producer_id. */
  readonly misKeyed: string[];
}

export function analyseHeartbeats(messages: readonly CollectedMessage[]): HeartbeatStream {
  const stream: HeartbeatStream = { heartbeats: [], invalid: [], misKeyed: [] };
  for (const m of messages) {
    const decoded = decodeHeartbeat(m.value);
    if (!decoded.ok) {
      stream.invalid.push(`${m.partition}@${m.offset}: ${decoded.message}`);
      continue;
    }
    stream.heartbeats.push(decoded.value);
    if (m.key !== decoded.value.producer_id) stream.misKeyed.push(`${m.key} → ${decoded.value.producer_id}`);
  }
  return stream;
}

/** Gaps between consecutive heartbeat timestamps, ms. */
export function heartbeatGaps(heartbeats: readonly Heartbeat[]): number[] {
  return heartbeats.slice(1).map((h, k) => Date.parse(h.ts) - Date.parse((heartbeats[k] as Heartbeat).ts));
}
