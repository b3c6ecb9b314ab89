/**
 * One kafkajs producer in its own process, for bench/broker.ts: a single kafkajs producer is
 * CPU-bound below the broker's rate (it groups messages per partition quadratically and encodes
 * every record in JS), so the bench can run several side by side. Connects, reports `ready`,
 * sends on `go`, reports `done` with its CPU time.
 */
import { Kafka, logLevel } from 'kafkajs';

interface Job {
  readonly type: 'go';
  readonly sends: number;
  readonly batch: number;
  readonly size: number;
  readonly partitions: number;
  readonly inFlight: number;
  /** This producer's index: its sends start at this partition, so producers share partitions evenly. */
  readonly index: number;
}

const bootstrap = process.env.BENCH_BOOTSTRAP ?? '';
const kafka = new Kafka({ clientId: 'bench-producer', brokers: [bootstrap], logLevel: logLevel.NOTHING });
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();

process.on('message', async (job: Job) => {
  const value = Buffer.alloc(job.size, 'x');
  const cpuBefore = process.cpuUsage();
  let next = 0;
  const worker = async () => {
    while (next < job.sends) {
      const partition = (job.index + next++) % job.partitions;
      const messages = Array.from({ length: job.batch }, () => ({ key: null, value, partition }));
      await producer.send({ topic: 'bench', acks: -1, messages });
    }
  };
  await Promise.all(Array.from({ length: job.inFlight }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  await producer.disconnect();
  process.send?.({ type: 'done', cpuMicros: cpu.user + cpu.system }, () => process.disconnect());
});
process.send?.({ type: 'ready' });
