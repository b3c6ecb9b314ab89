/** Counters of a producer run; progress lines and the heartbeat read them. */
export interface PublishStats {
  /** Readings built and handed to the sink. */
  generated: number;
  /** Readings Kafka acknowledged. */
  sent: number;
  /** Readings in batches that failed after the client's retries (dropped, never re-sent). */
  failed: number;
  /** Slots passed over without a reading: Kafka down, backed off, or the loop fell behind. */
  skipped: number;
  /** Slots where the sensor was silent (an injected dropout). */
  silent: number;
  /** Batches that failed. */
  sendErrors: number;
  /** Rows of a replay file that could not be used (reported with their line numbers). */
  badRows: number;
  /** Batches sent and not yet settled. */
  inFlight: number;
}

export function createPublishStats(): PublishStats {
  return { generated: 0, sent: 0, failed: 0, skipped: 0, silent: 0, sendErrors: 0, badRows: 0, inFlight: 0 };
}
