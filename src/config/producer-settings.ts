import { integer, text } from './parsers.ts';
import { defineSetting } from './setting.ts';

/** Settings every producer (`simulate`, `replay`) shares: identity, heartbeat, batching, progress. */
export const PRODUCER_SETTINGS = {
  producerId: defineSetting({
    env: 'PRODUCER_ID',
    flag: 'producer-id',
    describe: 'identity of this producer in heartbeats',
    default: 'simulator-1',
    ...text({ pattern: /^[A-Za-z0-9._:-]{1,64}$/, what: 'letters, digits, . _ : - (up to 64)' }),
  }),
  heartbeatIntervalMs: defineSetting({
    env: 'HEARTBEAT_INTERVAL_MS',
    flag: 'heartbeat-ms',
    describe: 'how often the producer publishes a heartbeat, in milliseconds',
    default: 2000,
    ...integer(100, 60_000),
  }),
  lingerMs: defineSetting({
    env: 'PRODUCER_LINGER_MS',
    flag: 'linger-ms',
    describe: 'readings due within this window go to Kafka in one batch; larger = fewer, bigger requests',
    default: 50,
    ...integer(1, 1000),
  }),
  progressIntervalMs: defineSetting({
    env: 'PROGRESS_INTERVAL_MS',
    flag: 'progress-ms',
    describe: 'when not on a terminal, log a progress line (rate, sent, errors) this often, in milliseconds',
    default: 10_000,
    ...integer(500, 3_600_000),
  }),
} as const;
