// Cold start to ready, and idle memory, of the built server on the embedded database.
// Usage: npm run build && node bench/cold-start.mjs [runs]
// Measures from process spawn to the first 200 from /readyz, on a fresh data folder (initdb +
// migrations + demo seed) and on an existing one (the everyday restart), then the resident memory
// after the server has idled for 5 s.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const runs = Number(process.argv[2] ?? 5);
const entry = path.resolve('apps/server/dist/main.js');

/** @param {string} dataDir */
async function startAndTime(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  let exitCode = null;
  child.on('exit', (code) => (exitCode = code));
  let url = null;
  for (;;) {
    if (exitCode !== null) throw new Error(`server exited with ${exitCode}:\n${output}`);
    url ??= output.match(/running at (http:\/\/[\d.:]+)/)?.[1] ?? null;
    if (url) {
      const response = await fetch(`${url}/readyz`).catch(() => null);
      if (response?.status === 200) break;
    }
    if (performance.now() - started > 60_000) throw new Error(`no ready server:\n${output}`);
    await sleep(5);
  }
  return { child, ms: performance.now() - started };
}

/** @param {number} pid */
function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1]) / 1024;
}

/** @param {import('node:child_process').ChildProcess} child */
async function stop(child) {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linedesk-bench-'));
try {
  const first = await startAndTime(dataDir);
  await stop(first.child);
  const restarts = [];
  let idleRss = 0;
  for (let i = 0; i < runs; i += 1) {
    const run = await startAndTime(dataDir);
    restarts.push(run.ms);
    if (i === runs - 1) {
      await sleep(5000);
      idleRss = rssMiB(run.child.pid ?? 0);
    }
    await stop(run.child);
  }
  console.log(JSON.stringify({
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    firstStartMs: Math.round(first.ms),
    restartMs: { median: Math.round(median(restarts)), min: Math.round(Math.min(...restarts)), max: Math.round(Math.max(...restarts)), runs },
    idleRssMiB: Math.round(idleRss),
  }, null, 2));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
