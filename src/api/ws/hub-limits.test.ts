/** Backpressure, liveness, capacity, access and shutdown of /ws. */
import { afterEach, describe, expect, it } from 'vitest';
import { scored } from '../../../test/support/sample-readings.ts';
import { createWsHarness, openClient, type WsHarness } from '../../../test/support/ws-harness.ts';
import { WS_CLOSE_GOING_AWAY, WS_CLOSE_TOO_MANY } from '../contract/ws-messages.ts';

const harnesses: WsHarness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.cleanup()));
});
const setup = async () => {
  const h = await createWsHarness();
  harnesses.push(h);
  return h;
};

/** 200 sensors with large states (16 extra channels, long reasons): about 1 KB each as JSON. */
const bigFleet = (seq: number) =>
  Array.from({ length: 200 }, (_, i) =>
    scored(
      {
        sensor_id: `big${String(i).padStart(3, '0')}`,
        seq,
        extra: Object.fromEntries(Array.from({ length: 16 }, (_, k) => [`channel_${k}`, seq + k / 7])),
      },
      'warning',
      { reasons: [`temperature ${'x'.repeat(120)}`, `vibration ${'y'.repeat(120)}`] },
    ),
  );

describe('/ws backpressure', () => {
  it('drops a client that stops reading while the others keep receiving, memory bounded', async () => {
    const h = await setup();
    const server = await h.start({ tickMs: 50, maxBufferBytes: 64 * 1024 });
    await h.writer.write(bigFleet(1));
    const fast = await h.connect('/ws?limit=200');
    const slow = await h.connect('/ws?limit=200');
    await fast.next('initial_data');
    await slow.next('initial_data');
    // stop reading from the TCP socket (ws's own pause() still drains it into memory): the kernel
    // buffers fill, then the server's send buffer grows
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    // (the paused client cannot see its connection end: the server side is what is checked)
    let seq = 2;
    const started = performance.now();
    for (; seq < 200 && server.hub.clientCount === 2; seq++) {
      await h.writer.write(bigFleet(seq));
      await new Promise((r) => setTimeout(r, 20));
    }
    console.log(
      `slow client dropped after ${seq - 2} updates, ${Math.round(performance.now() - started)} ms`,
    );
    expect(server.hub.clientCount).toBe(1);
    const metrics = await server.services.metrics.registry.getSingleMetricAsString(
      'wattwatch_ws_dropped_total',
    );
    expect(metrics).toContain('reason="slow"} 1');
    // the fast client still gets the updates that follow
    const before = fast.received.length;
    await h.writer.write(bigFleet(seq + 1));
    const fresh = () =>
      fast.received
        .slice(before)
        .find((r) => r.message.type === 'realtime_update' && r.message.sensors[0]?.seq === seq + 1);
    while (!fresh()) await new Promise((r) => setTimeout(r, 20));
    expect(fresh()?.message.sensors).toHaveLength(200);
  });
});

describe('/ws liveness and capacity', () => {
  it('closes clients that do not answer ping frames', async () => {
    const h = await setup();
    const server = await h.start({ pingMs: 100 });
    const url = `${server.url.replace('http', 'ws')}/ws`;
    const { WebSocket } = await import('ws');
    const mute = new WebSocket(url, { autoPong: false });
    const answering = await h.connect();
    const closed = new Promise<void>((resolve) => mute.on('close', () => resolve()));
    await closed;
    expect(server.hub.clientCount).toBe(1);
    answering.send({ type: 'ping' });
    await answering.next('pong');
  });

  it('refuses clients beyond the maximum with 1013', async () => {
    const h = await setup();
    await h.start({ maxClients: 2 });
    await h.connect();
    await h.connect();
    const third = await h.connect();
    expect(await third.closed).toBe(WS_CLOSE_TOO_MANY);
  });

  it('closes every client with 1001 when the server stops', async () => {
    const h = await setup();
    const server = await h.start();
    const client = await h.connect();
    await client.next('initial_data');
    await server.close();
    h.servers.splice(0);
    expect(await client.closed).toBe(WS_CLOSE_GOING_AWAY);
  });
});

describe('/ws access', () => {
  it('checks Origin: same origin and the allowlist pass, other sites are refused', async () => {
    const h = await setup();
    const server = await h.start({}, { allowedOrigins: ['https://ops.example.com'] });
    const url = `${server.url.replace('http', 'ws')}/ws`;
    await expect(openClient(url, { origin: 'https://evil.example.net' })).rejects.toThrow('HTTP 403');
    const same = await openClient(url, { origin: server.url });
    await same.next('initial_data');
    const listed = await openClient(url, { origin: 'https://ops.example.com' });
    await listed.next('initial_data');
    same.close();
    listed.close();
  });

  it('needs the token when one is set, as a query parameter or a subprotocol', async () => {
    const h = await setup();
    const server = await h.start({}, { token: 's3cret' });
    const url = `${server.url.replace('http', 'ws')}/ws`;
    await expect(openClient(url)).rejects.toThrow('HTTP 401');
    await expect(openClient(`${url}?token=wrong`)).rejects.toThrow('HTTP 401');
    const byQuery = await openClient(`${url}?token=s3cret`);
    await byQuery.next('initial_data');
    const byProtocol = await openClient(url, { protocols: ['wattwatch', 'bearer.s3cret'] });
    expect(byProtocol.socket.protocol).toBe('wattwatch');
    await byProtocol.next('initial_data');
    byQuery.close();
    byProtocol.close();
  });
});
