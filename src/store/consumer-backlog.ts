/**
 * The consumers' backlog, shared through Redis so the processor that runs the offline sweep allows
 * for every group member's backlog, not only its own (a member catching up on its partitions would
 * otherwise see its sensors marked offline by another member's sweep). Each processor reports the
 * age of its backlog (backlog-tracker.ts) once per sweep interval into one hash:
 *
 *   ww:backlog   field: processor name   value: `lag ms|reported at ms`
 *
 * A report older than the freshness window is ignored (its processor stopped; the group hands its
 * partitions to the others) and deleted once it is ten windows old.
 */
import type { Redis } from 'ioredis';
import type { RedisKeys } from './keys.ts';
import { repliesOf } from './pipeline-replies.ts';

/** Records `owner`'s backlog age, then returns the largest fresh one of all processors (ms). */
export async function shareBacklog(
  redis: Redis,
  keys: RedisKeys,
  report: { readonly owner: string; readonly lagMs: number; readonly atMs: number; readonly freshMs: number },
): Promise<number> {
  const { owner, lagMs, atMs, freshMs } = report;
  const replies = repliesOf(
    await redis
      .pipeline()
      .hset(keys.backlog, owner, `${Math.max(0, Math.round(lagMs))}|${atMs}`)
      .hgetall(keys.backlog)
      .exec(),
    'share backlog',
  );
  let largest = 0;
  const forgotten: string[] = [];
  for (const [name, value] of Object.entries(replies[1] as Record<string, string>)) {
    const [lag, at] = value.split('|').map(Number) as [number, number];
    const age = atMs - at;
    if (!(age <= 10 * freshMs)) forgotten.push(name);
    else if (age <= freshMs && lag > largest) largest = lag;
  }
  if (forgotten.length > 0) await redis.hdel(keys.backlog, ...forgotten);
  return largest;
}
