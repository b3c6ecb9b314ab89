/**
 * The pipeline's input side (Benthos style): an input yields batches of raw messages from one
 * partition, and each batch is acknowledged progressively, chunk by chunk, after the output stored
 * them. For Kafka, acknowledging means resolving the offset (and committing it); the consumer-group
 * runner plugs in here as just another `BatchInput`.
 */
export interface RawMessage {
  readonly topic: string;
  readonly partition: number;
  /** Kafka offsets are int64; kept as a decimal string. */
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
}

export interface InputBatch {
  readonly topic: string;
  readonly partition: number;
  /** Messages in offset order. */
  readonly messages: readonly RawMessage[];
  /** Everything up to and including `messages[count - 1]` is stored; called with growing counts. */
  ack(count: number): Promise<void>;
  /** False once the input lost the partition (rebalance, shutdown): stop and do not ack further. */
  isActive(): boolean;
}

/** Processes one batch completely (or throws); acks it chunk by chunk on the way. */
export type BatchHandler = (batch: InputBatch) => Promise<void>;

export interface BatchInput {
  /** Feeds batches to `handler` until the input ends or `signal` aborts. */
  run(handler: BatchHandler, signal?: AbortSignal): Promise<void>;
}
