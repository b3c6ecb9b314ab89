import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../test/support/manual-clock.ts';
import { memoryLogger } from '../../../test/support/memory-sink.ts';
import { startProgress } from './progress.ts';
import { createPublishStats } from './publish-stats.ts';

describe('startProgress', () => {
  it('rewrites one terminal line a second with rate, sent, errors and skipped', async () => {
    const clock = new ManualClock(0);
    const stats = createPublishStats();
    const written: string[] = [];
    const { log, lines } = memoryLogger();
    const progress = startProgress(
      () => stats,
      { tty: true, intervalMs: 10_000, write: (t) => written.push(t) },
      { log, clock },
    );
    stats.sent = 12_000;
    stats.failed = 3;
    await clock.advance(1000);
    expect(written).toEqual(['\r\x1b[Ksent 12,000 · 12,000/s · errors 3 · skipped 0']);
    stats.sent = 15_000;
    stats.badRows = 2;
    await clock.advance(1000);
    expect(written[1]).toBe('\r\x1b[Ksent 15,000 · 3,000/s · errors 3 · skipped 0 · bad rows 2');
    progress.stop();
    expect(written.at(-1)).toBe('\n');
    expect(lines).toEqual([]);
  });

  it('logs a structured line every interval when not on a terminal, and writes nothing else', async () => {
    const clock = new ManualClock(0);
    const stats = createPublishStats();
    const written: string[] = [];
    const { log, lines } = memoryLogger();
    const progress = startProgress(
      () => stats,
      { tty: false, intervalMs: 10_000, write: (t) => written.push(t) },
      { log, clock },
    );
    stats.sent = 50_000;
    await clock.advance(9_999);
    expect(lines).toEqual([]);
    await clock.advance(1);
    expect(lines).toEqual([
      {
        level: 'info',
        message: 'progress',
        fields: expect.objectContaining({ sent: 50_000, rate_per_s: 5000 }),
      },
    ]);
    progress.stop();
    await clock.advance(30_000);
    expect(lines).toHaveLength(1);
    expect(written).toEqual([]);
  });
});
