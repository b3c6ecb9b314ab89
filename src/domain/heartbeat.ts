/**
 * A producer's liveness message on `producer-heartbeat`, sent every 2 s, keyed by producer_id.
 * `stopped: true` marks the last one of a clean shutdown (sent after the final flush, so its
 * sent_total is the run's total); consumers may show "stopped" at once instead of waiting for
 * the heartbeat to go missing. Older consumers ignore the field; a crash sends nothing.
 */
import Type from 'typebox';
import { createJsonCodec } from './json-codec.ts';
import { SENSOR_ID_PATTERN, UTC_TIMESTAMP_PATTERN } from './reading.ts';
import type { DecodeResult } from './rejection.ts';

export const HeartbeatSchema = Type.Object({
  producer_id: Type.String({ pattern: SENSOR_ID_PATTERN, maxLength: 64 }),
  host: Type.String({ maxLength: 255 }),
  ts: Type.String({ pattern: UTC_TIMESTAMP_PATTERN, maxLength: 40 }),
  sensors: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  rate_hz: Type.Number({ minimum: 0, maximum: 1e9, description: 'readings per second being published' }),
  sent_total: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  stopped: Type.Optional(Type.Boolean({ description: 'true on the last heartbeat of a clean shutdown' })),
});

export type Heartbeat = Type.Static<typeof HeartbeatSchema>;

const codec = createJsonCodec(HeartbeatSchema, { maxBytes: 2048 });

/** Kafka message value → a validated heartbeat or a typed rejection. Never throws. */
export function decodeHeartbeat(bytes: Uint8Array | string | null | undefined): DecodeResult<Heartbeat> {
  return codec.decode(bytes);
}

export function encodeHeartbeat(heartbeat: Heartbeat): Buffer {
  return codec.encode(heartbeat);
}
