import { ZTmfEventSubscription, ZTmfEventSubscriptionInput, ZTmfHubView } from '@linedesk/domain';
import { z } from 'zod';
import { ADMIN_ONLY, auditContextOf, type RouteAccess } from '../../../http/access.js';
import { typed, type App, type AppContext } from '../../../http/app-context.js';
import { idempotencyOf } from '../kernel/idempotency.js';
import { TMF_PREFIX } from '../kernel/tmf-context.js';
import { TMF_EVENT_TYPES, type TmfEventApi } from './tmf-event-apis.js';
import { createHub } from './use-cases/create-hub.js';
import { deleteHub } from './use-cases/delete-hub.js';
import { listAllHubs } from './use-cases/list-hubs.js';

/**
 * An API's event hub: `POST /tmf-api/<api>/hub` registers a callback for its events (201 with the
 * subscription), `DELETE /tmf-api/<api>/hub/{id}` unregisters it (204; 404 for an unknown id).
 */
export function registerTmfHubRoutes(app: App, { database, config: appConfig }: AppContext, options: { apiPath: TmfEventApi; access: RouteAccess }): void {
  const { db } = database;
  const { apiPath: api, access } = options;
  const tags = ['TMF Events'];
  const config = { access };
  const callbackPolicy = { allowLocal: appConfig.tmfCallbackAllowLocal };

  typed(app).post(
    `${TMF_PREFIX}/${api}/hub`,
    {
      config,
      schema: {
        tags,
        summary: `Register a listener of ${api} events`,
        description:
          `Events are POSTed to \`callback\` as JSON (\`{ eventId, eventTime, eventType, event: { <resource> } }\`, header X-LineDesk-Event-Id), ` +
          `retried with backoff until it answers 2xx. \`query\` filters them: \`eventType=A,B\` and \`<field>=<value>\` on the resource, joined by &. ` +
          `The callback's host must be found and must not be (or resolve to) a loopback, unspecified, link-local (cloud metadata), multicast or broadcast address ` +
          `(400 on \`callback\`, rule \`callback_address\` or \`callback_host\`); each delivery checks the address it connects to again. ` +
          `Send an \`Idempotency-Key\` header (8 to 120 characters) to make a retry safe: the same key and body answer the hub the first request registered. ` +
          `Event types: ${TMF_EVENT_TYPES[api].join(', ')}.`,
        body: ZTmfEventSubscriptionInput,
        response: { 201: ZTmfEventSubscription },
      },
    },
    async (request, reply) => {
      const idempotency = idempotencyOf(request);
      return reply.status(201).send(await createHub({ db, audit: auditContextOf(request), api, input: request.body, callbackPolicy, idempotency }));
    },
  );

  typed(app).delete(
    `${TMF_PREFIX}/${api}/hub/:id`,
    { config, schema: { tags, summary: `Unregister a listener of ${api} events`, params: z.object({ id: z.string() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteHub({ db, audit: auditContextOf(request), api, id: request.params.id });
      return reply.status(204).send(null);
    },
  );
}

/**
 * Admin (Administration > Integrations): every API's hubs with how their deliveries stand
 * (`GET /api/tmf-hubs`), and Unsubscribe (`DELETE /api/tmf-hubs/{id}`, audited like the hub's own DELETE).
 */
export function registerTmfHubAdminRoutes(app: App, { database }: AppContext): void {
  const { db } = database;
  const tags = ['TMF Events'];
  const config = { access: ADMIN_ONLY };

  typed(app).get(
    '/api/tmf-hubs',
    {
      config,
      schema: {
        tags,
        summary: 'Every event subscription (hub) of every TM Forum API, newest first',
        description: 'With its deliveries waiting (queued or being retried) and given up, and the latest error its callback gave.',
        response: { 200: z.array(ZTmfHubView) },
      },
    },
    async () => listAllHubs({ db }),
  );

  typed(app).delete(
    '/api/tmf-hubs/:id',
    { config, schema: { tags, summary: 'Unsubscribe a hub of any API', params: z.object({ id: z.string() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteHub({ db, audit: auditContextOf(request), api: null, id: request.params.id });
      return reply.status(204).send(null);
    },
  );
}
