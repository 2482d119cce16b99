import { parseArgs } from 'node:util';
import { ZCreateUserInput } from '@linedesk/domain';
import { ConfigError, loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../db/open-configured-database.js';
import { createUser } from '../modules/auth/use-cases/create-user.js';

// npm run user:create -- --email a@b.c --role admin [--name "A B"]; the password is read from stdin.
async function run(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  const password = (await readStdin()).replace(/\r?\n$/, '');
  const parsed = ZCreateUserInput.safeParse({
    email: values.email,
    role: values.role,
    name: values.name ?? values.email?.split('@')[0],
    password,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Cannot create the user:\n${lines.join('\n')}\n(the password comes from standard input)`);
  }
  const config = loadConfig();
  const { database, release } = await openConfiguredDatabase(config);
  try {
    const user = await createUser({
      db: database.db,
      audit: { actorUserId: null, actorLabel: 'cli:user:create', requestId: null },
      input: parsed.data,
    });
    process.stdout.write(`Created ${user.role} ${user.email} (${user.id})\n`);
  } finally {
    await release();
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown; pipe it in to hide it): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.toString().includes('\n')) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
