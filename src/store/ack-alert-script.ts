/**
 * Acknowledges an alert: sets `k:<alert id>` = `acked_at|acked_by` in the alert state hash if the alert
 * is still in the stream. The first acknowledgement wins; repeating it changes nothing.
 * KEYS: alerts stream, alert state.  ARGV: alert id, acked_at (ISO), acked_by.
 * Reply: 1 acknowledged now, 0 already acknowledged, -1 no such alert.
 */
export const ACK_ALERT_LUA = `
if #redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1]) == 0 then return -1 end
return redis.call('HSETNX', KEYS[2], 'k:' .. ARGV[1], ARGV[2] .. '|' .. ARGV[3])
`;
