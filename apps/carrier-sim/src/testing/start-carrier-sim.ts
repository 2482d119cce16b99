import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { TSimAccount } from '../config.js';
import type { TFaultsInput } from '../faults.js';
import type { SimStats } from '../gateway.js';

export type { TSimAccount, TFaultsInput, SimStats };

export interface StartCarrierSimOptions {
  /** Accounts (default: demo-accounts.json, i.e. NWM-DEALER-0042 and BSW-AGT-77310). */
  accounts?: TSimAccount[];
  /** Processing delay per step (default 0: as fast as possible). */
  delayMs?: number;
  /** Faults at start (they are also what `reset()` returns to). */
  faults?: TFaultsInput;
  /** Default 0: a free port. */
  port?: number;
  /** Callback delivery attempts and first retry wait (defaults 5 and 100 ms here). */
  callbackAttempts?: number;
  callbackRetryBaseMs?: number;
  /** How long a `timeouts` fault holds a submit (default 30 s). */
  hangMs?: number;
}

export interface CarrierSim {
  /** e.g. http://127.0.0.1:41234/v1 */
  baseUrl: string;
  controlToken: string;
  pid: number;
  /** Replaces every fault (unset ones are cleared); answers the faults now in force. */
  setFaults(faults: TFaultsInput): Promise<TFaultsInput>;
  stats(): Promise<SimStats>;
  reset(): Promise<void>;
  /** Kills the process (SIGTERM by default; SIGKILL to simulate a crash) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Simulators still running: killed if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const LISTENING = /Carrier gateway simulator listening at (\S+)/;

/** Spawns the simulator as a real separate process (tsx on src/main.ts, no build needed) and waits until it listens. */
export async function startCarrierSim(options: StartCarrierSimOptions = {}): Promise<CarrierSim> {
  const controlToken = `sim-control-${randomBytes(12).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'carrier-sim-'));
  const args = [
    '--import',
    resolveTsx(),
    MAIN,
    '--port', String(options.port ?? 0),
    '--host', '127.0.0.1',
    '--delay-ms', String(options.delayMs ?? 0),
    '--control-token', controlToken,
    '--callback-attempts', String(options.callbackAttempts ?? 5),
    '--callback-retry-base-ms', String(options.callbackRetryBaseMs ?? 100),
    '--hang-ms', String(options.hangMs ?? 30_000),
  ];
  if (options.accounts) {
    const file = join(dir, 'accounts.json');
    writeFileSync(file, JSON.stringify(options.accounts));
    args.push('--accounts', file);
  }
  if (options.faults) args.push('--faults', JSON.stringify(options.faults));

  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  void exited.then(() => rmSync(dir, { recursive: true, force: true }));
  let baseUrl: string;
  try {
    baseUrl = await waitForListening(child);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }

  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${baseUrl.replace(/\/v1$/, '')}/_sim${path}`, {
      method,
      headers: { 'x-sim-control-token': controlToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await response.json();
    if (!response.ok) throw new Error(`carrier-sim ${method} /_sim${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  };

  return {
    baseUrl,
    controlToken,
    pid: child.pid ?? 0,
    setFaults: async (faults) => (await control('PUT', '/faults', faults)) as TFaultsInput,
    stats: async () => (await control('GET', '/stats')) as SimStats,
    reset: async () => {
      await control('POST', '/reset');
    },
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

function resolveTsx(): string {
  // An absolute file URL, so the child finds tsx whatever its working directory.
  const require = createRequire(import.meta.url);
  return pathToFileURL(require.resolve('tsx')).href;
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => finish(new Error(`carrier-sim did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = LISTENING.exec(output);
      if (match?.[1]) finish(null, match[1]);
    };
    const onExit = (code: number | null) => finish(new Error(`carrier-sim exited (${code}) before listening:\n${output}`));
    function finish(error: Error | null, url?: string) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining stdout so the child never blocks on a full pipe; its errors go to ours.
      child.stdout?.resume();
      child.stderr?.pipe(process.stderr);
      if (error) reject(error);
      else resolve(url ?? '');
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}
