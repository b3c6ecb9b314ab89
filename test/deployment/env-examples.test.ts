import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROCESS_SETTINGS } from '../../src/config/process-config.ts';
import { readConfig } from '../../src/config/read-config.ts';
import { SERVE_SETTINGS } from '../../src/config/serve-config.ts';
import type { SettingsSpec } from '../../src/config/setting.ts';
import { SIMULATE_SETTINGS } from '../../src/config/simulate-config.ts';
import { composeServices, envFileNames } from '../support/compose-services.ts';

/** Settings of each command a compose service runs. */
const COMMAND_SETTINGS: Record<string, SettingsSpec> = {
  simulate: SIMULATE_SETTINGS,
  process: PROCESS_SETTINGS,
  serve: SERVE_SETTINGS,
};

/** Variables read by something other than a command's config: the image's health check, the Redis container. */
const NOT_SETTINGS: Record<string, string> = {
  HEALTHCHECK_URL: 'bin/healthcheck.js',
  REDIS_PASSWORD: 'the redis service of docker-compose.consumer.yml',
  NODE_EXTRA_CA_CERTS: 'Node itself (extra trusted CAs for Kafka TLS)',
};

const envNames = (spec: SettingsSpec) => new Set(Object.values(spec).map((s) => s.env));
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The env file's values that belong to `spec`, read through the real config reader (throws on a bad one). */
function readAs(spec: SettingsSpec, values: Record<string, string>) {
  const names = envNames(spec);
  const env = Object.fromEntries(Object.entries(values).filter(([name]) => names.has(name)));
  return readConfig(spec, { env, flags: {} });
}

describe('deployment env examples', () => {
  it('producer.env.example names only settings of simulate, with valid values', () => {
    const { set, all } = envFileNames(read('deployment/producer.env.example'));
    expect(all.length).toBeGreaterThan(5);
    const known = envNames(SIMULATE_SETTINGS);
    expect(all.filter((name) => !known.has(name) && !(name in NOT_SETTINGS))).toEqual([]);
    expect(readAs(SIMULATE_SETTINGS, set)).toMatchObject({ sensors: Number(set.TOTAL_SENSORS) });
  });

  it('consumer.env.example names only settings of process or serve, with valid values', () => {
    const { set, all } = envFileNames(read('deployment/consumer.env.example'));
    expect(all.length).toBeGreaterThan(5);
    const known = new Set([...envNames(PROCESS_SETTINGS), ...envNames(SERVE_SETTINGS)]);
    expect(all.filter((name) => !known.has(name) && !(name in NOT_SETTINGS))).toEqual([]);
    expect(readAs(PROCESS_SETTINGS, set)).toMatchObject({ redisUrl: set.REDIS_URL });
    expect(readAs(SERVE_SETTINGS, set)).toMatchObject({ redisUrl: set.REDIS_URL, token: '' });
  });

  it('the settings both hosts must agree on are in both examples', () => {
    const producer = envFileNames(read('deployment/producer.env.example')).set;
    const consumer = envFileNames(read('deployment/consumer.env.example')).set;
    for (const name of ['SITE_TIMEZONE', 'SENSOR_INTERVAL_MS', 'HEARTBEAT_INTERVAL_MS'])
      expect({ name, value: consumer[name] }).toEqual({ name, value: producer[name] });
  });
});

describe.each([
  ['docker-compose.producer.yml', ['simulate']],
  ['docker-compose.consumer.yml', ['process', 'serve']],
])('%s', (file, ours) => {
  const services = composeServices(read(file));

  it('runs our commands, each with an env file from the examples', () => {
    expect(
      services.filter((s) => s.command !== null && s.command in COMMAND_SETTINGS).map((s) => s.command),
    ).toEqual(ours);
    for (const service of services.filter((s) => s.command !== null && s.command in COMMAND_SETTINGS))
      for (const envFile of service.envFiles) expect(read(`${envFile}.example`).length).toBeGreaterThan(0);
  });

  it('sets only variables that are settings of the command each service runs, with valid values', () => {
    for (const service of services.filter((s) => s.command !== null && s.command in COMMAND_SETTINGS)) {
      const spec = COMMAND_SETTINGS[service.command as string] as SettingsSpec;
      const known = envNames(spec);
      const names = Object.keys(service.environment);
      expect(names.length).toBeGreaterThan(0);
      expect({
        service: service.name,
        unknown: names.filter((n) => !known.has(n) && !(n in NOT_SETTINGS)),
      }).toEqual({
        service: service.name,
        unknown: [],
      });
      // values compose fills in at start (${PRODUCER_HOST}) are checked by `docker-compose config` instead
      const literal = Object.fromEntries(
        Object.entries(service.environment).filter(([, v]) => !v.includes('${')),
      );
      expect(() => readAs(spec, literal)).not.toThrow();
    }
  });
});
