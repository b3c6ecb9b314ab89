/**
 * The fleet-level half of a write, shared by the chunk writer and the offline sweeper: the stats
 * ledger, the index updates and the alerts script (with its notice), as one pipeline.
 */
import type { ChainableCommander, Redis } from 'ioredis';
import { type FleetStats, parseFleetStats } from './fleet-stats.ts';
import { queueIndexUpdates } from './index-updates.ts';
import { encodeLedgerEntries } from './ledger-entries.ts';
import { repliesOf } from './pipeline-replies.ts';
import type { AlertCandidate, SensorSnapshot } from './sensor-snapshot.ts';
import type { StoreOptions } from './store-options.ts';

/** An alert event a write created: its stream id and the reading that turned the sensor critical. */
export interface NewAlert {
  readonly id: string;
  readonly sensor_id: string;
  readonly seq: number;
}

export interface PhaseTwoInput {
  readonly snapshots: readonly SensorSnapshot[];
  readonly candidates: readonly AlertCandidate[];
  /** A JSON object the alerts script extends with alerts and recoveries and publishes. */
  readonly notice: string;
  readonly at: Date;
  /** Extra commands to run in the same pipeline (quality increments). */
  readonly extra?: (pipeline: ChainableCommander) => void;
}

export interface PhaseTwoResult {
  readonly fleet: FleetStats;
  readonly alerts: readonly NewAlert[];
}

/** Runs phase 2 for `input` in one pipeline (plus a read of the known locations when repairing). */
export async function runPhaseTwo(
  redis: Redis,
  store: StoreOptions,
  input: PhaseTwoInput,
): Promise<PhaseTwoResult> {
  const { keys } = store;
  const { snapshots, at } = input;
  const knownLocations = snapshots.some((s) => s.repair) ? await redis.zrange(keys.locations, '0', '-1') : [];
  const pipeline = redis.pipeline();
  pipeline.wwStatsLedger(
    keys.stats,
    keys.statsLedger,
    'account',
    at.getTime(),
    encodeLedgerEntries(snapshots),
  );
  queueIndexUpdates(pipeline, keys, snapshots, knownLocations);
  input.extra?.(pipeline);
  pipeline.wwAlerts(
    keys.alerts,
    keys.alertState,
    at.toISOString(),
    store.alertsMaxLen,
    keys.events,
    input.notice,
    JSON.stringify(input.candidates),
  );
  const results = repliesOf(await pipeline.exec(), 'fleet');
  const fleet = parseFleetStats((results[0] as unknown[])[2] as unknown[]);
  const alerts = (results.at(-1) as [string, string, string][]).map(([id, sensor_id, seq]) => ({
    id,
    sensor_id,
    seq: Number(seq),
  }));
  return { fleet, alerts };
}
