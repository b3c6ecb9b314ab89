import { REPLAY_SETTINGS } from '../../config/replay-config.ts';
import { defineCommand, notBuiltYet } from '../command.ts';

export const replayCommand = defineCommand({
  name: 'replay',
  summary: 'publish a recorded CSV (wattwatch, NAB or SKAB layout) into Kafka, paced or as fast as possible',
  description:
    'Reads recorded data instead of simulating it: a CSV of wattwatch readings, a single-series ' +
    'timestamp,value CSV (NAB) or the ;-separated SKAB layout, and publishes it as readings. Bad rows are ' +
    'reported with their line number.',
  settings: REPLAY_SETTINGS,
  positionals: [{ name: 'FILE', describe: 'the CSV file to replay' }],
  run: notBuiltYet('replay', 4),
});
