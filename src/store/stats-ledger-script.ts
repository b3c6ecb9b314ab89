/**
 * Phase 2 of a chunk write, for the fleet aggregates in `ww:stats`: one call per chunk on `stats` and
 * its ledger (one cluster slot). The ledger remembers, per sensor, the snapshot the aggregates last
 * accounted for (struct '<ddBIIddd': incarnation, seq, status code, readings, anomalies, power_kw,
 * energy_kwh, processed ms; NaN for a missing value). A snapshot is accounted only when it is newer
 * than the ledger's (incarnation, then seq, then offline after online), and only its difference to
 * the ledger is added. So the aggregates are exact and idempotent: replays, a second processor and a
 * crash between the two phases never double-count or lose a reading.
 *
 * What it maintains: readings and anomalies (running totals), sensors and counts per status (live),
 * power_kw = sum of every online sensor's latest power (each sensor's contribution is replaced, not
 * added), energy_kwh = sum of every sensor's meter increases since its first stored reading.
 *
 * KEYS: stats, ledger.
 * ARGV 'account', now_ms, entries: one binary string of struct '<Bc0ddBIIdddd' records (id, incarnation,
 *      seq, status code, n, na, power_kw, energy_kwh, processed ms, energy_kwh of the first reading the
 *      chunk applied, from which a sensor new to the ledger counts its use; NaN for a missing value), built
 *      by ledger-entries.ts (binary, because JSON numbers cost a string conversion on both sides)
 * ARGV 'forget', now_ms, cutoff_ms, ids... (drops sensors whose ledger entry is not newer than cutoff)
 * Reply: {accepted, {forgotten `id|incarnation`...}, {HGETALL stats}}
 */
export const STATS_LEDGER_LUA = `
local stats, ledger = KEYS[1], KEYS[2]
local FORMAT = '<ddBIIddd'
local NAME = {[0] = 'normal', [1] = 'warning', [2] = 'critical', [3] = 'offline'}
local d = {readings = 0, anomalies = 0, sensors = 0, normal = 0, warning = 0, critical = 0, offline = 0}
local dp, de, accepted, forgotten = 0, 0, 0, {}
local function contribution(code, power)
  if code == 3 or power ~= power then return 0 end
  return power
end
local function bump(code, by)
  local name = NAME[code]
  if name then d[name] = d[name] + by end
end
if ARGV[1] == 'account' then
  local blob, at = ARGV[3], 1
  while at <= #blob do
    local id, ep, seq, code, n, na, power, energy, ms, from, next_at = struct.unpack('<Bc0ddBIIdddd', blob, at)
    at = next_at
    local old = redis.call('HGET', ledger, id)
    local newer, oep, oseq, ocode, on, ona, opower, oenergy = true
    if old then
      oep, oseq, ocode, on, ona, opower, oenergy = struct.unpack(FORMAT, old)
      if ep ~= oep then newer = ep > oep
      elseif seq ~= oseq then newer = seq > oseq
      else newer = code == 3 and ocode ~= 3 end
    end
    if newer then
      accepted = accepted + 1
      if old and oep == ep then
        d.readings = d.readings + math.max(0, n - on)
        d.anomalies = d.anomalies + math.max(0, na - ona)
      else
        d.readings = d.readings + n
        d.anomalies = d.anomalies + na
      end
      if old then
        if ocode ~= code then bump(ocode, -1); bump(code, 1) end
        dp = dp + contribution(code, power) - contribution(ocode, opower)
        if energy > oenergy then de = de + energy - oenergy end
        if energy ~= energy then energy = oenergy end
      else
        d.sensors = d.sensors + 1
        bump(code, 1)
        dp = dp + contribution(code, power)
        if energy > from then de = de + energy - from end
      end
      redis.call('HSET', ledger, id, struct.pack(FORMAT, ep, seq, code, n, na, power, energy, ms))
    end
  end
elseif ARGV[1] == 'forget' then
  local cutoff = tonumber(ARGV[3])
  for a = 4, #ARGV do
    local old = redis.call('HGET', ledger, ARGV[a])
    if old then
      local oep, oseq, ocode, on, ona, opower, oenergy, oms = struct.unpack(FORMAT, old)
      if oms <= cutoff then
        redis.call('HDEL', ledger, ARGV[a])
        d.sensors = d.sensors - 1
        bump(ocode, -1)
        dp = dp - contribution(ocode, opower)
        forgotten[#forgotten + 1] = ARGV[a] .. '|' .. string.format('%.17g', oep)
      end
    end
  end
end
for field, delta in pairs(d) do
  if delta ~= 0 then redis.call('HINCRBY', stats, field, delta) end
end
if dp ~= 0 then redis.call('HINCRBYFLOAT', stats, 'power_kw', string.format('%.17g', dp)) end
if de ~= 0 then redis.call('HINCRBYFLOAT', stats, 'energy_kwh', string.format('%.17g', de)) end
redis.call('HSET', stats, 'updated_at', ARGV[2])
return {accepted, forgotten, redis.call('HGETALL', stats)}
`;
