import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.ts';
import { describeSettings } from './describe-settings.ts';
import { readConfig } from './read-config.ts';
import { DEFAULT_SERVE_CONFIG, SERVE_SETTINGS } from './serve-config.ts';
import { DEFAULT_SIMULATE_CONFIG, SIMULATE_SETTINGS } from './simulate-config.ts';

describe('readConfig', () => {
  it('uses defaults when nothing is set, and freezes the result', () => {
    const config = readConfig(SIMULATE_SETTINGS, { env: {} });
    expect(config).toEqual(DEFAULT_SIMULATE_CONFIG);
    expect(config.sensors).toBe(300);
    expect(config.brokers).toEqual(['127.0.0.1:9092']);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads environment variables and lets flags override them', () => {
    const env = { TOTAL_SENSORS: '1000', KAFKA_BROKERS: 'k1:9092, k2:9093', SITE_TIMEZONE: 'Europe/Berlin' };
    const config = readConfig(SIMULATE_SETTINGS, { env, flags: { sensors: '5000' } });
    expect(config.sensors).toBe(5000);
    expect(config.brokers).toEqual(['k1:9092', 'k2:9093']);
    expect(config.timeZone).toBe('Europe/Berlin');
  });

  it('treats empty environment values as unset', () => {
    expect(readConfig(SIMULATE_SETTINGS, { env: { TOTAL_SENSORS: '' } }).sensors).toBe(300);
  });

  it('names every bad variable and why in one ConfigError', () => {
    const env = {
      TOTAL_SENSORS: 'lots',
      KAFKA_BROKERS: 'nohost',
      SITE_TIMEZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
    };
    let error: unknown;
    try {
      readConfig(SIMULATE_SETTINGS, { env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.source);
    expect(problems).toEqual([
      "LOG_LEVEL='loud'",
      "KAFKA_BROKERS='nohost'",
      "SITE_TIMEZONE='Mars/Olympus'",
      "TOTAL_SENSORS='lots'",
    ]);
    expect((error as ConfigError).message).toMatch(/TOTAL_SENSORS='lots': must be an integer 1\.\.2000000/);
    expect((error as ConfigError).message).toMatch(/SITE_TIMEZONE.*IANA time zone/);
  });

  it('says which flag was bad when the value came from a flag', () => {
    expect(() => readConfig(SIMULATE_SETTINGS, { env: {}, flags: { sensors: '0' } })).toThrow(
      "--sensors (TOTAL_SENSORS)='0': must be an integer 1..2000000",
    );
  });

  it('never echoes secrets', () => {
    try {
      readConfig(SERVE_SETTINGS, { env: { API_TOKEN: 'has space', REDIS_URL: 'http://:pw@x' } });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('has space');
      expect((error as Error).message).not.toContain('pw');
      expect((error as Error).message).toContain('API_TOKEN');
      expect((error as Error).message).toContain('REDIS_URL');
    }
  });

  it('parses boolean flags given as booleans and lists given as text', () => {
    const config = readConfig(SERVE_SETTINGS, {
      env: { ALLOWED_ORIGINS: 'https://ops.example.com,http://10.0.0.5:8000' },
    });
    expect(config.allowedOrigins).toEqual(['https://ops.example.com', 'http://10.0.0.5:8000']);
    expect(DEFAULT_SERVE_CONFIG.port).toBe(8000);
  });
});

describe('anomaly settings (key=value maps)', () => {
  it('reads a mix as "only these kinds" and durations as overrides of the defaults', () => {
    const config = readConfig(SIMULATE_SETTINGS, {
      env: { ANOMALY_MIX: 'spike=3, dropout=1', ANOMALY_DURATIONS: 'dropout=30' },
    });
    expect(config.anomalyMix).toEqual({
      spike: 3,
      level_shift: 0,
      drift: 0,
      stuck: 0,
      noise_burst: 0,
      overheating: 0,
      dropout: 1,
    });
    expect(config.anomalyDurations.dropout).toBe(30);
    expect(config.anomalyDurations.drift).toBe(DEFAULT_SIMULATE_CONFIG.anomalyDurations.drift);
  });

  it('names unknown kinds, bad numbers and malformed pairs', () => {
    const bad: [string, RegExp][] = [
      ['gremlins=1', /unknown key 'gremlins'; allowed: spike, level_shift/],
      ['spike=-1', /spike: must be a number 0\.\.1000/],
      ['spike', /'spike' is not key=value/],
      [' , ', /at least one key=value/],
    ];
    for (const [value, message] of bad) {
      expect(() => readConfig(SIMULATE_SETTINGS, { env: { ANOMALY_MIX: value } })).toThrow(message);
    }
  });

  it('shows map defaults as key=value in help', () => {
    expect(describeSettings(SIMULATE_SETTINGS)).toMatch(/default spike=2,level_shift=1,drift=1/);
  });
});

describe('describeSettings', () => {
  it('lists flag, env var, accepted values and default of every setting', () => {
    const help = describeSettings(SIMULATE_SETTINGS);
    expect(help).toMatch(
      /--sensors <value>\s+TOTAL_SENSORS\n\s+number of simulated sensors \(integer 1\.\.2000000; default 300\)/,
    );
    expect(help).toMatch(/--\[no-\]kafka-ssl\s+KAFKA_SSL/);
    expect(help.split('\n')).toHaveLength(2 * Object.keys(SIMULATE_SETTINGS).length);
  });
});
