import { readConfig } from './config.js';
import { startSimServer } from './server.js';

/**
 * The carrier gateway simulator as a process. Prints one line when it listens (tests and scripts wait for it):
 *   Carrier gateway simulator listening at http://127.0.0.1:4100/v1
 */
async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  const sim = await startSimServer(config);
  const accounts = config.accounts.map((account) => `${account.carrierCode} ${account.accountId}`).join(', ');
  console.log(`Carrier gateway simulator listening at ${sim.baseUrl}`);
  console.log(`Accounts: ${accounts}; processing delay ${config.delayMs} ms`);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`Carrier gateway simulator stopping (${signal})`);
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`Carrier gateway simulator failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
