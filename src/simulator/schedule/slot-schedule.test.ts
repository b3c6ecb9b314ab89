import { describe, expect, it } from 'vitest';
import { createSlotSchedule, type SlotScheduleOptions } from './slot-schedule.ts';

const START = Date.parse('2026-03-04T10:00:00Z');
const base: SlotScheduleOptions = { sensors: 1000, intervalMs: 1000, startMs: START, jitter: 0, seed: 1 };

function collect(schedule: ReturnType<typeof createSlotSchedule>, now: number, limit?: number) {
  const out: { i: number; slot: number; jitter: number }[] = [];
  const result = schedule.advance(now, (i, slot, jitter) => out.push({ i, slot, jitter }), limit);
  return { out, ...result };
}

describe('createSlotSchedule', () => {
  it('spreads the fleet evenly over the interval, every sensor once per interval', () => {
    const schedule = createSlotSchedule(base);
    const perMs: number[] = [];
    const seen = new Map<number, number>();
    for (let t = START; t < START + 1000; t++) {
      const { out } = collect(schedule, t);
      perMs.push(out.length);
      for (const r of out) seen.set(r.i, (seen.get(r.i) ?? 0) + 1);
    }
    expect(seen.size).toBe(1000);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    expect(Math.max(...perMs)).toBe(1);
    expect(Math.min(...perMs)).toBe(1);
  });

  it('gives each sensor strictly increasing slots one interval apart, also with jitter', () => {
    const schedule = createSlotSchedule({ ...base, sensors: 7, jitter: 0.2 });
    const bySensor = new Map<number, { slot: number; ts: number }[]>();
    for (let t = START; t < START + 10_000; t += 37) {
      for (const r of collect(schedule, t).out) {
        const list = bySensor.get(r.i) ?? [];
        list.push({ slot: r.slot, ts: r.slot + r.jitter });
        bySensor.set(r.i, list);
        expect(r.jitter).toBeGreaterThanOrEqual(0);
        expect(r.jitter).toBeLessThan(200);
        expect(r.slot + r.jitter).toBeLessThanOrEqual(t); // never stamped in the future
      }
    }
    for (const list of bySensor.values()) {
      for (let k = 1; k < list.length; k++) {
        expect(list[k]!.slot - list[k - 1]!.slot).toBe(1000);
        expect(list[k]!.ts).toBeGreaterThan(list[k - 1]!.ts);
      }
    }
    const jitters = new Set([...bySensor.values()].flat().map((r) => r.ts - r.slot));
    expect(jitters.size).toBeGreaterThan(10);
  });

  it('is deterministic: the same options give the same slots and jitter', () => {
    const a = createSlotSchedule({ ...base, jitter: 0.1 });
    const b = createSlotSchedule({ ...base, jitter: 0.1 });
    expect(collect(a, START + 2500).out).toEqual(collect(b, START + 2500).out);
  });

  it('respects the limit and continues where it stopped', () => {
    const schedule = createSlotSchedule(base);
    const first = collect(schedule, START + 499, 100);
    expect(first.emitted).toBe(100);
    const rest = collect(schedule, START + 499);
    expect(rest.out[0]?.i).toBe(100);
    expect(first.emitted + rest.emitted).toBe(500);
  });

  it('skips to each sensor’s latest slot after falling behind, without back-filling', () => {
    const schedule = createSlotSchedule(base);
    collect(schedule, START + 999);
    // Nothing happens for 10.5 s (an outage); then every sensor gets exactly one, current reading.
    const now = START + 11_500;
    const { out, skipped } = collect(schedule, now);
    expect(new Set(out.map((r) => r.i)).size).toBe(out.length);
    expect(out.length).toBe(1000);
    // Slots START+1000 … START+11500 inclusive were due: 10,501, of which 1000 are sent.
    expect(skipped).toBe(9501);
    for (const r of out) {
      expect(r.slot).toBeLessThanOrEqual(now);
      expect(r.slot).toBeGreaterThan(now - 1000);
    }
  });

  it('skipDue passes over everything due while nothing can be sent', () => {
    const schedule = createSlotSchedule(base);
    expect(schedule.skipDue(START + 2999)).toBe(3000);
    const { out } = collect(schedule, START + 3000);
    expect(out).toEqual([{ i: 0, slot: START + 3000, jitter: 0 }]);
    expect(schedule.nextDueMs()).toBe(START + 3001);
  });

  it('handles fleets larger than the interval in ms (many sensors per millisecond)', () => {
    const schedule = createSlotSchedule({ ...base, sensors: 100_000 });
    expect(collect(schedule, START).emitted).toBe(100);
    expect(collect(schedule, START + 999).emitted).toBe(99_900);
    expect(collect(schedule, START + 1000).emitted).toBe(100);
  });
});

describe('createSlotSchedule with shards', () => {
  /** Every slot a schedule emits while the clock walks `untilMs` in uneven steps. */
  function walk(options: SlotScheduleOptions, untilMs: number) {
    const schedule = createSlotSchedule(options);
    const out: { i: number; slot: number; jitter: number; at: number }[] = [];
    for (let t = START; t <= untilMs; t += 13) {
      schedule.advance(t, (i, slot, jitter) => out.push({ i, slot, jitter, at: t }));
    }
    return out;
  }

  it('splits the fleet into shards that together emit exactly the whole schedule, each in time order', () => {
    const options = { ...base, sensors: 1003, jitter: 0.1 };
    const whole = walk(options, START + 3500);
    const shards = [0, 1, 2].map((index) => walk({ ...options, shard: { index, count: 3 } }, START + 3500));
    shards.forEach((slots, index) => {
      expect(slots.every((s) => s.i % 3 === index)).toBe(true);
      expect(slots.map((s) => s.slot)).toEqual(slots.map((s) => s.slot).sort((a, b) => a - b));
    });
    const key = (s: { i: number; slot: number; jitter: number }) => `${s.i}@${s.slot}+${s.jitter}`;
    expect(shards.flat().map(key).sort()).toEqual(whole.map(key).sort());
    // Each slot comes due at the same time in its shard as in the whole schedule.
    const dueAt = new Map(whole.map((s) => [key(s), s.at]));
    expect(shards.flat().every((s) => dueAt.get(key(s)) === s.at)).toBe(true);
  });

  it('spreads each shard’s load over the interval rather than bunching it', () => {
    const schedule = createSlotSchedule({ ...base, sensors: 10_000, shard: { index: 1, count: 2 } });
    const perTenth: number[] = [];
    for (let t = START + 99; t < START + 1000; t += 100) {
      perTenth.push(schedule.advance(t, () => undefined).emitted);
    }
    expect(perTenth.every((count) => count === 500)).toBe(true);
  });

  it('skips a lagging shard to each of its sensors’ latest slot, as the whole schedule would', () => {
    const options = { ...base, sensors: 100, shard: { index: 0, count: 4 } };
    const schedule = createSlotSchedule(options);
    const late = collect(schedule, START + 5500);
    expect(late.skipped).toBe(25 * 4 + 13);
    expect(late.out.map((s) => s.i)).toEqual([
      ...Array.from({ length: 12 }, (_, j) => 52 + 4 * j),
      ...Array.from({ length: 13 }, (_, j) => 4 * j),
    ]);
  });

  it('refuses a shard that does not exist', () => {
    expect(() => createSlotSchedule({ ...base, shard: { index: 2, count: 2 } })).toThrow(RangeError);
    expect(() => createSlotSchedule({ ...base, sensors: 2, shard: { index: 2, count: 3 } })).toThrow(
      RangeError,
    );
  });
});
