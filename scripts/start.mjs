// `npm start` (after the build): the carrier gateway simulator the demo carriers send orders to, as its own
// process (unless CARRIER_SIM=off), then LineDesk. Ctrl-C or SIGTERM stops both.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SIM = `${root}apps/carrier-sim/dist/main.js`;
const SERVER = `${root}apps/server/dist/main.js`;
const LISTENING = /Carrier gateway simulator listening at (\S+)/;

let stopping = false;
/** @type {import('node:child_process').ChildProcess | null} */
let sim = null;

/** @param {import('node:stream').Readable} stream @param {string} prefix @param {NodeJS.WriteStream} out */
function prefixed(stream, prefix, out) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (/** @type {string} */ chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`${prefix}${line}\n`);
  });
  stream.on('end', () => rest && out.write(`${prefix}${rest}\n`));
}

/**
 * Starts the simulator and waits (up to 10 s) until it listens; answers its base URL, or null if it could not start.
 * @returns {Promise<string | null>}
 */
function startSim() {
  if (!existsSync(SIM)) {
    console.error(`carrier simulator not built (${SIM}); run npm run build. Starting LineDesk without it.`);
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SIM], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    sim = child;
    let settled = false;
    const settle = (/** @type {string | null} */ url) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(url);
    };
    const timer = setTimeout(() => settle(null), 10_000);
    const watch = (/** @type {string} */ chunk) => {
      const match = LISTENING.exec(String(chunk));
      if (match?.[1]) settle(match[1]);
    };
    child.stdout.on('data', watch);
    prefixed(child.stdout, '[carrier-sim] ', process.stdout);
    prefixed(child.stderr, '[carrier-sim] ', process.stderr);
    child.once('exit', (code, signal) => {
      settle(null);
      sim = null;
      if (!stopping) {
        console.error(
          `[carrier-sim] the carrier gateway simulator stopped (${signal ?? `exit code ${code}`}): orders sent to the demo carriers now wait and retry until it is back (npm run carrier-sim)`,
        );
      }
    });
  });
}

let simUrl = null;
if (process.env.CARRIER_SIM === 'off') console.log('CARRIER_SIM=off: not starting the carrier gateway simulator');
else {
  simUrl = await startSim();
  if (!simUrl && !stopping) console.error('[carrier-sim] the carrier gateway simulator did not start; LineDesk starts without it');
}

// A new demo database connects the demo carriers to the simulator where it listens (CARRIER_SIM_PORT), unless told otherwise.
const serverEnv = simUrl && !process.env.DEMO_CARRIER_GATEWAY_URL ? { ...process.env, DEMO_CARRIER_GATEWAY_URL: simUrl } : process.env;
const server = spawn(process.execPath, [SERVER], { stdio: 'inherit', env: serverEnv });

/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) server.kill(signal);
  if (sim) sim.kill(signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

server.once('exit', (code, signal) => {
  stopping = true;
  const child = sim;
  if (child) {
    child.once('exit', () => process.exit(code ?? (signal ? 1 : 0)));
    child.kill('SIGTERM');
  } else process.exit(code ?? (signal ? 1 : 0));
});
