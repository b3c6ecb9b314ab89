/**
 * All topics of the broker. Creation validates as Kafka's CreateTopics does and is synchronous, so
 * a client polling Metadata after CreateTopics sees leaders at once. Deleting a topic wakes its
 * parked fetches so they answer UNKNOWN_TOPIC_OR_PARTITION instead of waiting out max_wait.
 */
import { ErrorCode } from '../protocol/error-code.ts';
import type { Retention } from './partition-log.ts';
import { Topic } from './topic.ts';
import { isValidTopicName } from './topic-name.ts';

/** Partition counts beyond this are refused as INVALID_PARTITIONS: each partition costs memory. */
export const MAX_PARTITIONS = 10_000;

export type CreateTopicResult =
  | { readonly ok: true; readonly topic: Topic }
  | { readonly ok: false; readonly error: ErrorCode; readonly message: string };

export class TopicStore {
  private readonly topics = new Map<string, Topic>();

  constructor(private readonly defaultRetention: Retention) {}

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  all(): IterableIterator<Topic> {
    return this.topics.values();
  }

  /** Checks a would-be topic without creating it (CreateTopics with validate_only). */
  validate(name: string, partitions: number): CreateTopicResult | null {
    if (!isValidTopicName(name)) {
      return fail(ErrorCode.INVALID_TOPIC_EXCEPTION, `invalid topic name '${name}'`);
    }
    if (this.topics.has(name)) return fail(ErrorCode.TOPIC_ALREADY_EXISTS, `topic '${name}' already exists`);
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > MAX_PARTITIONS) {
      return fail(ErrorCode.INVALID_PARTITIONS, `partition count ${partitions} not in 1..${MAX_PARTITIONS}`);
    }
    return null;
  }

  create(name: string, partitions: number, retention: Partial<Retention> = {}): CreateTopicResult {
    const problem = this.validate(name, partitions);
    if (problem) return problem;
    const topic = new Topic(name, partitions, { ...this.defaultRetention, ...retention });
    this.topics.set(name, topic);
    return { ok: true, topic };
  }

  delete(name: string): boolean {
    const topic = this.topics.get(name);
    if (!topic) return false;
    this.topics.delete(name);
    topic.wakeAll();
    return true;
  }

  /** Applies age retention to every partition; called from the broker's housekeeping timer. */
  enforceRetention(now: number): void {
    for (const topic of this.topics.values()) {
      for (const partition of topic.partitions) partition.enforceRetention(now);
    }
  }
}

function fail(error: ErrorCode, message: string): CreateTopicResult {
  return { ok: false, error, message };
}
