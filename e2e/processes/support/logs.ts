import { loggedProblems, type RunningProcess } from '../../support/server-process.js';

/** For the test's log: how many warnings and errors each process logged, by message (a killed process's cut-short jobs, retries …). */
export function printLoggedProblems(processes: { name: string; running: RunningProcess }[]): void {
  for (const { name, running } of processes) {
    const problems = loggedProblems(running);
    if (problems.length === 0) continue;
    const counts = new Map<string, number>();
    for (const problem of problems) counts.set(problem, (counts.get(problem) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(`[${name}] logged ${problems.length} warnings or errors: ${top.map(([problem, n]) => `${n} × ${problem.slice(0, 200)}`).join(' | ')}`);
  }
}
