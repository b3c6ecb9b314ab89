/**
 * Where producers put batches of messages: Kafka in production (`createProducerSink`), memory in
 * tests. The loops above it decide what to do when a send fails; a sink only reports it.
 */
export interface OutMessage {
  readonly key: string | Buffer;
  readonly value: string | Buffer;
  /** Set when the producer computed the key's partition itself (same as kafkajs' default partitioner). */
  readonly partition?: number;
}

export interface BatchSink {
  /** False while not connected: producers skip (simulate) or wait (replay) instead of queueing. */
  ready(): boolean;
  /** Partition count of `topic` once known (after connecting); undefined when the sink cannot tell. */
  partitionCount?(topic: string): number | undefined;
  /** Resolves once every message is acknowledged (acks = all); rejects when delivery failed. */
  send(topic: string, messages: readonly OutMessage[]): Promise<void>;
}
