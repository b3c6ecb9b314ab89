/** A clock that moves only when a test says so; timers fire in time order, promises settle between them. */
import type { Clock } from '../../src/simulator/publish/clock.ts';

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

export class ManualClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): number {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Moves time forward by `ms`, firing every timer due on the way and letting promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    await settle();
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = due.at;
      due.callback();
      await settle();
    }
    this.current = end;
    await settle();
  }
}

/** Lets pending promise callbacks (and their follow-ups) run. */
export async function settle(): Promise<void> {
  for (let k = 0; k < 5; k++) await new Promise<void>((resolve) => setImmediate(resolve));
}
