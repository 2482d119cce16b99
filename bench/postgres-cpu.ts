import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU seconds used so far by the PostgreSQL server listening on `port` (postmaster and backends,
 * read from /proc), so a run can say what one operation costs in CPU on each side: on a shared
 * machine that is steadier than latency, which includes waiting for a core.
 */
export function postgresCpuSeconds(port: string): number {
  const stat = (pid: string) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  const pids = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid));
  const postmaster = pids.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').some((arg, i, all) => arg === `-p ${port}` || (arg === '-p' && all[i + 1] === port));
    } catch {
      return false;
    }
  });
  if (!postmaster) return 0;
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = stat(pid);
      // After "(comm) ": state ppid … utime stime cutime cstime (0-based 11 to 14). The postmaster's
      // cutime and cstime hold the backends that already ended (a pool closes idle connections).
      if (fields[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
      if (pid === postmaster) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // The process ended while we read it.
    }
  }
  return ticks / 100;
}
