// The wizard's catalog reads under 50 concurrent clients, on PGlite and on PostgreSQL.
// Usage: npm run build && npx tsx bench/catalog/run.ts [seconds-per-engine]
// Each client walks the wizard's catalog steps in a loop (carriers -> line types -> packages ->
// one package's offer) over keep-alive HTTP against the built server, running as its own process.
// Two phases per engine: `paced` (each client pauses ~100 ms between reads, as people at a counter
// do: about 500 reads/s in all) and `saturated` (no pauses: the most this machine serves while the
// load generator shares its two cores).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startThrowawayPostgres } from '../../apps/server/test/throwaway-postgres.js';
import { generateCatalog } from './generate-catalog.js';

const SECONDS = Number(process.argv[2] ?? 15);
const CLIENTS = 50;
/** Paced: each client waits this long between reads (50 clients x 10 reads/s = 500 reads/s offered). */
const THINK_MS = 100;
const SIZE = { carriers: 10, packagesPerCarrier: 30, productsPerCarrier: 40 };

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['apps/server/dist/main.js'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', DEMO_MODE: 'on', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  for (let waited = 0; waited < 60_000; waited += 50) {
    const url = output.match(/running at (http:\/\/[\d.:]+)/)?.[1];
    if (url) return { url, child };
    await sleep(50);
  }
  throw new Error(`server did not start:\n${output}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(engine: string, env: Record<string, string>) {
  const { url, child } = await startServer(env);
  try {
    const signIn = await fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: 'admin@demo.linedesk.app', password: 'linedesk-admin' }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const imported = await fetch(`${url}/api/catalog/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, cookie },
      body: JSON.stringify(generateCatalog(SIZE)),
    });
    if (imported.status !== 200) throw new Error(`import failed: ${await imported.text()}`);

    // Node's fetch keeps connections alive, so each client reuses its socket as a browser would.
    const get = async (pathAndQuery: string) => {
      const started = performance.now();
      const response = await fetch(`${url}${pathAndQuery}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${pathAndQuery} answered ${response.status}`);
      return performance.now() - started;
    };
    // One client walks the wizard's catalog steps for a carrier, order type and package in turn.
    const walk = async (n: number, until: number, thinkMs: number, latencies: number[]) => {
      const pause = () => (thinkMs ? sleep(thinkMs * (0.5 + Math.random())) : undefined);
      for (let i = n; performance.now() < until; i += 1) {
        const carrier = `C${i % SIZE.carriers}`;
        const orderType = i % 2 ? 'NEW' : 'CONVERSION';
        const pkg = `C${i % SIZE.carriers}K${1 + ((i * 7) % (SIZE.packagesPerCarrier - 1))}`;
        for (const step of [
          '/api/catalog/wizard/carriers',
          `/api/catalog/wizard/line-types?carrierCode=${carrier}&orderType=${orderType}`,
          `/api/catalog/wizard/packages?carrierCode=${carrier}&lineTypeCode=SMARTPHONE&orderType=${orderType}`,
          `/api/catalog/wizard/offer?carrierCode=${carrier}&packageCode=${pkg}&orderType=NEW`,
        ]) {
          latencies.push(await get(step));
          await pause();
        }
      }
    };
    const phase = async (thinkMs: number) => {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(Array.from({ length: CLIENTS }, (_, n) => walk(n, started + SECONDS * 1000, thinkMs, latencies)));
      const elapsed = (performance.now() - started) / 1000;
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        requests: sorted.length,
        perSecond: Math.round(sorted.length / elapsed),
        p50ms: Number(percentile(sorted, 50).toFixed(2)),
        p95ms: Number(percentile(sorted, 95).toFixed(2)),
        p99ms: Number(percentile(sorted, 99).toFixed(2)),
      };
    };
    // Warm-up: every read once, as a day's first sign-ups do; the phases then measure the steady state.
    await Promise.all(Array.from({ length: 10 }, (_, n) => walk(n, performance.now() + 3000, 0, [])));
    return { engine, paced: await phase(THINK_MS), saturated: await phase(0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linedesk-bench-catalog-'));
const results = [];
try {
  results.push(await measure('pglite', { DATA_DIR: dataDir }));
  const postgres = await startThrowawayPostgres();
  try {
    results.push(await measure('postgres', { DATABASE_URL: postgres.url, ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') }));
  } finally {
    postgres.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, clients: CLIENTS, seconds: SECONDS, catalog: SIZE, results }, null, 2));
