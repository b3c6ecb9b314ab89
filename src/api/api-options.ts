/** How the API behaves; built once from `ServeConfig` (or defaults in tests), frozen and passed down. */
import { DEFAULT_OPTIMIZER_OPTIONS, type OptimizerOptions } from '../optimizer/optimizer-options.ts';

export interface ApiOptions {
  /** Bearer token; '' = open reads and refused mutations. */
  readonly token: string;
  /** Extra browser origins for CORS and the WebSocket; none = same origin only, no CORS headers. */
  readonly allowedOrigins: readonly string[];
  /** Requests per second per client address on expensive endpoints; 0 = no limit. */
  readonly rateLimit: number;
  /** Fleet stats are read at most this often; concurrent requests share one read. */
  readonly statsCacheMs: number;
  /** While Redis is slow, stats up to this old are answered at once and refreshed behind (≤ statsCacheMs: off). */
  readonly statsMaxStaleMs: number;
  /** The optimizer reruns in the background at most this often. */
  readonly optimizerRefreshMs: number;
  /** Suggestions up to this old are answered while a new run computes (≤ optimizerRefreshMs: off). */
  readonly optimizerMaxStaleMs: number;
  /** Sensors one optimizer run reads at most. */
  readonly optimizerMaxSensors: number;
  readonly optimizer: OptimizerOptions;
  /** Built dashboard to serve at `/`; null = none (`/` answers the service JSON). */
  readonly dashboardDir: string | null;
  readonly version: string;
}

export const DEFAULT_API_OPTIONS: ApiOptions = Object.freeze({
  token: '',
  allowedOrigins: [],
  rateLimit: 20,
  statsCacheMs: 250,
  statsMaxStaleMs: 5_000,
  optimizerRefreshMs: 60_000,
  optimizerMaxStaleMs: 600_000,
  optimizerMaxSensors: 100_000,
  optimizer: DEFAULT_OPTIMIZER_OPTIONS,
  dashboardDir: null,
  version: '0.1.0',
});
