/**
 * Collects the alerts of processor notices (`ww:events`) into bursts: the first alert opens a window
 * of `coalesceMs`, everything arriving in it goes out as one `critical_alert`. A burst of thousands
 * of sensors turning critical is one message with a count, at most 20 entries and 5 sensor states.
 */
import type { CriticalAlertEntry } from '../contract/ws-messages.ts';

export const MAX_BURST_ENTRIES = 20;

export interface AlertBurst {
  readonly count: number;
  readonly alerts: readonly CriticalAlertEntry[];
  /** performance.now() when the burst's first notice arrived. */
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

/** Calls `flush` once per window with what arrived in it; a window opens with the first alert. */
export function createAlertCollector(coalesceMs: number, flush: (burst: AlertBurst) => void): AlertCollector {
  let pending: CriticalAlertEntry[] = [];
  let count = 0;
  let firstAt = 0;
  let timer: NodeJS.Timeout | null = null;
  const emit = () => {
    timer = null;
    const burst = { count, alerts: pending, firstAt };
    pending = [];
    count = 0;
    flush(burst);
  };
  return {
    add(alerts) {
      if (alerts.length === 0) return;
      if (count === 0) firstAt = performance.now();
      count += alerts.length;
      for (const alert of alerts) if (pending.length < MAX_BURST_ENTRIES) pending.push(alert);
      timer ??= setTimeout(emit, coalesceMs);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
