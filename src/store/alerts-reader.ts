/**
 * Alerts for the API: a page of `ww:alerts` newest first, joined with their recovery and
 * acknowledgement from the alert state hash (one XREVRANGE and one HMGET per page), and
 * acknowledging one (the ack script: first acknowledgement wins).
 */
import type { Redis } from 'ioredis';
import type { Alert } from '../domain/alert.ts';
import type { SensorStatus } from '../domain/sensor-status.ts';
import { splitLine } from './sensor-snapshot.ts';
import type { StoreOptions } from './store-options.ts';
import { StoreQueryError } from './store-query-error.ts';
import {
  type AckResult,
  type AlertListQuery,
  type AlertPage,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from './store-reader.ts';
import { registerStoreScripts } from './store-scripts.ts';

const ALERT_ID = /^\d{1,20}-\d{1,20}$/;

/** One page of alerts, newest first. */
export async function listAlerts(
  redis: Redis,
  store: StoreOptions,
  query: AlertListQuery = {},
): Promise<AlertPage> {
  const { keys } = store;
  const limit = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)));
  if (query.cursor !== undefined && !ALERT_ID.test(query.cursor)) {
    throw new StoreQueryError('bad_cursor', 'cursor is not an alert id');
  }
  const start = query.cursor === undefined ? '+' : `(${query.cursor}`;
  const entries = (await redis.xrevrange(keys.alerts, start, '-', 'COUNT', limit + 1)) as [
    string,
    string[],
  ][];
  const page = entries.slice(0, limit);
  if (page.length === 0) return { items: [], next_cursor: null };
  const state = await redis.hmget(keys.alertState, ...page.flatMap(([id]) => [`r:${id}`, `k:${id}`]));
  const items = page.map(([id, fields], i) =>
    toAlert(id, fields, state[2 * i] ?? null, state[2 * i + 1] ?? null),
  );
  return { items, next_cursor: entries.length > limit ? (page.at(-1)?.[0] ?? null) : null };
}

function toAlert(
  id: string,
  fields: readonly string[],
  recovered: string | null,
  acked: string | null,
): Alert {
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i] as string] = fields[i + 1] as string;
  const [recoveredAt, recoveredStatus] = recovered ? splitLine(recovered, 2) : [];
  const [ackedAt, ackedBy] = acked ? splitLine(acked, 2) : [];
  return {
    id,
    sensor_id: f.sensor_id ?? '',
    severity: f.severity === 'warning' ? 'warning' : 'critical',
    reasons: f.reasons ? (JSON.parse(f.reasons) as string[]) : [],
    ts: f.ts ?? '',
    ...(f.seq ? { seq: Number(f.seq) } : {}),
    ack: acked !== null,
    ...(ackedAt ? { acked_at: ackedAt } : {}),
    ...(ackedBy ? { acked_by: ackedBy } : {}),
    ...(recoveredAt ? { recovered_at: recoveredAt } : {}),
    ...(recoveredStatus ? { recovered_status: recoveredStatus as SensorStatus } : {}),
  };
}

/** Acknowledges alert `alertId` on behalf of `by`. */
export async function acknowledgeAlert(
  redis: Redis,
  store: StoreOptions,
  alertId: string,
  by: string,
  at: Date,
): Promise<AckResult> {
  if (!ALERT_ID.test(alertId)) return 'not_found';
  registerStoreScripts(redis);
  const reply = await redis.wwAckAlert(
    store.keys.alerts,
    store.keys.alertState,
    alertId,
    at.toISOString(),
    by.slice(0, 200),
  );
  return reply === 1 ? 'acknowledged' : reply === 0 ? 'already_acknowledged' : 'not_found';
}
