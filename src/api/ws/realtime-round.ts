/**
 * Computes one `realtime_update` round for every view group, without sending it: per group its ids
 * and the change tokens of the ids it had (one round trip), then only the states that moved (a
 * second one when anything did), then one frame serialized and UTF-8 encoded for all its clients.
 * Groups are read `concurrency` at a time. Stats are taken after a group's sensors were read, so an
 * update never shows a sensor's new state with fleet counts from before it; one message head per
 * stats value serves every group.
 *
 * Splitting "compute" from "send" lets the ticker (realtime-ticker.ts) read Redis ahead of the
 * deadline and send on time. `ts` is the deadline the round is for, `as_of` when its store reads
 * began: the data in a frame is at least as new as `as_of`.
 */
import type { ApiServices } from '../api-services.ts';
import type { StatsSummary } from '../contract/ws-messages.ts';
import type { ProducerMonitor } from './producer-monitor.ts';
import type { ViewGroup } from './view-group.ts';

export interface PreparedFrame<C> {
  readonly group: ViewGroup<C>;
  /** The serialized, encoded `realtime_update` for the group's clients. */
  readonly frame: Buffer;
}

export interface PreparedRound<C> {
  readonly frames: PreparedFrame<C>[];
  /** performance.now() when the last group's store reads were answered. */
  readonly readsDoneAt: number;
  /** Synchronous time spent diffing and serializing, ms (CPU, excluding the waits on Redis). */
  readonly buildMs: number;
}

/** Reads and serializes one round for `groups` (groups without clients are skipped). */
export async function prepareRound<C>(
  s: ApiServices,
  producers: ProducerMonitor,
  groups: readonly ViewGroup<C>[],
  times: { readonly ts: string; readonly asOf: string },
  concurrency: number,
): Promise<PreparedRound<C>> {
  let head: { stats: StatsSummary; text: string } | null = null;
  let readsDoneAt = performance.now();
  let buildMs = 0;
  const headOf = async () => {
    const [stats, fallback] = await Promise.all([
      s.stats.get(),
      producers.current() ? null : s.producers.get(),
    ]);
    if (head?.stats !== stats) {
      const producerStatus = JSON.stringify(producers.current() ?? fallback);
      head = {
        stats,
        text: `{"type":"realtime_update","ts":"${times.ts}","as_of":"${times.asOf}","stats":${JSON.stringify(stats)},"producer_status":${producerStatus}`,
      };
    }
    return head.text;
  };
  const frames: PreparedFrame<C>[] = [];
  const pending = groups.filter((group) => group.clients.size > 0);
  const worker = async () => {
    for (let group = pending.pop(); group; group = pending.pop()) {
      const known = group.known();
      const [listing, knownVersions] = await Promise.all([
        s.reader.listSensorIds(group.filter),
        s.reader.getSensorVersions(known),
      ]);
      let started = performance.now();
      const versionOf = new Map(known.map((id, i) => [id, knownVersions[i]]));
      const versions = listing.ids.map((id) => versionOf.get(id));
      const stale = group.stale(listing, versions);
      buildMs += performance.now() - started;
      const states = stale.length > 0 ? await s.reader.getSensors(stale) : [];
      const headText = await headOf();
      readsDoneAt = Math.max(readsDoneAt, performance.now());
      started = performance.now();
      const { changed, removed } = group.update(listing, versions, states);
      const data = `${headText},"sensors":${JSON.stringify(changed)},"removed":${JSON.stringify(removed)},"next_cursor":${JSON.stringify(listing.next_cursor)}}`;
      frames.push({ group, frame: Buffer.from(data) });
      buildMs += performance.now() - started;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
  return { frames, readsDoneAt, buildMs };
}
