/**
 * What the main thread and a simulator worker thread say to each other. Everything crosses by
 * structured clone: plain configuration in, counters and log events out.
 */
import type { SimulateConfig } from '../../config/simulate-config.ts';
import type { LogFields, LogLevel } from '../../log/logger.ts';
import type { PublishStats } from '../publish/publish-stats.ts';
import type { SimulatorRunOptions } from '../publish/run-simulator.ts';
import type { ScheduleShard } from '../schedule/slot-schedule.ts';

export interface SimulatorWorkerData {
  readonly config: SimulateConfig;
  readonly shard: ScheduleShard;
  /** Overrides of the run options (tests: shorter flush timeouts). */
  readonly options: Partial<SimulatorRunOptions>;
}

/** Main → worker: `start` once every worker has loaded, with the schedule origin they all share. */
export type ToWorker = { readonly type: 'start'; readonly startMs: number } | { readonly type: 'stop' };

/** Worker → main. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'stats'; readonly stats: PublishStats }
  | { readonly type: 'stopped'; readonly stats: PublishStats }
  | {
      readonly type: 'log';
      /** `simulate` for the simulator's own logger, `kafkajs` for the client's. */
      readonly scope: 'simulate' | 'kafkajs';
      /** Child logger names below the scope, e.g. ['kafka']. */
      readonly path: readonly string[];
      readonly level: LogLevel;
      readonly message: string;
      readonly fields: LogFields;
    };
