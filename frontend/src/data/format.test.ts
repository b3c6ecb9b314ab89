import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatChange,
  formatCount,
  formatDuration,
  formatMoney,
  formatQuantity,
  formatRatio,
  formatTime,
  humanize,
} from './format.ts';

describe('formatQuantity', () => {
  it('puts the unit on every number and scales power and energy', () => {
    expect(formatQuantity(12.345, 'kW')).toBe('12.3 kW');
    expect(formatQuantity(1234.5, 'kW')).toBe('1.23 MW');
    expect(formatQuantity(2_500_000, 'kWh')).toBe('2.50 GWh');
    expect(formatQuantity(0.5, 'bar')).toBe('0.50 bar');
    expect(formatQuantity(71.4, '°C')).toBe('71.4 °C');
    expect(formatQuantity(42, '%')).toBe('42.0 %');
  });

  it('shows a dash, never a zero, when there is no value', () => {
    expect(formatQuantity(null, 'kW')).toBe('—');
    expect(formatQuantity(Number.NaN, 'A')).toBe('—');
    expect(formatCount(undefined)).toBe('—');
    expect(formatRatio(null)).toBe('—');
    expect(formatMoney(null, 'EUR')).toBe('—');
    expect(formatTime(null)).toBe('—');
  });
});

describe('counts, ratios and money', () => {
  it('groups counts and shows ratios as percentages', () => {
    expect(formatCount(100000)).toBe((100000).toLocaleString());
    expect(formatRatio(0.8734)).toBe('87.3 %');
  });

  it('formats money in the given currency', () => {
    expect(formatMoney(12.5, 'EUR')).toBe(
      (12.5).toLocaleString(undefined, { style: 'currency', currency: 'EUR' }),
    );
  });
});

describe('times', () => {
  it('shows UTC timestamps in the browser time zone', () => {
    const iso = '2026-11-22T09:05:07.000Z';
    const local = new Date(iso);
    const shown = formatTime(iso);
    expect(shown).toContain(String(local.getMinutes()).padStart(2, '0'));
    expect(shown).toContain(String(local.getSeconds()).padStart(2, '0'));
    expect(shown).toMatch(new RegExp(`\\b0?${local.getHours() % 12 || 12}|${local.getHours()}\\b`));
  });

  it('says durations and ages in words', () => {
    expect(formatDuration(4200)).toBe('4 s');
    expect(formatDuration(180_000)).toBe('3 min');
    expect(formatDuration(7_500_000)).toBe('2 h 5 min');
    expect(formatAgo(10_000, 22_000)).toBe('12 s ago');
  });
});

describe('formatChange', () => {
  it('gives a signed percentage and its direction', () => {
    expect(formatChange(110, 100)).toEqual({ text: '+10.0 %', direction: 1 });
    expect(formatChange(90, 100)).toEqual({ text: '−10.0 %', direction: -1 });
    expect(formatChange(100, 100)).toEqual({ text: 'steady', direction: 0 });
    expect(formatChange(5, null)).toEqual({ text: '—', direction: 0 });
  });
});

describe('humanize', () => {
  it('turns snake_case names into words', () => {
    expect(humanize('cooling_tower')).toBe('Cooling tower');
    expect(humanize('floor_a')).toBe('Floor A');
    expect(humanize('production_b')).toBe('Production B');
  });
});
