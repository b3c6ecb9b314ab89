/**
 * Dev-broker throughput with the real kafkajs client: `--producers` kafkajs producers, each in its
 * own process, send batches of `--batch` messages of `--size` bytes (one send = one record batch
 * for one partition, `--in-flight` sends pipelined per producer); then one kafkajs consumer group
 * member reads them all back. The broker runs in a child process too, so its CPU share is its own.
 *   npm run bench -- broker [--messages 500000] [--batch 1000] [--size 200] [--partitions 4]
 *                           [--in-flight 8] [--producers 2] [--profile-broker]
 * --profile-broker writes the broker's CPU profile (node --cpu-prof) to bench/out/broker-profile/.
 * Last, the same volume again as pre-encoded frames (see lib/raw-produce.ts): the broker's own
 * ingest rate without the client's encoding cost.
 * Target (issue 3): at least 100,000 messages/s in and out on a 2-core machine. One kafkajs
 * producer alone tops out near that on its own CPU (see --producers 1), hence two by default.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { rawProduce } from './lib/raw-produce.ts';
import { printTable, writeResult } from './lib/report.ts';

interface Usage {
  readonly cpuMicros: number;
  readonly rss: number;
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      messages: { type: 'string', default: '500000' },
      batch: { type: 'string', default: '1000' },
      size: { type: 'string', default: '200' },
      partitions: { type: 'string', default: '4' },
      'in-flight': { type: 'string', default: '8' },
      producers: { type: 'string', default: '2' },
      'profile-broker': { type: 'boolean', default: false },
    },
  });
  const batch = Number(values.batch);
  const producers = Number(values.producers);
  const total = Math.ceil(Number(values.messages) / batch / producers) * batch * producers;
  const size = Number(values.size);
  const partitions = Number(values.partitions);
  const inFlight = Number(values['in-flight']);

  const { child, port } = await startChild(values['profile-broker'] === true);
  const usage = () => ask(child);
  const kafka = new Kafka({ clientId: 'bench', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: ['bench', 'bench-raw'].map((topic) => ({ topic, numPartitions: partitions })),
  });
  await admin.disconnect();

  const producerChildren = await Promise.all(Array.from({ length: producers }, () => startProducer(port)));
  const job = { type: 'go', sends: total / batch / producers, batch, size, partitions, inFlight };
  let producerCpu = 0;
  const produced = await measure(usage, async () => {
    const done = producerChildren.map(
      (p, index) =>
        new Promise<void>((resolve) => {
          p.once('message', (m: { cpuMicros: number }) => {
            producerCpu += m.cpuMicros;
            resolve();
          });
          p.send({ ...job, index });
        }),
    );
    await Promise.all(done);
  });
  const consumed = await measure(usage, () => consume(kafka, total, partitions));
  const raw = await measure(usage, () =>
    rawProduce({
      port,
      topic: 'bench-raw',
      partitions,
      sends: total / batch,
      batch,
      size,
      window: inFlight * producers,
    }),
  );
  const { rss } = await usage();
  child.send({ type: 'stop' });

  const producedClientCpu = producerCpu / 1e6 / produced.seconds;
  const row = (direction: string, m: Measured, clientCpu: number) => ({
    direction,
    messages: total,
    seconds: m.seconds,
    'messages/s': Math.round(total / m.seconds),
    'MB/s': (total * size) / m.seconds / 1e6,
    'broker CPU %': m.brokerCpu * 100,
    'client CPU %': clientCpu * 100,
  });
  printTable([
    row(`in (${producers} producer${producers > 1 ? 's' : ''})`, produced, producedClientCpu),
    row('out (1 consumer)', consumed, consumed.benchCpu),
    row('in (pre-encoded frames)', raw, raw.benchCpu),
  ]);
  const rateIn = total / produced.seconds;
  const rateOut = total / consumed.seconds;
  console.log(`\nbroker RSS at the end: ${(rss / 1e6).toFixed(0)} MB (all ${2 * total} messages retained)`);
  console.log("client CPU %: the producers' or the consumer's CPU (100 = one core). The pre-encoded row is");
  console.log(
    'the broker ingesting without client encoding cost: one kafkajs-encoded frame per partition, resent.',
  );
  console.log(
    `target: >= 100,000 messages/s in (${rateIn >= 100_000 ? 'met' : 'NOT met'}) and out (${rateOut >= 100_000 ? 'met' : 'NOT met'})`,
  );
  writeResult('broker', {
    messages: total,
    batch,
    size,
    partitions,
    in_flight: inFlight,
    producers,
    in_per_s: Math.round(rateIn),
    out_per_s: Math.round(rateOut),
    broker_cpu_in: round(produced.brokerCpu),
    broker_cpu_out: round(consumed.brokerCpu),
    raw_in_per_s: Math.round(total / raw.seconds),
    broker_cpu_raw_in: round(raw.brokerCpu),
    producers_cpu_in: round(producedClientCpu),
    consumer_cpu_out: round(consumed.benchCpu),
    broker_rss_mb: Math.round(rss / 1e6),
  });
}

interface Measured {
  readonly seconds: number;
  /** Broker CPU time / wall time: 1.0 = one core fully busy. */
  readonly brokerCpu: number;
  readonly benchCpu: number;
}

async function measure(usage: () => Promise<Usage>, work: () => Promise<void>): Promise<Measured> {
  const before = await usage();
  const benchBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const bench = process.cpuUsage(benchBefore);
  const after = await usage();
  return {
    seconds,
    brokerCpu: (after.cpuMicros - before.cpuMicros) / 1e6 / seconds,
    benchCpu: (bench.user + bench.system) / 1e6 / seconds,
  };
}

/** Reads until `total` messages arrived, one group member consuming every partition. */
async function consume(kafka: Kafka, total: number, partitions: number): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'bench-readers', maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'bench', fromBeginning: true });
  let count = 0;
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        partitionsConsumedConcurrently: partitions,
        eachBatch: async ({ batch }) => {
          count += batch.messages.length;
          if (count >= total) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
}

function startProducer(port: number): Promise<ChildProcess> {
  const child = fork(new URL('./lib/producer-child.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_BOOTSTRAP: `127.0.0.1:${port}` },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', () => resolve(child));
  });
}

function startChild(profileBroker: boolean): Promise<{ child: ChildProcess; port: number }> {
  const profile = profileBroker ? ['--cpu-prof', '--cpu-prof-dir=bench/out/broker-profile'] : [];
  const child = fork(new URL('./lib/broker-child.ts', import.meta.url), {
    execArgv: ['--import', 'tsx', ...profile],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m: { type: string; port: number }) => resolve({ child, port: m.port }));
  });
}

function ask(child: ChildProcess): Promise<Usage> {
  return new Promise((resolve) => {
    const onMessage = (m: { type: string } & Usage) => {
      if (m.type !== 'usage') return;
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.send({ type: 'usage' });
  });
}

function round(value: number): number {
  return Number(value.toFixed(3));
}
