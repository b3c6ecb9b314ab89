/**
 * Splits each input batch into chunks of at most `chunkSize` messages, processes them one after the
 * other, acknowledges each chunk once it is stored, and yields to the event loop between chunks, so
 * a large Kafka batch never blocks timers, heartbeats or the API for long.
 */
import type { ChunkOutcome, ChunkProcessor } from './chunk-processor.ts';
import type { BatchHandler } from './input.ts';

export interface BatchHandlerOptions {
  readonly chunkSize: number;
  /** Called after each chunk is acknowledged (benchmarks, tests). */
  readonly onChunk?: (outcome: ChunkOutcome) => void;
}

/** A handler that runs `processChunk` over each batch chunk by chunk. */
export function createBatchHandler(processChunk: ChunkProcessor, options: BatchHandlerOptions): BatchHandler {
  return async (batch) => {
    const { messages } = batch;
    for (let from = 0; from < messages.length; from += options.chunkSize) {
      if (!batch.isActive()) return;
      const chunk = messages.slice(from, from + options.chunkSize);
      const outcome = await processChunk(chunk, () => batch.isActive());
      await batch.ack(from + chunk.length);
      options.onChunk?.(outcome);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
}
