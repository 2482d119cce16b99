import { ConfigError, loadConfig, type Config } from './config.js';
import { openConfiguredDatabase } from './db/open-configured-database.js';
import type { JobLogger } from './modules/jobs/job-runner.js';
import { secretBoxFor } from './security/secret-box.js';
import { startWorker } from './start-worker.js';

const SHUTDOWN_GRACE_MS = 30_000;
const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;

// `npm run worker`: a process that only runs jobs (sending orders to carriers), beside any number of
// servers and other workers on one PostgreSQL database.
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind !== 'postgres') {
    throw new ConfigError(
      'npm run worker needs PostgreSQL (DATABASE_URL): on the embedded database one process owns the data folder, so the server runs the worker itself (WORKER=in-process, the default)',
    );
  }
  const log = jsonLogger(config.logLevel);
  const secrets = secretBoxFor(config);
  const { database, release } = await openConfiguredDatabase(config);
  if (!config.publicUrl) log.warn({}, 'PUBLIC_URL is not set: carriers will not be asked to call back, and orders complete by status checks (CARRIER_POLL_SECONDS)');
  const runner = startWorker({ db: database.db, config, secrets, log });
  log.info({ workerId: runner.workerId, concurrency: config.workerConcurrency }, 'LineDesk worker ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing jobs in flight');
    const force = setTimeout(() => {
      log.error({}, 'shutdown took too long; exiting (unfinished jobs run again when their lease lapses)');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    await runner.stop();
    await release();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** JSON lines like the server's (pino's shape: level, time, msg), at the configured level. */
function jsonLogger(level: Config['logLevel']): JobLogger {
  const threshold = LEVELS[level];
  const write = (at: keyof typeof LEVELS, object: Record<string, unknown>, msg: string) => {
    if (LEVELS[at] < threshold) return;
    process.stdout.write(`${JSON.stringify({ level: LEVELS[at], time: Date.now(), pid: process.pid, name: 'worker', ...object, msg })}\n`);
  };
  return {
    info: (object, msg) => write('info', object, msg),
    warn: (object, msg) => write('warn', object, msg),
    error: (object, msg) => write('error', object, msg),
  };
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`LineDesk worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
