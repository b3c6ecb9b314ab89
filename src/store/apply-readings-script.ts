/**
 * Phase 1 of a chunk write: applies readings to their sensors' hashes. The seq comparison is atomic,
 * so a replayed or out-of-order reading never moves a sensor backwards. The store's bookkeeping is the
 * hash field `_`, text `incarnation|readings|anomalous|transitions into critical|cold digest|last index
 * refresh (s)` (`,o` appended while the sweeper has marked the sensor offline). The incarnation is the
 * seq of the reading that created the hash (a hash that expired and came back is a new one); the
 * counters let the stats ledger and the alerts script account every applied reading exactly once,
 * also after a crash between the phases (a replay is "stale" here, and its reply carries the stored
 * state so phase 2 can redo its part).
 *
 * Fast path: the writer remembers what it last stored per sensor and sends, with each reading, the
 * `_` it expects and the `_` that follows. When the hash holds exactly the expected `_` (nobody else
 * wrote since), the script only writes: no parsing, no comparisons, no reply. Anything else (a sensor
 * the writer does not know, another writer, the sweeper, an expired hash) takes the general path,
 * which reads the stored state and replies with it. Cold fields (identity, metadata, explanations)
 * are written only when their digest changes; a row without them that needs them is refused (`c`)
 * and the writer sends it again with them.
 *
 * KEYS: per reading, its sensor hash (one cluster slot each; one call may carry many readings).
 * ARGV: state TTL (ms), now (ms), index refresh (ms), processed_at, rows (JSON; per reading:
 *       [expected `_` or '', next `_`, cold digest, anomalous 0/1, ...hot values, ...cold values?]).
 * Reply: one line per reading, joined by newlines:
 *   ''    applied on the fast path (everything as the writer expected)
 *   'c'   not applied: cold values needed (and every later reading of that sensor in this call)
 *   1|prev_status|prev_location|prev_type|created|touch|_    applied on the general path
 *   0|status|location|device_type|processed_at|_|seq|power_kw|energy_kwh|ts|reasons    stale
 * prev_location / prev_type are set when the cold write moved the sensor; `touch` asks the writer to
 * refresh the location and type index scores (at most once per refresh interval, or on a change).
 */
import { HOT_FIELD_COUNT, SENSOR_FIELDS, type SensorField } from './sensor-hash.ts';

/** Row positions before the values: expected `_`, next `_`, cold digest, anomalous. */
export const ROW_HEAD = 4;
/** Hot values in a row: the hot fields but processed_at (one per call, in ARGV). */
export const ROW_HOT_FIELDS: readonly SensorField[] = SENSOR_FIELDS.slice(0, HOT_FIELD_COUNT).filter(
  (f) => f !== 'processed_at',
);
export const ROW_COLD_FIELDS: readonly SensorField[] = SENSOR_FIELDS.slice(HOT_FIELD_COUNT);
const HOT_END = ROW_HEAD + ROW_HOT_FIELDS.length;

const col = (field: SensorField): number => {
  const hot = ROW_HOT_FIELDS.indexOf(field);
  return hot >= 0 ? ROW_HEAD + hot + 1 : HOT_END + ROW_COLD_FIELDS.indexOf(field) + 1;
};
/** Cold fields left out of the hash while empty (most sensors have no `extra` and no `injected`). */
const OPTIONAL_COLD: readonly SensorField[] = ['producer_host', 'injected', 'extra'];
const REQUIRED_COLD = ROW_COLD_FIELDS.filter((f) => !OPTIONAL_COLD.includes(f));

export const APPLY_READINGS_LUA = `
local call, tonumber, concat = redis.call, tonumber, table.concat
local ttl, processed = ARGV[1], ARGV[4]
local now, refresh = math.floor(tonumber(ARGV[2]) / 1000), math.floor(tonumber(ARGV[3]) / 1000)
local rows = cjson.decode(ARGV[5])
local out, blocked = {}, {}
local function hot(h, row, book)
  call('HSET', h, ${ROW_HOT_FIELDS.map((f) => `'${f}', row[${col(f)}]`).join(', ')}, 'processed_at', processed, '_', book)
end
local function cold(h, row)
  call('HSET', h, ${REQUIRED_COLD.map((f) => `'${f}', row[${col(f)}]`).join(', ')})
${OPTIONAL_COLD.map((f) => `  if row[${col(f)}] == '' then call('HDEL', h, '${f}') else call('HSET', h, '${f}', row[${col(f)}]) end`).join('\n')}
end
local function parse(book)
  local f, i = {}, 0
  for v in string.gmatch(book, '[^,]+') do i = i + 1; f[i] = v end
  return f[1], tonumber(f[2]), tonumber(f[3]), tonumber(f[4]), tonumber(f[5]), tonumber(f[6])
end
for r = 1, #rows do
  local h, row = KEYS[r], rows[r]
  local cur = not blocked[h] and call('HGET', h, '_')
  if blocked[h] then
    out[r] = 'c'
  elseif cur and cur == row[1] then
    hot(h, row, row[2])
    if #row > ${HOT_END} then cold(h, row) end
    call('PEXPIRE', h, ttl)
    out[r] = ''
  else
    local c = call('HMGET', h, 'seq', 'status', 'location', 'device_type')
    if c[1] and tonumber(c[1]) >= tonumber(row[${col('seq')}]) then
      local m = call('HMGET', h, 'processed_at', 'power_kw', 'energy_kwh', 'ts', 'reasons')
      out[r] = concat({'0', c[2] or '', c[3] or '', c[4] or '', m[1] or '', cur or '', c[1], m[2] or '',
        m[3] or '', m[4] or '', m[5] or '[]'}, '|')
    else
      local created = not c[1]
      local ep, n, na, nc, digest, tidx = row[${col('seq')}], 0, 0, 0, -1, 0
      if not created and cur then ep, n, na, nc, digest, tidx = parse(cur) end
      local new_digest = row[3]
      local needs_cold = created or tonumber(new_digest) ~= digest
      if needs_cold and #row <= ${HOT_END} then
        blocked[h] = true
        out[r] = 'c'
      else
        local prev, status = c[2] or '', row[${col('status')}]
        n = n + 1
        if row[4] == '1' then na = na + 1 end
        if status == 'critical' and prev ~= 'critical' then nc = nc + 1 end
        local prev_loc, prev_type = '', ''
        if needs_cold and not created then
          if c[3] and c[3] ~= row[${col('location')}] then prev_loc = c[3] end
          if c[4] and c[4] ~= row[${col('device_type')}] then prev_type = c[4] end
        end
        local touch = needs_cold or prev ~= status or now - tidx >= refresh
        if touch then tidx = now end
        local book = ep .. ',' .. n .. ',' .. na .. ',' .. nc .. ',' .. new_digest .. ',' .. tidx
        hot(h, row, book)
        if needs_cold then cold(h, row) end
        call('PEXPIRE', h, ttl)
        out[r] = concat({'1', prev, prev_loc, prev_type, created and '1' or '0', touch and '1' or '0', book}, '|')
      end
    end
  end
end
return concat(out, '\\n')
`;
