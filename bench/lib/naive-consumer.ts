/**
 * The naive baseline of bench/processor.ts, the way the system we replace consumed: a kafkajs
 * consumer (eachMessage) that decodes and scores each reading with the same detector, then awaits
 * one HSET of the reading's fields and one EXPIRE per reading. It reads `count` messages of the
 * pre-filled topic in a group of its own and returns readings/s from its first message to its last.
 */
import type { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { decodeMessages } from '../../src/processor/decode-messages.ts';
import type { Detector } from '../../src/processor/detector.ts';
import { SENSOR_FIELDS, sensorFieldValues } from '../../src/store/sensor-hash.ts';

export interface NaiveJob {
  readonly bootstrap: string;
  readonly topic: string;
  readonly count: number;
  readonly redis: Redis;
  readonly detector: Detector;
}

export async function runNaiveConsumer(job: NaiveJob): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench-naive', brokers: [job.bootstrap], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-naive-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [job.topic], fromBeginning: true });
  let seen = 0;
  let started = 0;
  let seconds = 0;
  const finished = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        if (seen >= job.count) return;
        if (seen === 0) started = performance.now();
        const raw = { topic, partition, offset: message.offset, key: message.key, value: message.value };
        const reading = decodeMessages([raw]).readings[0];
        const assessment = reading ? job.detector.assess([reading])[0] : undefined;
        if (reading && assessment) {
          const key = `naive:sensor:{${reading.sensor_id}}`;
          const values = sensorFieldValues({ reading, assessment }, new Date().toISOString());
          await job.redis.hset(key, ...values.flatMap((v, i) => [SENSOR_FIELDS[i] as string, v]));
          await job.redis.expire(key, 600);
        }
        if (++seen === job.count) {
          seconds = (performance.now() - started) / 1000;
          resolve();
        }
      },
    });
  });
  await finished;
  await consumer.disconnect();
  await job.redis.eval("for _, k in ipairs(redis.call('KEYS', 'naive:*')) do redis.call('DEL', k) end", 0);
  return job.count / seconds;
}
