/** Replies of an executed ioredis pipeline; throws the first command error so the caller can retry. */
export function repliesOf(results: [Error | null, unknown][] | null, what: string): unknown[] {
  if (!results) throw new Error(`Redis ${what} pipeline was discarded`);
  const failed = results.find(([error]) => error);
  if (failed?.[0])
    throw new Error(`Redis ${what} pipeline failed: ${failed[0].message}`, { cause: failed[0] });
  return results.map(([, reply]) => reply);
}
