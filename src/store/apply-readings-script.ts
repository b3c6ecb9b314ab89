/**
 * Phase 1 of a chunk write: applies readings to their sensors' own keys. It compares `seq`
 * atomically, so a replayed or out-of-order reading never moves a sensor backwards, and keeps the
 * store's bookkeeping in two binary hash fields beside the reading fields:
 *
 *   _   struct '<dIIIII' (28 bytes): incarnation (seq of the reading that created this hash; a
 *       hash that expired and came back is a new incarnation), readings applied, anomalous readings
 *       applied, transitions into critical, 32-bit digest of the cold fields, last index refresh (s)
 *   _h  the open history bucket (sensor-history-codec.ts)
 *
 * The fleet-level scripts (stats-ledger-script.ts, alerts-script.ts) turn these counters into fleet
 * aggregates and alert events exactly once, also after a crash between the two phases: a replayed
 * reading is "stale" here, and the stale reply carries the stored state so phase 2 can redo its part.
 *
 * One call can carry many readings (KEYS and rows pair up). Each reading only ever touches its own
 * sensor's two keys, which share a cluster slot; the writer sends one call per chunk to a standalone
 * Redis and one call per slot group to a cluster (where a call must stay in one slot).
 *
 * KEYS: per reading, sensor hash and history ring.
 * ARGV: hash TTL (ms: state TTL + index refresh, set at each refresh), ring TTL (ms), history points,
 *       now (ms), index refresh (ms), rows: per reading
 *       history bucket, cold digest, status code, score 0..255, then the values in SENSOR_FIELDS order,
 *       each as text ended by a NUL byte (apply-row.ts; one struct.unpack per row, no JSON to parse).
 * Reply: one binary string, per reading one record (little-endian; read by apply-replies.ts):
 *   applied: u8 1 · u8 previous status (SENSOR_STATUSES index, 255 none) · u8 created · u8 touch ·
 *            f64 incarnation · u32 n · u32 na · u32 nc · previous location NUL · previous type NUL
 *   stale:   u8 0 · text `0|status|location|device_type|processed_at|incarnation|n|na|nc|seq|power_kw|
 *            energy_kwh|ts|reasons` NUL
 * Binary, because printing four numbers per reading as text was a sixth of the script's cost. The
 * previous location and type are empty unless they changed. `touch` asks the writer to refresh the
 * sensor's location and type index scores (they are refreshed at most once per index refresh
 * interval, or at once when something about the sensor changed).
 */
import { SENSOR_STATUSES } from '../domain/sensor-status.ts';
import { HOT_FIELD_COUNT, luaIndex, SENSOR_FIELDS, type SensorField } from './sensor-hash.ts';
import { SENSOR_HISTORY_LUA } from './sensor-history-codec.ts';

/**
 * Position of a field's value in a row: row[1] is the history bucket, row[2] the cold digest, row[3]
 * the status code and row[4] the anomaly score on 0..255 for the history (both computed by the
 * writer, which is cheaper than in Lua), then the values in SENSOR_FIELDS order.
 */
const col = (field: SensorField) => luaIndex(field) + 4;
const HOT_FIELDS = SENSOR_FIELDS.slice(0, HOT_FIELD_COUNT);
/** Cold fields left out of the hash while empty (most sensors have no `extra` and no `injected`). */
const OPTIONAL_COLD: readonly SensorField[] = ['producer_host', 'injected', 'extra'];
const REQUIRED_COLD = SENSOR_FIELDS.slice(HOT_FIELD_COUNT).filter((f) => !OPTIONAL_COLD.includes(f));

