import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { SecretBox } from '../security/secret-box.js';

/** What route registrars need: the database, the configuration and the secret box, passed in, never imported. */
export type AppContext = { database: Database; config: Config; secrets: SecretBox };
export type App = FastifyInstance;
export const typed = (app: App) => app.withTypeProvider<ZodTypeProvider>();
