import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openConfiguredDatabase } from './db/open-configured-database.js';
import { ensureDemoData, formatDemoBanner } from './flows/seed-demo.js';
import { secretBoxFor } from './security/secret-box.js';
import { startWorker } from './start-worker.js';

const SHUTDOWN_GRACE_MS = 10_000;

// Composition root: configuration -> database (migrated) -> demo data -> HTTP -> job worker.
async function main(): Promise<void> {
  const config = loadConfig();
  const secrets = secretBoxFor(config);
  const { database, release } = await openConfiguredDatabase(config);
  const demo = await ensureDemoData({ db: database.db, config, secrets });
  const app = await buildApp({ database, config, secrets });
  await app.listen({ port: config.port, host: config.host });

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  // Carriers call back at PUBLIC_URL, or at this server's own address.
  config.publicUrl ??= url;
  const worker = config.worker === 'in-process' ? startWorker({ db: database.db, config, secrets, log: app.log.child({ component: 'worker' }) }) : null;
  app.log.info({ url, database: database.kind, worker: worker ? worker.workerId : 'off' }, 'LineDesk ready');
  if (demo.signIns) process.stdout.write(`${formatDemoBanner(url, demo.signIns)}\n`);
  else if (!demo.hasUsers) {
    process.stdout.write(
      `\nLineDesk is running at ${url} with no users yet. Create the first admin:\n  npm run user:create -- --email you@example.com --name "Your Name" --role admin\n\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    await app.close();
    // Jobs in flight finish before the database closes; a job cut short runs again after its lease.
    await worker?.stop();
    await release();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`LineDesk failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
