/**
 * Marks one sensor offline if it is still silent: its hash exists, is not offline yet, and was last
 * processed before the cutoff (ISO-8601 strings of one format compare like the instants they name).
 * The check and the change are one atomic step, so a reading that lands meanwhile wins, and two
 * sweepers cannot both act. The TTL is left alone: the sensor still disappears TTL after its last
 * reading. `,o` is appended to the bookkeeping field `_`, so a writer that remembers the sensor as
 * online no longer finds the `_` it expects and takes the apply script's general path.
 *
 * KEYS: sensor hash.  ARGV: cutoff (ISO).
 * Reply: '-1' when the hash is gone, else one line like a stale apply reply with the first field
 * saying whether it was marked now:
 *   marked|prev_status|location|device_type|processed_at|_|seq|power_kw|energy_kwh|ts|reasons
 */
export const MARK_OFFLINE_LUA = `
local c = redis.call('HMGET', KEYS[1], 'seq', 'status', 'location', 'device_type', 'processed_at', '_',
  'power_kw', 'energy_kwh', 'ts', 'reasons')
if not c[1] then return '-1' end
local marked, book = '0', c[6] or ''
if c[2] ~= 'offline' and (c[5] or '') < ARGV[1] then
  if string.sub(book, -2) ~= ',o' then book = book .. ',o' end
  redis.call('HSET', KEYS[1], 'status', 'offline', '_', book)
  marked = '1'
end
return table.concat({marked, c[2] or '', c[3] or '', c[4] or '', c[5] or '', book, c[1], c[7] or '', c[8] or '',
  c[9] or '', c[10] or '[]'}, '|')
`;
