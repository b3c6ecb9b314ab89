/**
 * Where producers put batches of messages: Kafka in production (`createProducerSink`), memory in
 * tests. The loops above it decide what to do when a send fails; a sink only reports it.
 */
export interface OutMessage {
  readonly key: string;
  /** kafkajs writes strings straight into its request buffer, so JSON text needs no Buffer. */
  readonly value: string | Buffer;
}

export interface BatchSink {
  /** False while not connected: producers skip (simulate) or wait (replay) instead of queueing. */
  ready(): boolean;
  /** Resolves once every message is acknowledged (acks = all); rejects when delivery failed. */
  send(topic: string, messages: readonly OutMessage[]): Promise<void>;
}
