/**
 * Stores a producer heartbeat unless a newer one is already there (timestamps are ISO-8601 UTC and
 * compare as strings), refreshing the TTL; a replayed heartbeat never turns a producer's clock back.
 * KEYS: producer hash.  ARGV: ts, TTL (ms), then field/value pairs.  Reply: 1 stored, 0 older.
 */
export const PUT_HEARTBEAT_LUA = `
local kept = redis.call('HGET', KEYS[1], 'ts')
if kept and kept > ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;
