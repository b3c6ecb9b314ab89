/**
 * A reading's channels, gathered for pass one: core metrics read by name, the energy meter as a
 * rate, `extra` channels by the slot their device type gave them.
 */
import { METRICS } from '../../domain/metric.ts';
import type { Reading } from '../../domain/reading.ts';
import type { DeviceTypeState } from './device-type-state.ts';
import type { ObserveContext } from './observe-reading.ts';
import type { SensorTrack } from './sensor-track.ts';

/**
 * Puts the reading's channels into ctx.slots/values (core metrics, the energy meter as a rate,
 * extras) and returns how many; -1 entries of metricOf mark extras. Core metrics are read by name,
 * one property each: a loop over METRICS with reading[metric] makes the property access
 * megamorphic, measurably slower on the hot path.
 */
export function gatherChannels(
  reading: Reading,
  track: SensorTrack,
  ms: number,
  ctx: ObserveContext,
): number {
  const type = track.type;
  let n = 0;
  n = put(type, ctx, n, M_CURRENT, reading.current);
  n = put(type, ctx, n, M_VOLTAGE, reading.voltage);
  n = put(type, ctx, n, M_POWER_FACTOR, reading.power_factor);
  n = put(type, ctx, n, M_POWER_KW, reading.power_kw);
  if (reading.energy_kwh !== null)
    n = put(type, ctx, n, M_ENERGY_KWH, energyRate(reading.energy_kwh, track, ms));
  n = put(type, ctx, n, M_TEMPERATURE, reading.temperature);
  n = put(type, ctx, n, M_PRESSURE, reading.pressure);
  n = put(type, ctx, n, M_VIBRATION, reading.vibration);
  const extra = reading.extra;
  if (extra !== undefined) {
    for (const name in extra) {
      const slot = type.slotOf(name);
      if (slot < 0) continue;
      ctx.slots[n] = slot;
      ctx.values[n] = extra[name] as number;
      ctx.metricOf[n] = -1;
      n++;
    }
  }
  return n;
}

/** Appends a core metric's value at position n; returns the new count. */
function put(
  type: DeviceTypeState,
  ctx: ObserveContext,
  n: number,
  metric: number,
  v: number | null,
): number {
  if (v === null) return n;
  const slot = type.coreSlot(metric);
  if (slot < 0) return n;
  ctx.slots[n] = slot;
  ctx.values[n] = v;
  ctx.metricOf[n] = metric;
  return n + 1;
}

/** Readings the energy rate is averaged over. */
const ENERGY_SPAN = 30;

const M_CURRENT = METRICS.indexOf('current');
const M_VOLTAGE = METRICS.indexOf('voltage');
const M_POWER_FACTOR = METRICS.indexOf('power_factor');
const M_POWER_KW = METRICS.indexOf('power_kw');
const M_ENERGY_KWH = METRICS.indexOf('energy_kwh');
const M_TEMPERATURE = METRICS.indexOf('temperature');
const M_PRESSURE = METRICS.indexOf('pressure');
const M_VIBRATION = METRICS.indexOf('vibration');

/**
 * A cumulative meter says nothing by its level; its rate (kW averaged over recent readings) does.
 * Null until a rate is known (the channel is then not "missing").
 */
export function energyRate(kwh: number, track: SensorTrack, ms: number): number | null {
  const e = track.energy;
  const since = ms - e.lastMs;
  const previous = e.lastKwh;
  e.lastKwh = kwh;
  e.lastMs = ms;
  if (since > 0 && !Number.isNaN(previous)) {
    // Smoothed over about ENERGY_SPAN readings: a meter shown to 1 Wh and read every second
    // advances by whole steps (3.6 kW each), so a one-reading rate is mostly rounding noise.
    const instant = (kwh - previous) / (since / 3_600_000);
    // The first rates are averaged (weight 1/n): an EW mean started from one rounded, jittered
    // instant would carry that instant's error through the whole warm-up as a trend.
    e.rates = e.rates < ENERGY_SPAN ? e.rates + 1 : ENERGY_SPAN;
    e.rate = Number.isNaN(e.rate) ? instant : e.rate + (instant - e.rate) / e.rates;
    return e.rate;
  }
  const slot = track.type.coreSlot(M_ENERGY_KWH);
  const known = slot >= 0 ? track.channels[slot] : undefined;
  if (known) known.seenAt = track.readings + 1;
  return null;
}
