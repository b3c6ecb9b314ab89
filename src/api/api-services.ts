/**
 * What routes and the WebSocket hub share: the store reader, options, metrics and the cached views
 * (stats, producers, optimizer run), so a REST request and a WebSocket tick never read the same
 * thing twice within a cache interval.
 */

import { collectProfiles } from '../optimizer/collect-profiles.ts';
import { generateSuggestions } from '../optimizer/generate-suggestions.ts';
import type { StoreOptions } from '../store/store-options.ts';
import type { StoreReader } from '../store/store-reader.ts';
import type { ApiMetrics } from './api-metrics.ts';
import type { ApiOptions } from './api-options.ts';
import type { Suggestion } from './contract/suggestion.ts';
import type { ProducerStatusSummary, StatsSummary } from './contract/ws-messages.ts';
import { type Cached, createCached } from './views/cached.ts';
import { readDashboardStats } from './views/dashboard-stats.ts';
import { summarizeProducers } from './views/producer-status.ts';

export interface ApiDeps {
  readonly reader: StoreReader;
  readonly store: StoreOptions;
  /** Resolves when Redis answers, rejects otherwise. */
  ping(): Promise<void>;
  readonly now?: () => Date;
}

export interface OptimizerRun {
  readonly suggestions: readonly Suggestion[];
  readonly total: number;
  readonly generated_at: string;
  readonly sensors_analyzed: number;
}

export interface ApiServices {
  readonly reader: StoreReader;
  readonly store: StoreOptions;
  readonly options: ApiOptions;
  readonly metrics: ApiMetrics;
  readonly now: () => Date;
  ping(): Promise<void>;
  readonly stats: Cached<StatsSummary>;
  readonly producers: Cached<ProducerStatusSummary>;
  readonly optimizer: Cached<OptimizerRun>;
  readonly startedAt: number;
  /** Set when shutting down: /ready answers 503 so a load balancer stops sending traffic. */
  stopping: boolean;
}

/** Services over `deps`. */
export function createApiServices(deps: ApiDeps, options: ApiOptions, metrics: ApiMetrics): ApiServices {
  const now = deps.now ?? (() => new Date());
  const clockMs = () => now().getTime();
  const { reader, store } = deps;
  const tariff = options.optimizer.tariff;
  const statsTiming = { ttlMs: options.statsCacheMs, maxStaleMs: options.statsMaxStaleMs };
  return {
    reader,
    store,
    options,
    metrics,
    now,
    ping: deps.ping,
    stats: createCached(() => readDashboardStats(reader, store, tariff, now()), statsTiming, clockMs),
    producers: createCached(
      async () => summarizeProducers(await reader.listProducers(), now()),
      statsTiming,
      clockMs,
    ),
    optimizer: createCached(
      async () => {
        const profiles = await collectProfiles(reader, {
          maxSensors: options.optimizerMaxSensors,
          bucketMs: store.historyBucketMs,
        });
        const at = now();
        const { suggestions, total } = generateSuggestions(profiles, at, options.optimizer);
        return { suggestions, total, generated_at: at.toISOString(), sensors_analyzed: profiles.length };
      },
      { ttlMs: options.optimizerRefreshMs, maxStaleMs: options.optimizerMaxStaleMs },
      clockMs,
    ),
    startedAt: clockMs(),
    stopping: false,
  };
}
