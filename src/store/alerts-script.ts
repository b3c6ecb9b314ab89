/**
 * Phase 2 of a chunk write, for alert events: one call per chunk on `ww:alerts` and its state hash
 * (one cluster slot), which also publishes the chunk's notice on `ww:events`.
 *
 * Each candidate is a sensor state seen by the apply script: `[sensor_id, incarnation, transitions
 * into critical so far (_c), status, seq, ts, reasons JSON]`. The state hash keeps per sensor
 * `s:<id>` = `incarnation|transitions already alerted|open alert id`, so an alert is written exactly
 * once per transition into critical whatever replays or crashes happen, and the open alert gets
 * `r:<alert id>` = `recovered_at|status` when the sensor leaves critical. Acknowledgements live
 * beside them as `k:<alert id>` (ack-alert-script.ts).
 *
 * KEYS: alerts stream, alert state.  ARGV: now (ISO), stream cap, channel ('' = no notice),
 * notice (a JSON object the script extends with alerts and recoveries), candidates (JSON array).
 * Reply: {{alert_id, sensor_id, seq}...} of the alerts written now.
 */
import { LUA_SPLIT } from './lua-split.ts';

export const ALERTS_LUA = `
${LUA_SPLIT}
local stream, state = KEYS[1], KEYS[2]
local now, cap, channel = ARGV[1], ARGV[2], ARGV[3]
local added, added_json, recovered_json = {}, {}, {}
local function close(alert_id, sensor_id, at, status)
  redis.call('HSET', state, 'r:' .. alert_id, at .. '|' .. status)
  recovered_json[#recovered_json + 1] = '{"id":' .. cjson.encode(alert_id) .. ',"sensor_id":' ..
    cjson.encode(sensor_id) .. ',"status":' .. cjson.encode(status) .. '}'
end
for _, c in ipairs(cjson.decode(ARGV[5])) do
  local id, ep, nc, status, seq, ts, reasons = c[1], c[2], tonumber(c[3]), c[4], c[5], c[6], c[7]
  local kept = redis.call('HGET', state, 's:' .. id)
  local kep, knc, open = '', 0, ''
  if kept then
    local p = split(kept)
    kep, knc, open = p[1], tonumber(p[2]), p[3]
  end
  if kep == '' or tonumber(ep) >= tonumber(kep) then
    if kep ~= ep then knc = 0 end
    if nc > knc then
      if open ~= '' then close(open, id, ts, '') end
      open = redis.call('XADD', stream, 'MAXLEN', '~', cap, '*', 'sensor_id', id, 'severity', 'critical',
        'reasons', reasons, 'ts', ts, 'seq', seq)
      knc = nc
      added[#added + 1] = {open, id, seq}
      added_json[#added_json + 1] = '{"id":' .. cjson.encode(open) .. ',"sensor_id":' .. cjson.encode(id) ..
        ',"ts":' .. cjson.encode(ts) .. ',"reasons":' .. reasons .. '}'
      if status ~= 'critical' then
        close(open, id, ts, status)
        open = ''
      end
    elseif status ~= 'critical' and open ~= '' then
      close(open, id, ts, status)
      open = ''
    end
    redis.call('HSET', state, 's:' .. id, ep .. '|' .. knc .. '|' .. open)
  end
end
if channel ~= '' then
  local notice = string.sub(ARGV[4], 1, -2)
  if notice ~= '{' then notice = notice .. ',' end
  redis.call('PUBLISH', channel, notice .. '"alerts":[' .. table.concat(added_json, ',') ..
    '],"recovered":[' .. table.concat(recovered_json, ',') .. ']}')
end
return added
`;
