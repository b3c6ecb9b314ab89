import { PROCESS_SETTINGS } from '../../config/process-config.ts';
import { defineCommand, notBuiltYet } from '../command.ts';

export const processCommand = defineCommand({
  name: 'process',
  summary: 'stream processor: Kafka consumer group → detection → Redis (scale by running more)',
  description:
    'Joins the consumer group, validates and scores every reading, and writes the latest state, indexes, ' +
    'history and alerts to Redis; invalid messages go to the dead-letter topic. Offsets are committed only ' +
    'after the Redis writes succeeded. Runs on the consumer host; start more to share the partitions.',
  settings: PROCESS_SETTINGS,
  positionals: [],
  run: notBuiltYet('process', 5),
});
