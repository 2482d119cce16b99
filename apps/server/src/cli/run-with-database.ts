import path from 'node:path';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { openConfiguredDatabase } from '../db/open-configured-database.js';
import { secretBoxFor, type SecretBox } from '../security/secret-box.js';

/** Runs a command-line task against the configured database, then closes it; errors end the process with code 1. */
export function runWithDatabase(task: (context: { database: Database; secrets: SecretBox }) => Promise<void>): void {
  const run = async () => {
    const config = loadConfig();
    const secrets = secretBoxFor(config);
    const { database, release } = await openConfiguredDatabase(config);
    try {
      await task({ database, secrets });
    } finally {
      await release();
    }
  };
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

/** The command's file argument, relative to where `npm run` was typed (npm runs workspace scripts in the workspace). */
export function fileArgument(): string | undefined {
  const file = process.argv[2];
  return file ? path.resolve(process.env.INIT_CWD ?? process.cwd(), file) : undefined;
}
