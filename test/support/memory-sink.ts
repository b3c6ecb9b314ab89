/**
 * A BatchSink that keeps what it is sent, for testing producer loops without Kafka (the Kafka
 * sink itself is tested against the dev broker). It can be down, fail sends, or hold them.
 */
import type { Logger } from '../../src/log/logger.ts';
import type { BatchSink, OutMessage } from '../../src/simulator/publish/batch-sink.ts';
import type { Clock } from '../../src/simulator/publish/clock.ts';

export interface SentMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  /** When it was acknowledged, by the sink's clock (0 without one). */
  readonly at: number;
  /** The partition the producer chose, when it chose one. */
  readonly partition?: number;
}

export class MemorySink implements BatchSink {
  readonly messages: SentMessage[] = [];
  /** Sizes of the batches sent, in order. */
  readonly batches: number[] = [];
  connected = true;
  failing = false;
  holding = false;
  private held: (() => void)[] = [];

  /** Partition counts the sink reports, as a Kafka sink does once connected. */
  readonly partitions = new Map<string, number>();

  constructor(private readonly clock?: Clock) {}

  ready(): boolean {
    return this.connected;
  }

  partitionCount(topic: string): number | undefined {
    return this.partitions.get(topic);
  }

  async send(topic: string, messages: readonly OutMessage[]): Promise<void> {
    if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.failing) throw new Error('broker not available');
    this.batches.push(messages.length);
    const at = this.clock?.now() ?? 0;
    for (const m of messages) {
      const sent = { topic, key: m.key.toString(), value: m.value.toString(), at };
      this.messages.push(m.partition === undefined ? sent : { ...sent, partition: m.partition });
    }
  }

  /** Lets held sends complete. */
  release(): void {
    this.holding = false;
    for (const resolve of this.held.splice(0)) resolve();
  }

  get heldCount(): number {
    return this.held.length;
  }

  on(topic: string): SentMessage[] {
    return this.messages.filter((m) => m.topic === topic);
  }
}

/** A logger that records lines for assertions. */
export function memoryLogger() {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const make = (): Logger => ({
    debug: (message, fields = {}) => lines.push({ level: 'debug', message, fields }),
    info: (message, fields = {}) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields = {}) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields = {}) => lines.push({ level: 'error', message, fields }),
    child: () => make(),
  });
  return { log: make(), lines };
}
