/**
 * Marks one sensor offline if it is still silent: its hash exists, is not offline yet, and was last
 * processed before the cutoff (ISO-8601 strings of one format compare like the instants they name).
 * The check and the change are one atomic step, so a reading that lands meanwhile wins, and two
 * sweepers cannot both act. The TTL is left alone: the sensor still disappears TTL after its last reading.
 *
 * KEYS: sensor hash.  ARGV: cutoff (ISO).
 * Reply: '-1' when the hash is gone, else one line like a stale apply reply with the first field
 * saying whether it was marked now:
 *   marked|prev_status|location|device_type|processed_at|incarnation|n|na|nc|seq|power_kw|energy_kwh|ts|reasons
 */
export const MARK_OFFLINE_LUA = `
local c = redis.call('HMGET', KEYS[1], 'seq', 'status', 'location', 'device_type', 'processed_at', '_',
  'power_kw', 'energy_kwh', 'ts', 'reasons')
if not c[1] then return '-1' end
local ep, n, na, nc = 0, 0, 0, 0
if c[6] and #c[6] == 28 then ep, n, na, nc = struct.unpack('<dIII', c[6]) end
local marked = '0'
if c[2] ~= 'offline' and (c[5] or '') < ARGV[1] then
  redis.call('HSET', KEYS[1], 'status', 'offline')
  marked = '1'
end
return table.concat({marked, c[2] or '', c[3] or '', c[4] or '', c[5] or '', string.format('%.17g', ep), n, na, nc,
  c[1], c[7] or '', c[8] or '', c[9] or '', c[10] or '[]'}, '|')
`;
