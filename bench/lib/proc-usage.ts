/** CPU time and resident memory of a process by pid, from Linux /proc (threads included). */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface ProcUsage {
  /** User + system CPU seconds since the process started. */
  readonly cpuSeconds: number;
  readonly rssMb: number;
}

export function procUsage(pid: number): ProcUsage | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name, which is in parentheses and may contain spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuSeconds: ticks / TICKS_PER_SECOND, rssMb: rss ? Number(rss[1]) / 1024 : 0 };
  } catch {
    return null; // the process has exited
  }
}
