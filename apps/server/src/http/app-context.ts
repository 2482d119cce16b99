import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';

/** What route registrars need: the database and the configuration, passed in, never imported. */
export type AppContext = { database: Database; config: Config };
export type App = FastifyInstance;
export const typed = (app: App) => app.withTypeProvider<ZodTypeProvider>();
