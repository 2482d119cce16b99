import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_ENTRY = path.join(REPO_ROOT, 'apps/server/dist/main.js');
const WORKER_ENTRY = path.join(REPO_ROOT, 'apps/server/dist/worker.js');

/**
 * The environment a process is started with (the README's configuration table), on top of this
 * process's own: e.g. DATABASE_URL and ENCRYPTION_KEY (PostgreSQL), WORKER, PUBLIC_URL,
 * JOB_LEASE_SECONDS, CARRIER_POLL_SECONDS, DEMO_MODE, DEMO_CARRIER_GATEWAY_URL.
 */
export type ProcessEnv = Record<string, string>;

/** A built LineDesk process (`npm run build` first) started by a test. */
export type RunningProcess = {
  process: ChildProcess;
  pid: number;
  /** Everything the process printed so far. */
  output(): string;
  /** Stops it (SIGTERM: a graceful stop; SIGKILL: `kill -9`, a crash) and waits for it to exit; answers its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

export type RunningServer = RunningProcess & {
  url: string;
  dataDir: string;
};

/**
 * Starts the built server as its own process, with a data folder of its own (used by the embedded
 * database only), on `port` (default: a free one; give the same port to restart it where it was).
 */
export async function startServer(options: { dataDir?: string; env?: ProcessEnv; port?: number } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'linedesk-e2e-'));
  const started = await startProcess(SERVER_ENTRY, {
    env: { PORT: String(options.port ?? 0), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...options.env },
    ready: /running at (http:\/\/[\d.:a-z]+)/,
    what: 'server',
  });
  return {
    ...started.running,
    url: started.match[1] ?? '',
    dataDir,
    stop: async (signal = 'SIGTERM') => {
      const code = await started.running.stop(signal);
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/**
 * Starts the built job worker (`npm run worker`: apps/server/dist/worker.js) as its own process: it needs
 * PostgreSQL (DATABASE_URL, and the servers' ENCRYPTION_KEY). Answers once it runs jobs.
 */
export async function startWorker(options: { env: ProcessEnv }): Promise<RunningProcess> {
  // Its readiness is an info line, so at least `info` unless the test asks for more.
  const started = await startProcess(WORKER_ENTRY, { env: { LOG_LEVEL: 'info', ...options.env }, ready: /"msg":"LineDesk worker ready"/, what: 'worker' });
  return started.running;
}

/** A free TCP port on the loopback interface (to start a server on, and restart it on the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Processes still running: killed if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

async function startProcess(entry: string, options: { env: ProcessEnv; ready: RegExp; what: string }): Promise<{ running: RunningProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, [entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exited.then(() => running.delete(child));

  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.what} did not start in time:\n${output}`)), 60_000);
    const look = () => {
      const found = output.match(options.ready);
      if (found) {
        clearTimeout(timer);
        child.stdout.off('data', look);
        resolve(found);
      }
    };
    child.stdout.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.what} exited with ${code}:\n${output}`));
    });
  });

  return {
    match,
    running: {
      process: child,
      pid: child.pid ?? 0,
      output: () => output,
      stop: async (signal = 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        return exited;
      },
    },
  };
}

/** The warnings and errors a process logged (pino's JSON lines at level 40 and above), as `level msg: detail`. */
export function loggedProblems(running: RunningProcess): string[] {
  return running
    .output()
    .split('\n')
    .flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; error?: unknown; err?: { message?: string } };
        if ((entry.level ?? 0) < 40) return [];
        const detail = entry.error ?? entry.err?.message;
        return [`${entry.level === 40 ? 'warn' : 'error'} ${entry.msg ?? ''}${detail ? `: ${String(detail).split('\n')[0]}` : ''}`];
      } catch {
        return [];
      }
    });
}
