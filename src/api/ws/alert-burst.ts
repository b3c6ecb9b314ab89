/**
 * Collects the alerts of processor notices (`ww:events`) into bursts, at most one every `coalesceMs`:
 * an alert after a quiet spell goes out at once (with whatever arrived in the same turn of the event
 * loop), and alerts arriving within `coalesceMs` of the last burst wait for the window to close and go
 * out together. A storm of thousands of sensors turning critical is one message per window with a
 * count, at most 20 entries and 5 sensor states, while a lone alert is not held back.
 */
import type { CriticalAlertEntry } from '../contract/ws-messages.ts';

export const MAX_BURST_ENTRIES = 20;

export interface AlertBurst {
  readonly count: number;
  readonly alerts: readonly CriticalAlertEntry[];
  /** When the burst's first notice arrived (performance.now(), or the collector's clock). */
  readonly firstAt: number;
}

/** Parses a notice; the new alerts in it (empty for anything malformed). */
export function alertsOfNotice(raw: string): CriticalAlertEntry[] {
  let notice: unknown;
  try {
    notice = JSON.parse(raw);
  } catch {
    return [];
  }
  const alerts = (notice as { alerts?: unknown } | null)?.alerts;
  if (!Array.isArray(alerts)) return [];
  return alerts
    .filter(isEntry)
    .map((a) => ({ id: a.id, sensor_id: a.sensor_id, ts: a.ts, reasons: a.reasons }));
}

function isEntry(value: unknown): value is CriticalAlertEntry {
  const a = value as Partial<CriticalAlertEntry> | null;
  return (
    typeof a?.id === 'string' &&
    typeof a.sensor_id === 'string' &&
    typeof a.ts === 'string' &&
    Array.isArray(a.reasons) &&
    a.reasons.every((r) => typeof r === 'string')
  );
}

export interface AlertCollector {
  add(alerts: readonly CriticalAlertEntry[]): void;
  stop(): void;
}

/** Calls `flush` with what arrived, at most once per `coalesceMs` (`now` in ms, for tests). */
export function createAlertCollector(
  coalesceMs: number,
  flush: (burst: AlertBurst) => void,
  now: () => number = () => performance.now(),
): AlertCollector {
  let pending: CriticalAlertEntry[] = [];
  let count = 0;
  let firstAt = 0;
  let lastFlushAt = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | null = null;
  const emit = () => {
    timer = null;
    lastFlushAt = now();
    const burst = { count, alerts: pending, firstAt };
    pending = [];
    count = 0;
    flush(burst);
  };
  return {
    add(alerts) {
      if (alerts.length === 0) return;
      if (count === 0) firstAt = now();
      count += alerts.length;
      for (const alert of alerts) if (pending.length < MAX_BURST_ENTRIES) pending.push(alert);
      timer ??= setTimeout(emit, Math.max(0, lastFlushAt + coalesceMs - now()));
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
