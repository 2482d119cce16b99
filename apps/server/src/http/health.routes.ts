import { z } from 'zod';
import { appliedMigrationCount, expectedMigrationCount } from '../db/migrate.js';
import { typed, type App, type AppContext } from './app-context.js';

const ZHealth = z.object({ status: z.literal('ok') });
const ZReadiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
  reason: z.string().optional(),
});

/** `/healthz`: the process answers. `/readyz`: the database answers and every committed migration is applied. */
export function registerHealthRoutes(app: App, { database }: AppContext): void {
  const expected = expectedMigrationCount();
  const tags = ['Health'];

  typed(app).get(
    '/healthz',
    { config: { access: 'public' }, logLevel: 'warn', schema: { tags, response: { 200: ZHealth } } },
    async () => ({ status: 'ok' as const }),
  );

  typed(app).get(
    '/readyz',
    { config: { access: 'public' }, logLevel: 'warn', schema: { tags, response: { 200: ZReadiness, 503: ZReadiness } } },
    async (_request, reply) => {
      try {
        const applied = await appliedMigrationCount(database);
        const ready = applied >= expected;
        return reply.status(ready ? 200 : 503).send({
          status: ready ? 'ready' : 'not_ready',
          database: database.kind,
          migrations: { applied, expected },
          ...(ready ? {} : { reason: 'migrations pending' }),
        });
      } catch {
        return reply.status(503).send({
          status: 'not_ready',
          database: database.kind,
          migrations: { applied: 0, expected },
          reason: 'database unreachable',
        });
      }
    },
  );
}
