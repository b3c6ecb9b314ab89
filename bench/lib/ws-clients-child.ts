/**
 * WebSocket clients for bench/api.ts in their own process: `count` clients spread over `filters`
 * distinct views; for every realtime_update the lag is receipt time − the message's `ts` (when the
 * server began that tick), on the same machine clock.
 */
import { WebSocket } from 'ws';

interface Job {
  readonly type: 'go';
  readonly url: string;
  readonly count: number;
  readonly filters: readonly string[];
  readonly seconds: number;
}

process.on('message', async (job: Job) => {
  if (job.type !== 'go') return;
  const lags: number[] = [];
  let deliveries = 0;
  let closedEarly = 0;
  let measuring = false;
  const sockets: WebSocket[] = [];
  await Promise.all(
    Array.from({ length: job.count }, (_, i) => {
      const ws = new WebSocket(`${job.url.replace('http', 'ws')}/ws?${job.filters[i % job.filters.length]}`);
      sockets.push(ws);
      ws.on('message', (data) => {
        if (!measuring) return;
        const text = String(data);
        if (!text.startsWith('{"type":"realtime_update"')) return;
        deliveries++;
        // `{"type":"realtime_update","ts":"` is 32 characters; the ISO time follows
        lags.push(Date.now() - Date.parse(text.slice(32, 56)));
      });
      ws.on('close', () => {
        if (measuring) closedEarly++;
      });
      return new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
    }),
  );
  // let every client get its initial_data and the views settle
  await new Promise((r) => setTimeout(r, 2000));
  measuring = true;
  await new Promise((r) => setTimeout(r, job.seconds * 1000));
  measuring = false;
  for (const ws of sockets) ws.terminate();
  lags.sort((a, b) => a - b);
  const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] ?? Number.NaN;
  process.send?.(
    {
      type: 'done',
      deliveries,
      perSecond: deliveries / job.seconds,
      p50: at(0.5),
      p99: at(0.99),
      max: lags.at(-1) ?? Number.NaN,
      closedEarly,
    },
    () => process.disconnect(),
  );
});
process.send?.({ type: 'ready' });
