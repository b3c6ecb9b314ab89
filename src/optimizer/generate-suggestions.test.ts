import { describe, expect, it } from 'vitest';
import { findSuggestions, generateSuggestions } from './generate-suggestions.ts';
import { DEFAULT_OPTIMIZER_OPTIONS } from './optimizer-options.ts';
import type { SensorProfile } from './sensor-profile.ts';
import { DEFAULT_TARIFF, dayAverageRate } from './tariff.ts';

const NOON = new Date('2026-03-02T12:00:00Z');
const NIGHT = new Date('2026-03-02T02:00:00Z');

function profile(id: string, overrides: Partial<SensorProfile> = {}): SensorProfile {
  return {
    sensor_id: id,
    device_type: 'pump',
    location: 'floor_a',
    status: 'normal',
    failure_probability: 0.05,
    anomaly_score: 0.1,
    is_anomaly: false,
    reasons: [],
    avg_power_kw: 10,
    window_minutes: 52,
    ...overrides,
  };
}

/** Four pumps at 10 kW and one more: the extra one is what the rules look at. */
const pumps = (extra: Partial<SensorProfile>) => [
  ...['p1', 'p2', 'p3', 'p4'].map((id) => profile(id)),
  profile('x', extra),
];

const kinds = (list: { type: string; sensor_id: string }[]) => list.map((s) => `${s.type}:${s.sensor_id}`);

describe('the optimizer', () => {
  it.each([
    {
      name: 'a large healthy pump: peak shifting and efficiency',
      profiles: pumps({ avg_power_kw: 40 }),
      now: NOON,
      expected: ['energy_efficiency:x', 'cost_optimization:x'],
    },
    {
      name: 'a large pump likely to fail: maintenance, no peak shift',
      profiles: pumps({ avg_power_kw: 40, failure_probability: 0.9, status: 'critical' }),
      now: NOON,
      expected: ['predictive_maintenance:x', 'energy_efficiency:x'],
    },
    {
      name: 'an idle pump at night: night shutdown',
      profiles: pumps({ avg_power_kw: 1.5 }),
      now: NIGHT,
      expected: ['operational_optimization:x'],
    },
    {
      name: 'the same idle pump at noon: nothing',
      profiles: pumps({ avg_power_kw: 1.5 }),
      now: NOON,
      expected: [],
    },
    {
      name: 'an offline sensor: nothing',
      profiles: pumps({ avg_power_kw: 40, failure_probability: 0.9, status: 'offline' }),
      now: NOON,
      expected: [],
    },
    {
      name: 'a furnace among pumps is not compared with them',
      profiles: [...pumps({}), profile('f', { device_type: 'furnace', avg_power_kw: 400 })],
      now: NOON,
      expected: [],
    },
    {
      name: 'too few peers: no comparison at all',
      profiles: [profile('a', { avg_power_kw: 1 }), profile('b', { avg_power_kw: 50 })],
      now: NOON,
      expected: [],
    },
  ])('$name', ({ profiles, now, expected }) => {
    expect(kinds(findSuggestions(profiles, now))).toEqual(expected);
  });

  it('prices peak shifting from kWh: kW × on-peak hours × shiftable share × rate spread', () => {
    const shift = findSuggestions(pumps({ avg_power_kw: 40 }), NOON).find(
      (s) => s.type === 'cost_optimization',
    );
    // 40 kW × 9 h × 0.3 × (0.18 − 0.08) = 10.80 per day
    expect(shift).toMatchObject({
      type: 'cost_optimization',
      savings_per_day: 10.8,
      currency: 'USD',
      priority: 'high',
    });
    expect(shift?.evidence.map((e) => e.name)).toEqual([
      'avg_power',
      'type_quantile_power',
      'shifted_energy',
      'rate_spread',
      'failure_probability',
    ]);
  });

  it('prices efficiency against the type mean at the day-average rate', () => {
    const found = findSuggestions(pumps({ avg_power_kw: 40 }), NOON).find(
      (s) => s.type === 'energy_efficiency',
    );
    const mean = (4 * 10 + 40) / 5;
    expect(found?.savings_per_day).toBe(
      Math.round((40 - mean) * 24 * dayAverageRate(DEFAULT_TARIFF) * 0.5 * 100) / 100,
    );
    expect(found?.priority).toBe('high');
  });

  it('prices night shutdown at the off-peak rate over the off-peak window', () => {
    const [night] = findSuggestions(pumps({ avg_power_kw: 1.5 }), NIGHT);
    expect(night?.savings_per_day).toBe(Math.round(1.5 * 8 * 0.08 * 100) / 100);
    expect(night?.priority).toBe('low');
  });

  it('follows the configured time zone for the night window', () => {
    const options = { ...DEFAULT_OPTIMIZER_OPTIONS, tariff: { ...DEFAULT_TARIFF, timeZone: 'Asia/Tokyo' } };
    // 02:00 UTC is 11:00 in Tokyo: not night there
    expect(findSuggestions(pumps({ avg_power_kw: 1.5 }), NIGHT, options)).toEqual([]);
  });

  it('sorts by priority, then savings, then id, and keeps the top ones', () => {
    const profiles = [
      ...['p1', 'p2', 'p3', 'p4'].map((id) => profile(id)),
      profile('big', { avg_power_kw: 60 }),
      profile('bad', { failure_probability: 0.8, status: 'warning' }),
      profile('worse', { failure_probability: 0.95, status: 'critical' }),
    ];
    const { suggestions, total } = generateSuggestions(profiles, NOON, {
      ...DEFAULT_OPTIMIZER_OPTIONS,
      maxSuggestions: 3,
    });
    expect(total).toBe(4);
    expect(kinds(suggestions)).toEqual([
      'predictive_maintenance:worse',
      'energy_efficiency:big',
      'cost_optimization:big',
    ]);
    expect(generateSuggestions(profiles, NOON)).toEqual(generateSuggestions([...profiles].reverse(), NOON));
  });
});
