import { describe, expect, it } from 'vitest';
import { awaitShutdown } from './shutdown.ts';

describe('awaitShutdown', () => {
  it('resolves on the first SIGTERM or SIGINT and calls onSecond for the next one', async () => {
    const listenersBefore = process.listenerCount('SIGTERM');
    const seconds: string[] = [];
    const shutdown = awaitShutdown((signal) => seconds.push(signal), 0);
    process.emit('SIGTERM', 'SIGTERM');
    expect(await shutdown.received).toBe('SIGTERM');
    process.emit('SIGINT', 'SIGINT');
    expect(seconds).toEqual(['SIGINT']);
    shutdown.dispose();
    expect(process.listenerCount('SIGTERM')).toBe(listenersBefore);
  });

  it('takes the same signal again within the repeat window as one keypress (npm forwards Ctrl-C)', async () => {
    const seconds: string[] = [];
    const shutdown = awaitShutdown((signal) => seconds.push(signal), 60_000);
    process.emit('SIGINT', 'SIGINT');
    expect(await shutdown.received).toBe('SIGINT');
    process.emit('SIGINT', 'SIGINT');
    expect(seconds).toEqual([]);
    process.emit('SIGTERM', 'SIGTERM');
    expect(seconds).toEqual(['SIGTERM']);
    shutdown.dispose();
  });
});
