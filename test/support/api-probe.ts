/**
 * A watcher of one serve instance, run as its own process (`node --import tsx`) where the test
 * cannot reach, e.g. inside a network namespace. It prints one JSON line per observation:
 * `{probe: "ws", type}` for each WebSocket message, `{probe: "producer", is_active}` and
 * `{probe: "stats", total_sensors, total_readings}` every 250 ms. Stops on SIGTERM or after 10 min.
 *   node --import tsx test/support/api-probe.ts http://127.0.0.1:8000
 */
import { WebSocket } from 'ws';

const base = process.argv[2] ?? 'http://127.0.0.1:8000';
const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

function watchSocket(): void {
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/ws`);
  socket.on('message', (data) =>
    print({ probe: 'ws', type: (JSON.parse(data.toString()) as { type: string }).type }),
  );
  socket.on('error', (error) => print({ probe: 'ws-error', error: error.message }));
  socket.on('close', () => setTimeout(watchSocket, 500)); // serve not up yet, or restarted
}

async function poll(): Promise<void> {
  try {
    const producer = (await (await fetch(`${base}/api/producer/status`)).json()) as { is_active: boolean };
    const stats = (await (await fetch(`${base}/api/dashboard/stats`)).json()) as Record<string, number>;
    print({ probe: 'producer', is_active: producer.is_active });
    print({ probe: 'stats', total_sensors: stats.total_sensors, total_readings: stats.total_readings });
  } catch (error) {
    print({ probe: 'http-error', error: (error as Error).message });
  }
}

watchSocket();
const timer = setInterval(() => void poll(), 250);
const stop = () => {
  clearInterval(timer);
  process.exit(0);
};
process.on('SIGTERM', stop);
setTimeout(stop, 600_000).unref();
