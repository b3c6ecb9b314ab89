/**
 * Encodes one reading as its row of the apply script's JSON payload (see apply-readings-script.ts)
 * straight into JSON text, without intermediate arrays: at 50,000 readings/s the garbage of building
 * and stringifying arrays shows up in the profile. Values that cannot need escaping (numbers,
 * timestamps, enums, ids of restricted alphabets) are quoted as they are; free text goes through
 * JSON.stringify. The encoder remembers each sensor's last cold values and their digest.
 */
import { coldDigest, type ScoredReading } from './sensor-hash.ts';
import { HISTORY_STATUS } from './sensor-history-codec.ts';

export interface ApplyRowEncoder {
  /** `[bucket, digest, status code, score, ...values]` as JSON text. */
  encode(item: ScoredReading, processedAt: string, historyBucketMs: number): string;
}

/** Past this many remembered sensors the digest cache starts over (it is only a shortcut). */
const CACHE_LIMIT = 1_000_000;

const num = (value: number | null): string => (value === null ? '""' : `"${value}"`);

/** An encoder with an empty digest cache. */
export function createApplyRowEncoder(): ApplyRowEncoder {
  const cache = new Map<string, { cold: string[]; digest: number }>();
  const digestOf = (id: string, cold: string[]): number => {
    const known = cache.get(id);
    if (known && sameValues(known.cold, cold)) return known.digest;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const digest = coldDigest(cold);
    cache.set(id, { cold, digest });
    return digest;
  };
  return {
    encode({ reading: r, assessment: a }, processedAt, historyBucketMs) {
      const cold = [
        r.sensor_id,
        r.device_type,
        r.location,
        r.producer_host,
        r.injected ?? '',
        r.extra && Object.keys(r.extra).length > 0 ? JSON.stringify(r.extra) : '',
        a.is_anomaly ? '1' : '0',
        JSON.stringify(a.reasons),
        a.model_version,
      ];
      const bucket = Math.floor(Date.parse(r.ts) / historyBucketMs);
      const code = Math.max(0, HISTORY_STATUS.indexOf(a.status));
      const score = Math.round(Math.min(1, Math.max(0, a.anomaly_score)) * 255);
      return (
        `[${bucket},${digestOf(r.sensor_id, cold)},${code},${score},"${r.ts}","${r.seq}","${a.status}",` +
        `${num(r.current)},${num(r.voltage)},${num(r.power_factor)},${num(r.power_kw)},${num(r.energy_kwh)},` +
        `${num(r.temperature)},${num(r.pressure)},${num(r.vibration)},"${a.anomaly_score}",` +
        `"${a.failure_probability}","${processedAt}","${r.sensor_id}","${r.device_type}","${r.location}",` +
        `${JSON.stringify(cold[3])},"${cold[4]}",${JSON.stringify(cold[5])},"${cold[6]}",` +
        `${JSON.stringify(cold[7])},${JSON.stringify(cold[8])}]`
      );
    },
  };
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
