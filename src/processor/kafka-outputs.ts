/**
 * The processor's two Kafka outputs over one kafkajs producer (acks from all replicas): dead-letter
 * records to `sensor-data.dlq` (value = the DLQ record as JSON, key = the original message's key) and
 * readings that turned critical to `sensor-alerts` (value = the enriched reading, key = sensor_id).
 * Both resolve only once Kafka has the messages; the chunk processor retries them and acknowledges
 * its chunk after, so neither output loses anything to an outage.
 */
import type { Producer } from 'kafkajs';
import type { SensorState } from '../domain/sensor-state.ts';
import type { ScoredReading } from '../store/sensor-hash.ts';
import type { DlqSink } from './dlq-sink.ts';

/** A DLQ sink that produces to `topic`. */
export function createKafkaDlqSink(producer: Producer, topic: string): DlqSink {
  return {
    async send(records) {
      if (records.length === 0) return;
      await producer.send({
        topic,
        acks: -1,
        messages: records.map(({ key, record }) => ({ key, value: JSON.stringify(record) })),
      });
    },
  };
}

/** Sends each reading that turned critical, enriched with its assessment, to `topic`. */
export function createKafkaAlertSink(
  producer: Producer,
  topic: string,
  now: () => Date = () => new Date(),
): (readings: readonly ScoredReading[]) => Promise<void> {
  return async (readings) => {
    if (readings.length === 0) return;
    const processedAt = now().toISOString();
    await producer.send({
      topic,
      acks: -1,
      messages: readings.map((item) => ({
        key: item.reading.sensor_id,
        value: JSON.stringify({
          ...item.reading,
          ...item.assessment,
          processed_at: processedAt,
        } satisfies SensorState),
      })),
    });
  };
}
