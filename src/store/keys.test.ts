import { describe, expect, it } from 'vitest';
import { createKeys } from './keys.ts';

describe('createKeys', () => {
  it('builds the DESIGN key names under the default prefix', () => {
    const keys = createKeys();
    expect(keys.sensor('sensor_001')).toBe('ww:sensor:{sensor_001}');
    expect(keys.sensorHistory('sensor_001')).toBe('ww:history:{sensor_001}');
    expect(keys.status('critical')).toBe('ww:status:critical');
    expect(keys.byLocation('floor_a')).toBe('ww:by-location:floor_a');
    expect(keys.byType('pump')).toBe('ww:by-type:pump');
    expect([keys.stats, keys.fleetHistory, keys.alerts, keys.quality, keys.events]).toEqual([
      'ww:stats',
      'ww:history:fleet',
      'ww:alerts',
      'ww:quality',
      'ww:events',
    ]);
    expect(keys.producer('sim-1')).toBe('ww:producer:sim-1');
    expect(keys.model('motor')).toBe('ww:model:motor');
  });

  it('puts every key of one sensor in the same cluster hash tag', () => {
    const keys = createKeys('site7:');
    const tag = (key: string) => /\{([^}]*)\}/.exec(key)?.[1];
    expect(tag(keys.sensor('s_9'))).toBe('s_9');
    expect(tag(keys.sensorHistory('s_9'))).toBe('s_9');
    expect(keys.sensor('s_9').startsWith('site7:')).toBe(true);
  });
});
