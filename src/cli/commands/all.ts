import { ALL_SETTINGS } from '../../config/all-config.ts';
import { defineCommand, notBuiltYet } from '../command.ts';

export const allCommand = defineCommand({
  name: 'all',
  summary: 'everything in one process on embedded defaults (what `npm start` runs)',
  description:
    'Starts the dev broker (unless KAFKA_BROKERS is set), uses the Redis at REDIS_URL or a private one, ' +
    'and runs the simulator, the processor and the server together, then prints the dashboard URL.',
  settings: ALL_SETTINGS,
  positionals: [],
  run: notBuiltYet('all', 9),
});
