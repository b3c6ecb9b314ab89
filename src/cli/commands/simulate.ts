import { SIMULATE_SETTINGS } from '../../config/simulate-config.ts';
import { defineCommand, notBuiltYet } from '../command.ts';

export const simulateCommand = defineCommand({
  name: 'simulate',
  summary: 'fleet simulator: realistic telemetry with labelled anomalies and a heartbeat into Kafka',
  description:
    'Simulates a fleet of energy sensors (300 by default, 100,000+ on demand) and publishes one reading per ' +
    'sensor per interval to the readings topic, keyed by sensor_id, plus a heartbeat every 2 s. Runs on the ' +
    'producer host. The same seed gives the same fleet and the same values.',
  settings: SIMULATE_SETTINGS,
  positionals: [],
  run: notBuiltYet('simulate', 4),
});
