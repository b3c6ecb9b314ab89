/**
 * Detection models in Redis, one hash per device type (`ww:model:{type}`): `version` (the newest
 * version number), `v:<n>` (the serialized model of version n, the newest `keepVersions` kept) and
 * `lease` (which process may train the next version, until when). Every `process` instance loads
 * the newest version; saving and leasing are single Lua calls, so two instances never get the same
 * version number or train the same type at once. Payloads are opaque text (processor/detect codes them).
 */
import type { Redis } from 'ioredis';
import type { DeviceType } from '../domain/device-type.ts';
import type { RedisKeys } from './keys.ts';

export interface ModelStoreOptions {
  /** Versions kept per type, the newest included. */
  readonly keepVersions: number;
}

export const DEFAULT_MODEL_STORE_OPTIONS: ModelStoreOptions = Object.freeze({ keepVersions: 3 });

export interface StoredModel {
  readonly version: number;
  readonly payload: string;
}

export interface ModelStore {
  /** Stores `payload` as the next version of the type's model; resolves to its version number. */
  save(deviceType: DeviceType, payload: string): Promise<number>;
  /** The newest model when its version is above `after`, else null. */
  loadNewer(deviceType: DeviceType, after: number): Promise<StoredModel | null>;
  /** A stored version, if still kept. */
  load(deviceType: DeviceType, version: number): Promise<StoredModel | null>;
  /** Takes (or renews) the training lease for `leaseMs`; false while another owner holds it. */
  claimTraining(deviceType: DeviceType, owner: string, leaseMs: number): Promise<boolean>;
}

const SAVE = `
local v = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('HSET', KEYS[1], 'v:' .. v, ARGV[1])
local old = v - tonumber(ARGV[2])
if old > 0 then redis.call('HDEL', KEYS[1], 'v:' .. old) end
return v`;

const LOAD_NEWER = `
local v = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if v <= tonumber(ARGV[1]) then return {v, false} end
return {v, redis.call('HGET', KEYS[1], 'v:' .. v)}`;

// Server time, so hosts with skewed clocks still agree on when a lease ends.
const CLAIM = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = redis.call('HGET', KEYS[1], 'lease')
if lease then
  local sep = string.find(lease, '|', 1, true)
  local owner = string.sub(lease, 1, sep - 1)
  local untilMs = tonumber(string.sub(lease, sep + 1))
  if owner ~= ARGV[1] and untilMs > now then return 0 end
end
redis.call('HSET', KEYS[1], 'lease', ARGV[1] .. '|' .. (now + tonumber(ARGV[2])))
return 1`;

/** A store on `redis` under the keys of `keys`. */
export function createModelStore(
  redis: Redis,
  keys: RedisKeys,
  options: ModelStoreOptions = DEFAULT_MODEL_STORE_OPTIONS,
): ModelStore {
  if (!Number.isInteger(options.keepVersions) || options.keepVersions < 1) {
    throw new Error('keepVersions must be a positive integer');
  }
  return {
    async save(deviceType, payload) {
      return Number(await redis.eval(SAVE, 1, keys.model(deviceType), payload, options.keepVersions));
    },
    async loadNewer(deviceType, after) {
      const [version, payload] = (await redis.eval(LOAD_NEWER, 1, keys.model(deviceType), after)) as [
        number,
        string | null,
      ];
      return payload ? { version: Number(version), payload } : null;
    },
    async load(deviceType, version) {
      const payload = await redis.hget(keys.model(deviceType), `v:${version}`);
      return payload === null ? null : { version, payload };
    },
    async claimTraining(deviceType, owner, leaseMs) {
      if (owner.includes('|')) throw new Error('a lease owner must not contain |');
      return Number(await redis.eval(CLAIM, 1, keys.model(deviceType), owner, Math.round(leaseMs))) === 1;
    },
  };
}
