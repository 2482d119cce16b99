import { readFileSync } from 'node:fs';
import { postgresCpuSeconds } from '../../../bench/postgres-cpu.js';

/** CPU seconds a process (by pid) has used so far, from /proc; 0 once it has gone. */
export function processCpuSeconds(pid: number): number {
  try {
    // After "(comm) ": state ppid … utime stime (0-based 11 and 12), in clock ticks (100 per second).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU used by each group of processes (and the PostgreSQL server at `postgresUrl`) between `start()` and
 * `stop()`: on a shared machine a steadier figure than the time taken, which includes waiting for a core.
 */
export function cpuMeter(groups: Record<string, number[]>, postgresUrl: string) {
  const port = new URL(postgresUrl).port;
  const read = (): Record<string, number> => ({ ...Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0)])), PostgreSQL: postgresCpuSeconds(port) });
  const before = read();
  return {
    /** CPU seconds used since the meter started, by group. */
    used(): Record<string, number> {
      const now = read();
      return Object.fromEntries(Object.entries(now).map(([name, seconds]) => [name, seconds - (before[name] ?? 0)]));
    },
  };
}
