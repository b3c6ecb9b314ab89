/**
 * Pre-fills the dev broker for bench/processor.ts in a process of its own, so the processor's RSS
 * and CPU figures carry nothing of the producing: `rounds` readings of each of `sensors` sensors
 * (bench/lib/fleet-messages.ts), keyed by sensor id, sensor s on partition s mod `partitions`, sent
 * by kafkajs in batches of a few thousand with several requests in flight. Reports `{type: 'done',
 * count, bytes}` over IPC and exits.
 */
import { Kafka, logLevel, type Message } from 'kafkajs';
import { encodeReading } from '../../src/domain/reading-codec.ts';
import { benchReading, sensorId } from './fleet-messages.ts';

const env = (name: string) => Number(process.env[name]);
const sensors = env('BENCH_SENSORS');
const rounds = env('BENCH_ROUNDS');
const partitions = env('BENCH_PARTITIONS');
const roundMs = env('BENCH_ROUND_MS');
const topic = process.env.BENCH_TOPIC ?? 'sensor-data';
const BATCH = 6000;
const IN_FLIGHT = 3;

const kafka = new Kafka({
  clientId: 'bench-prefill',
  brokers: [process.env.BENCH_BOOTSTRAP ?? ''],
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic, numPartitions: partitions }] });
await admin.disconnect();
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();

let next = 0;
let bytes = 0;
const total = sensors * rounds;
/** Messages next..next+BATCH in the order a simulator sends them: round by round, sensor by sensor. */
function batch(): Message[] {
  const out: Message[] = [];
  for (; next < total && out.length < BATCH; next++) {
    const round = Math.floor(next / sensors);
    const s = next % sensors;
    const value = encodeReading(benchReading(s, round, roundMs));
    bytes += value.length;
    out.push({ key: sensorId(s), value, partition: s % partitions });
  }
  return out;
}
// batches in flight at once never hold two readings of one sensor while the fleet is this large, so
// each sensor's readings still land in seq order
const lanes = sensors >= BATCH * IN_FLIGHT ? IN_FLIGHT : 1;
const lane = async () => {
  for (let messages = batch(); messages.length > 0; messages = batch())
    await producer.send({ topic, acks: -1, messages });
};
await Promise.all(Array.from({ length: lanes }, lane));
await producer.disconnect();
process.send?.({ type: 'done', count: total, bytes });
process.disconnect();
