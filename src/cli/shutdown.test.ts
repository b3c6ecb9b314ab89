import { describe, expect, it } from 'vitest';
import { awaitShutdown } from './shutdown.ts';

describe('awaitShutdown', () => {
  it('resolves on the first SIGTERM or SIGINT and calls onSecond for the next one', async () => {
    const listenersBefore = process.listenerCount('SIGTERM');
    const seconds: string[] = [];
    const shutdown = awaitShutdown((signal) => seconds.push(signal));
    process.emit('SIGTERM', 'SIGTERM');
    expect(await shutdown.received).toBe('SIGTERM');
    process.emit('SIGINT', 'SIGINT');
    expect(seconds).toEqual(['SIGINT']);
    shutdown.dispose();
    expect(process.listenerCount('SIGTERM')).toBe(listenersBefore);
  });
});
