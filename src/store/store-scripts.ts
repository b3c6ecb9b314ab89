/**
 * Registers the store's Lua scripts on an ioredis client (`defineCommand`: EVALSHA, falling back to
 * EVAL once per connection, so a restarted Redis gets them again) and types them for clients and
 * pipelines. Every script touches keys of one cluster slot only.
 */
import type { Redis, RedisKey, Result } from 'ioredis';
import { ACK_ALERT_LUA } from './ack-alert-script.ts';
import { ALERTS_LUA } from './alerts-script.ts';
import { APPLY_READINGS_LUA } from './apply-readings-script.ts';
import { MARK_OFFLINE_LUA } from './mark-offline-script.ts';
import { PUT_HEARTBEAT_LUA } from './put-heartbeat-script.ts';
import { STATS_LEDGER_LUA } from './stats-ledger-script.ts';

type Arg = string | number | Buffer;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** numberOfKeys, then per reading its sensor hash and history ring, then ARGV. */
    wwApplyReadings(numberOfKeys: number, ...keysAndArgs: Arg[]): Result<string, Context>;
    /** The same, replying with the binary records as a Buffer (apply-replies.ts reads them). */
    wwApplyReadingsBuffer(numberOfKeys: number, ...keysAndArgs: Arg[]): Result<Buffer, Context>;
    wwStatsLedger(stats: RedisKey, ledger: RedisKey, ...args: Arg[]): Result<unknown[], Context>;
    wwAlerts(stream: RedisKey, state: RedisKey, ...args: Arg[]): Result<unknown[], Context>;
    wwAckAlert(stream: RedisKey, state: RedisKey, ...args: Arg[]): Result<number, Context>;
    wwMarkOffline(sensor: RedisKey, cutoff: string): Result<string, Context>;
    wwPutHeartbeat(producer: RedisKey, ...args: Arg[]): Result<number, Context>;
  }
}

const SCRIPTS = {
  wwApplyReadings: { lua: APPLY_READINGS_LUA },
  wwStatsLedger: { lua: STATS_LEDGER_LUA, numberOfKeys: 2 },
  wwAlerts: { lua: ALERTS_LUA, numberOfKeys: 2 },
  wwAckAlert: { lua: ACK_ALERT_LUA, numberOfKeys: 2 },
  wwMarkOffline: { lua: MARK_OFFLINE_LUA, numberOfKeys: 1 },
  wwPutHeartbeat: { lua: PUT_HEARTBEAT_LUA, numberOfKeys: 1 },
} as const;

const registered = new WeakSet<Redis>();

/** Makes the store's scripts callable on `redis` and on its pipelines; safe to call repeatedly. */
export function registerStoreScripts(redis: Redis): Redis {
  if (registered.has(redis)) return redis;
  for (const [name, definition] of Object.entries(SCRIPTS)) redis.defineCommand(name, definition);
  registered.add(redis);
  return redis;
}
