/**
 * The baseline for the publish benchmark: the obvious way to put the simulator into Kafka, which
 * is what phase 1 did. Every linger tick, the due readings become plain messages (key =
 * sensor_id, value = JSON text) and go out with one `producer.send` (at most 5,000 per send,
 * 4 sends in flight), kafkajs choosing partitions from the keys. Same fleet, generator and
 * schedule as the real simulator, in one thread.
 */
import type { Kafka } from 'kafkajs';
import { Partitioners } from 'kafkajs';
import { createFleet } from '../../src/simulator/fleet/create-fleet.ts';
import { createSlotSchedule } from '../../src/simulator/schedule/slot-schedule.ts';
import { createGenerator } from '../../src/simulator/signals/create-generator.ts';

export interface NaivePublisherOptions {
  readonly kafka: Kafka;
  readonly topic: string;
  readonly sensors: number;
  readonly intervalMs: number;
  readonly seed: number;
}

const LINGER_MS = 50;
const MAX_BATCH = 5000;
const MAX_IN_FLIGHT = 4;

export interface NaivePublisher {
  stats(): { sent: number; skipped: number; failed: number };
  stop(): Promise<void>;
}

export async function startNaivePublisher(options: NaivePublisherOptions): Promise<NaivePublisher> {
  const producer = options.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const startMs = Date.now();
  const generator = createGenerator(createFleet({ sensors: options.sensors, seed: options.seed }), {
    startMs,
    intervalMs: options.intervalMs,
  });
  const schedule = createSlotSchedule({ ...options, startMs, jitter: 0.05 });
  const stats = { sent: 0, skipped: 0, failed: 0 };
  const pending = new Set<Promise<void>>();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout>;

  const tick = () => {
    while (!stopped && pending.size < MAX_IN_FLIGHT) {
      const messages: { key: string; value: string }[] = [];
      const result = schedule.advance(
        Date.now(),
        (i, slot, jitter) => {
          const reading = generator.sample(i, slot, jitter);
          if (reading) messages.push({ key: reading.sensor_id, value: JSON.stringify(reading) });
        },
        MAX_BATCH,
      );
      stats.skipped += result.skipped;
      if (messages.length === 0) break;
      const sent: Promise<void> = producer
        .send({ topic: options.topic, acks: -1, messages })
        .then(() => {
          stats.sent += messages.length;
        })
        .catch(() => {
          stats.failed += messages.length;
        })
        .finally(() => pending.delete(sent));
      pending.add(sent);
    }
    if (!stopped) timer = setTimeout(tick, LINGER_MS);
  };
  timer = setTimeout(tick, 0);

  return {
    stats: () => ({ ...stats }),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.all(pending);
      await producer.disconnect();
    },
  };
}
