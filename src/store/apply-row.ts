/**
 * Encodes readings as the rows of the apply script's payload (see apply-readings-script.ts): the
 * values as text, each ended by a NUL byte, which Lua splits with one `struct.unpack` call (a third
 * of what decoding the same row from JSON costs Redis). The values of a whole call go into one
 * reused array and are joined once: `join` turns numbers into text and null into the empty string
 * natively, where building each row as a string made about 30 short-lived strings a reading. The
 * only values that could hold a NUL are the free-text producer host and model version (replaced by
 * U+FFFD) and JSON text (where JSON.stringify escapes it).
 */
import { coldDigest, type ScoredReading } from './sensor-hash.ts';
import { HISTORY_STATUS } from './sensor-history-codec.ts';

export interface ApplyRowEncoder {
  /** Appends the row `bucket, digest, status code, score, ...values` of one reading. */
  add(item: ScoredReading, processedAt: string, historyBucketMs: number): void;
  /** The payload of the rows added since the last call, each value ended by NUL. */
  take(): string;
}

const Z = '\0';
const noNul = (text: string): string => (text.includes(Z) ? text.replaceAll(Z, '\uFFFD') : text);

/** An encoder with an empty payload. */
export function createApplyRowEncoder(): ApplyRowEncoder {
  const values: (string | number | null)[] = [];
  // detectors hand out the same frozen reasons array for most readings: stringify it once
  let lastReasons: readonly string[] | null = null;
  let lastReasonsJson = '';
  return {
    add({ reading: r, assessment: a }, processedAt, historyBucketMs) {
      if (a.reasons !== lastReasons) {
        lastReasons = a.reasons;
        lastReasonsJson = JSON.stringify(a.reasons);
      }
      const cold = [
        r.sensor_id,
        r.device_type,
        r.location,
        noNul(r.producer_host),
        r.injected ?? '',
        r.extra && Object.keys(r.extra).length > 0 ? JSON.stringify(r.extra) : '',
        a.is_anomaly ? '1' : '0',
        lastReasonsJson,
        noNul(a.model_version),
      ];
      values.push(
        Math.floor(Date.parse(r.ts) / historyBucketMs),
        // hashing the ~100 characters each time costs less than remembering every sensor's values
        coldDigest(cold),
        Math.max(0, HISTORY_STATUS.indexOf(a.status)),
        Math.round(Math.min(1, Math.max(0, a.anomaly_score)) * 255),
        r.ts,
        r.seq,
        a.status,
        r.current,
        r.voltage,
        r.power_factor,
        r.power_kw,
        r.energy_kwh,
        r.temperature,
        r.pressure,
        r.vibration,
        a.anomaly_score,
        a.failure_probability,
        processedAt,
        ...cold,
      );
    },
    take() {
      values.push('');
      const payload = values.join(Z);
      values.length = 0;
      return payload;
    },
  };
}
