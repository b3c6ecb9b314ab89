/**
 * WebSocket clients for bench/api.ts in their own process: `count` clients spread over `filters`
 * distinct views, all times on the machine's wall clock (shared with the server and the bench).
 *
 *  - realtime_update: lag = receipt − `ts`, the deadline the update was due at (serve's rounds are
 *    on a fixed schedule and `ts` says which deadline; the naive server stamps its timer's firing);
 *    age = receipt − `as_of`, when the server began reading the data it carries (naive: `ts`, it
 *    reads at the deadline). Lag says how punctual updates are, age how fresh their data is.
 *  - critical_alert: the receipt times per burst, keyed by the burst's first alert id, for the
 *    bench to time against the processor's notice of that alert.
 */
import { WebSocket } from 'ws';

interface Job {
  readonly type: 'go';
  readonly url: string;
  readonly count: number;
  readonly filters: readonly string[];
  readonly seconds: number;
}

const wallNow = () => performance.timeOrigin + performance.now();
// `{"type":"realtime_update","ts":"` is 32 characters, an ISO time 24; serve's `as_of` follows
const TS_AT = 32;
const AS_OF_KEY = '","as_of":"';
const AS_OF_AT = TS_AT + 24 + AS_OF_KEY.length;

process.on('message', async (job: Job) => {
  if (job.type !== 'go') return;
  const lags: number[] = [];
  const ages: number[] = [];
  const alerts = new Map<string, number[]>();
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
        const at = wallNow();
        const text = String(data);
        if (text.startsWith('{"type":"critical_alert"')) {
          const id = (JSON.parse(text) as { data: { alerts: { id: string }[] } }).data.alerts[0]?.id;
          if (id) {
            const times = alerts.get(id);
            if (times) times.push(at);
            else alerts.set(id, [at]);
          }
          return;
        }
        if (!text.startsWith('{"type":"realtime_update"')) return;
        deliveries++;
        const ts = Date.parse(text.slice(TS_AT, TS_AT + 24));
        const asOf = text.startsWith(AS_OF_KEY, TS_AT + 24)
          ? Date.parse(text.slice(AS_OF_AT, AS_OF_AT + 24))
          : ts;
        lags.push(at - ts);
        ages.push(at - asOf);
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
  const at = (values: number[], q: number) => {
    values.sort((a, b) => a - b);
    return values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? Number.NaN;
  };
  process.send?.(
    {
      type: 'done',
      deliveries,
      perSecond: deliveries / job.seconds,
      p50: at(lags, 0.5),
      p99: at(lags, 0.99),
      max: lags.at(-1) ?? Number.NaN,
      ageP50: at(ages, 0.5),
      ageP99: at(ages, 0.99),
      closedEarly,
      alerts: Object.fromEntries(alerts),
    },
    () => process.disconnect(),
  );
});
process.send?.({ type: 'ready' });