export const APPLY_READINGS_LUA = `
${SENSOR_HISTORY_LUA}
local function int(x) return string.format('%.17g', x) end
local call, pack, unpack_struct, tonumber = redis.call, struct.pack, struct.unpack, tonumber
local ttl, ring_ttl, points = ARGV[1], ARGV[2], tonumber(ARGV[3])
local now, refresh = math.floor(tonumber(ARGV[4]) / 1000), math.floor(tonumber(ARGV[5]) / 1000)
local blob, at, ROW = ARGV[6], 1, string.rep('s', ${SENSOR_FIELDS.length + 4})
local STATUS = {${SENSOR_STATUSES.map((status, i) => `${status} = ${i}`).join(', ')}}
local nan = 0 / 0
local out = {}
for r = 1, #KEYS / 2 do
  local h, hk = KEYS[2 * r - 1], KEYS[2 * r]
  local row = {unpack_struct(ROW, blob, at)}
  at = row[#row]
  local seq = tonumber(row[${col('seq')}])
  local cur = call('HMGET', h, 'seq', 'status', '_', '_h')
  local ep, n, na, nc, digest, tidx = seq, 0, 0, 0, -1, 0
  if cur[3] and #cur[3] == 28 then ep, n, na, nc, digest, tidx = unpack_struct('<dIIIII', cur[3]) end
  if cur[1] and tonumber(cur[1]) >= seq then
    local m = redis.call('HMGET', h, 'location', 'device_type', 'processed_at', 'power_kw', 'energy_kwh', 'ts',
      'reasons')
    out[r] = '\\0' .. table.concat({'0', cur[2] or '', m[1] or '', m[2] or '', m[3] or '', int(ep), n, na, nc, cur[1],
      m[4] or '', m[5] or '', m[6] or '', m[7] or '[]'}, '|') .. '\\0'
  else
    local created = cur[1] == false
    if created then ep, n, na, nc, digest, tidx = seq, 0, 0, 0, -1, 0 end
    local prev = cur[2] or ''
    local status = row[${col('status')}]
    n = n + 1
    if row[${col('is_anomaly')}] == '1' then na = na + 1 end
    if status == 'critical' and prev ~= 'critical' then nc = nc + 1 end
    local new_digest = tonumber(row[2])
    local cold = created or new_digest ~= digest
    local prev_loc, prev_type = '', ''
    if cold and not created then
      local m = redis.call('HMGET', h, 'location', 'device_type')
      if m[1] and m[1] ~= row[${col('location')}] then prev_loc = m[1] end
      if m[2] and m[2] ~= row[${col('device_type')}] then prev_type = m[2] end
    end
    local touch = cold or prev ~= status or now - tidx >= refresh
    if touch then tidx = now end
    local open = fold_history(cur[4], hk, tonumber(row[1]), points, ring_ttl, tonumber(row[3]), tonumber(row[4]),
      tonumber(row[${col('power_kw')}]) or nan, tonumber(row[${col('current')}]) or nan,
      tonumber(row[${col('temperature')}]) or nan, tonumber(row[${col('pressure')}]) or nan,
      tonumber(row[${col('vibration')}]) or nan)
    call('HSET', h, ${HOT_FIELDS.map((f) => `'${f}', row[${col(f)}]`).join(', ')},
      '_', pack('<dIIIII', ep, n, na, nc, new_digest, tidx), '_h', open)
    if cold then
      call('HSET', h, ${REQUIRED_COLD.map((f) => `'${f}', row[${col(f)}]`).join(', ')})
${OPTIONAL_COLD.map((f) => `      if row[${col(f)}] == '' then call('HDEL', h, '${f}') else call('HSET', h, '${f}', row[${col(f)}]) end`).join('\n')}
    end
    -- the TTL moves with the index refresh, not every reading: PEXPIRE (rewritten as PEXPIREAT for
    -- propagation) was a fifth of this script's cost; the key still lives at least the state TTL
    -- after its last reading, and at most one refresh interval more (the writer adds it to ttl)
    if touch then call('PEXPIRE', h, ttl) end
    out[r] = pack('<BBBBdIII', 1, STATUS[prev] or 255, created and 1 or 0, touch and 1 or 0, ep, n, na, nc) ..
      prev_loc .. '\\0' .. prev_type .. '\\0'
  end
end
return table.concat(out)
`;
