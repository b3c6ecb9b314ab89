import { describe, expect, it } from 'vitest';
import { T_DEVIATION, T_STUCK, T_SUSTAINED } from './channel-features.ts';
import { describeChannelTest, formatDuration } from './reasons.ts';
import { DEFAULT_RULE_BANDS, describeBand } from './rules.ts';

const finding = { test: T_DEVIATION, value: 1.4, signed: 4.12, reference: 40.123, repeats: 0 };

describe('reasons', () => {
  it('names a channel in words with its unit, the baseline it left and for how long', () => {
    expect(describeChannelTest({ ...finding, channel: 'temperature' }, 180_000)).toBe(
      'temperature 4.1σ above its baseline of 40.1 °C for 3 min',
    );
    expect(describeChannelTest({ ...finding, channel: 'power_kw', signed: -5, reference: 12.34 }, 0)).toBe(
      'power 5.0σ below its baseline of 12.3 kW',
    );
  });

  it('calls the energy channel what the detector watches: the meter rate, in kW', () => {
    expect(
      describeChannelTest({ ...finding, channel: 'energy_kwh', test: T_SUSTAINED, reference: 7.25 }, 42_000),
    ).toBe('energy use rate persistently 4.1σ above its baseline of 7.25 kW for 42 s');
  });

  it("keeps a replayed file's own column name and gives it no unit", () => {
    expect(describeChannelTest({ ...finding, channel: 'Accelerometer1RMS', reference: 0.0271 }, 0)).toBe(
      'Accelerometer1RMS 4.1σ above its baseline of 0.0271',
    );
    expect(
      describeChannelTest({ ...finding, channel: 'value', test: T_STUCK, reference: 3, repeats: 9 }, 0),
    ).toBe('value stuck at 3 for 10 readings');
  });

  it('phrases rule bands with words and units', () => {
    const [current, , , , temperature] = DEFAULT_RULE_BANDS;
    if (!current || !temperature) throw new Error('bands changed');
    expect(describeBand(current, 27, 10, 2)).toBe('current at 2.70× nominal (critical band ≥ 2.6×)');
    expect(describeBand(temperature, 58.04, 40, 1)).toBe(
      'temperature 18.0 °C above nominal (warning band ≥ +15 °C)',
    );
  });

  it('formats durations at a readable grain', () => {
    expect([850, 42_000, 180_000, 9_000_000, 267_840_000].map(formatDuration)).toEqual([
      '850 ms',
      '42 s',
      '3 min',
      '2.5 h',
      '3.1 d',
    ]);
  });
});
