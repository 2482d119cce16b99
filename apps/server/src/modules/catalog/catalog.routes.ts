import { ZCatalogDocument, ZCatalogListQuery, type TCatalogListQuery } from '@linedesk/domain';
import { z } from 'zod';
import { ADMIN_ONLY, auditContextOf } from '../../http/access.js';
import { AppError } from '../../http/app-error.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';
import type { CatalogEntity } from './catalog-entity.js';
import { catalogReadCacheOf } from './catalog-read-cache.js';
import { registerCatalogWizardRoutes } from './catalog-wizard.routes.js';
import { CATALOG_ENTITIES } from './catalog-entities.js';
import { exportCatalog } from './use-cases/export-catalog.js';
import { importCatalog } from './use-cases/import-catalog.js';
import { createCatalogRecord, updateCatalogRecord } from './use-cases/save-catalog-record.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A successful call changes the catalog, so the wizard's cached reads are dropped. */
    changesCatalog?: boolean;
  }
}

const ZIdParams = z.object({ id: z.uuid({ message: 'must be a record id (UUID)' }) });
const ZIfMatchHeaders = z.object({ 'if-match': z.string().max(100).optional() });
const ZImportSummary = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

/**
 * The catalog module's routes: for admins, list, read, create and replace each kind of record
 * (nothing is deleted), export and import; for the wizard, the cached catalog reads.
 */
export function registerCatalogRoutes(app: App, context: AppContext): void {
  const cache = catalogReadCacheOf(context.database.db);
  registerCatalogWizardRoutes(app, context, cache);
  // Any successful catalog change through this process is seen by the next wizard read: the cache
  // is emptied before the change's answer leaves.
  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.changesCatalog && reply.statusCode < 300) cache.invalidate();
  });
  const e = CATALOG_ENTITIES;
  registerEntity(app, context, e.billProfiles);
  registerEntity(app, context, e.lineTypes);
  registerEntity(app, context, e.ldRatePlans);
  registerEntity(app, context, e.carriers);
  registerEntity(app, context, e.agents);
  registerEntity(app, context, e.products);
  registerEntity(app, context, e.packages);

  const { database, secrets } = context;
  const tags = ['Catalog'];
  typed(app).get(
    '/api/catalog/export',
    { config: { access: ADMIN_ONLY }, schema: { tags, summary: 'The whole catalog as one document (no secrets)', response: { 200: ZCatalogDocument } } },
    async () => exportCatalog({ db: database.db, secrets }),
  );
  typed(app).post(
    '/api/catalog/import',
    {
      config: { access: ADMIN_ONLY, changesCatalog: true },
      bodyLimit: 10 * 1024 * 1024,
      schema: { tags, summary: 'Create or update catalog records by code from one document', body: ZCatalogDocument, response: { 200: ZImportSummary } },
    },
    async (request) => importCatalog({ db: database.db, audit: auditContextOf(request), secrets, document: request.body }),
  );
}

// Generic over the record kind, so the handlers are untyped Fastify routes: the zod schemas still
// validate every request and document every response.
function registerEntity<S extends z.ZodType, V extends { id: string; code: string }>(
  app: App,
  { database, secrets }: AppContext,
  entity: CatalogEntity<S, V>,
): void {
  const { db } = database;
  const base = `/api/catalog/${entity.path}`;
  const tags = ['Catalog'];
  const config = { access: ADMIN_ONLY };
  const changes = { access: ADMIN_ONLY, changesCatalog: true };
  type Req = { query: TCatalogListQuery; params: { id: string }; body: z.output<S> };

  app.get(base, { config, schema: { tags, summary: `List ${entity.label}s`, querystring: ZCatalogListQuery, response: { 200: z.array(entity.view) } } }, async (request) =>
    entity.list(db, (request as unknown as Req).query, secrets),
  );
  app.get(`${base}/:id`, { config, schema: { tags, summary: `One ${entity.label}`, params: ZIdParams, response: { 200: entity.view } } }, async (request) => {
    const { id } = (request as unknown as Req).params;
    const [record] = await entity.get(db, [id], secrets);
    if (!record) throw new AppError('NOT_FOUND', `No ${entity.label} with id ${id}`);
    return record;
  });
  app.post(base, { config: changes, schema: { tags, summary: `Create a ${entity.label}`, body: entity.input, response: { 201: entity.view } } }, async (request, reply) => {
    const input = (request as unknown as Req).body;
    const record = await createCatalogRecord({ db, audit: auditContextOf(request), secrets, entity, input });
    return reply.status(201).send(record);
  });
  app.put(
    `${base}/:id`,
    {
      config: changes,
      schema: {
        tags,
        summary: `Replace a ${entity.label} (its code stays)`,
        description: 'Send `If-Match` with the `updatedAt` you edited from to be refused (409) when someone else saved it since.',
        params: ZIdParams,
        headers: ZIfMatchHeaders,
        body: entity.input,
        response: { 200: entity.view },
      },
    },
    async (request) => {
      const { params, body } = request as unknown as Req;
      const expectedUpdatedAt = request.headers['if-match']?.replace(/^"|"$/g, '');
      return updateCatalogRecord({ db, audit: auditContextOf(request), secrets, entity, id: params.id, input: body, expectedUpdatedAt });
    },
  );
}
