import { describe, expect, it } from 'vitest';
import { keySlot } from './key-slot.ts';
import { createKeys } from './keys.ts';

describe('createKeys', () => {
  it('builds the DESIGN key names under the default prefix', () => {
    const keys = createKeys();
    expect(keys.sensor('sensor_001')).toBe('ww:sensor:{sensor_001}');
    expect(keys.sensorHistory('sensor_001')).toBe('ww:history:{sensor_001}');
    expect(keys.status('critical')).toBe('ww:status:critical');
    expect(keys.locationIds('floor_a')).toBe('ww:ids:location:floor_a{ww:ids}');
    expect(keys.typeIds('pump')).toBe('ww:ids:type:pump{ww:ids}');
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

  it('names the store-internal keys under the prefix too', () => {
    const keys = createKeys();
    expect([keys.sensors, keys.locations, keys.producers, keys.sweepLease]).toEqual([
      'ww:sensors',
      'ww:locations',
      'ww:producers',
      'ww:lease:sweeper',
    ]);
    expect([keys.statusIds('warning'), keys.locationIds('floor_a'), keys.typeIds('pump')]).toEqual([
      'ww:ids:status:warning{ww:ids}',
      'ww:ids:location:floor_a{ww:ids}',
      'ww:ids:type:pump{ww:ids}',
    ]);
    expect(
      new Set([keys.statusIds('normal'), keys.locationIds('x'), keys.typeIds('motor')].map(keySlot)).size,
    ).toBe(1);
    expect(keys.statsLedger).toBe('ww:stats:ledger{ww:stats}');
    expect(keys.alertState).toBe('ww:alerts:state{ww:alerts}');
  });

  it('puts every key of one sensor in the same cluster hash tag', () => {
    const keys = createKeys('site7:');
    const tag = (key: string) => /\{([^}]*)\}/.exec(key)?.[1];
    expect(tag(keys.sensor('s_9'))).toBe('s_9');
    expect(tag(keys.sensorHistory('s_9'))).toBe('s_9');
    expect(keys.sensor('s_9').startsWith('site7:')).toBe(true);
    expect(keySlot(keys.sensor('s_9'))).toBe(keySlot(keys.sensorHistory('s_9')));
  });

  it('keeps each fleet-level Lua script on one cluster slot', () => {
    for (const prefix of ['ww:', 'site7:']) {
      const keys = createKeys(prefix);
      expect(keySlot(keys.statsLedger)).toBe(keySlot(keys.stats));
      expect(keySlot(keys.alertState)).toBe(keySlot(keys.alerts));
    }
    // the slot function itself, against a value Redis documents (CLUSTER KEYSLOT somekey = 11058)
    expect(keySlot('somekey')).toBe(11058);
    expect(keySlot('foo{hash_tag}')).toBe(keySlot('hash_tag'));
  });
});
