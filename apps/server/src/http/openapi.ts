import swagger, { type SwaggerTransform } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ZApiError } from '@linedesk/domain';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_ROLE } from './access.js';

export const DOCS_PREFIX = '/api/docs';

/** The TM Forum Open APIs this server offers under /tmf-api, each one tag of the document. */
export const TMF_OPENAPI_TAGS = [
  {
    apiPath: 'productCatalogManagement/v4',
    name: 'TMF620 Product Catalog',
    description:
      'TM Forum TMF620 Product Catalog Management v4 at `/tmf-api/productCatalogManagement/v4`, read-only: packages are bundled product offerings, products their parts; prices (monthly, one-time, activation fee, long-distance rates as usage prices); line types and products as product specifications; a catalog per carrier; categories.',
  },
  {
    apiPath: 'productOrderingManagement/v4',
    name: 'TMF622 Product Ordering',
    description:
      'TM Forum TMF622 Product Ordering Management v4 at `/tmf-api/productOrderingManagement/v4`: a productOrder is a LineDesk order and its items are the order\'s lines (package, line properties, port-in data with write-only secrets, service address as place, device and SIM as realizingResource); cancelProductOrder cancels one. An order made here follows the same lifecycle as one from the New Customer Wizard.',
  },
  {
    apiPath: 'customerManagement/v4',
    name: 'TMF629 Customer',
    description: 'TM Forum TMF629 Customer Management v4 at `/tmf-api/customerManagement/v4`: a customer is a LineDesk account.',
  },
  {
    apiPath: 'productInventory/v4',
    name: 'TMF637 Product Inventory',
    description: 'TM Forum TMF637 Product Inventory Management v4 at `/tmf-api/productInventory/v4`: a product is a line (with its package and products), its status from the line\'s.',
  },
  {
    apiPath: 'resourceInventoryManagement/v4',
    name: 'TMF639 Resource Inventory',
    description:
      'TM Forum TMF639 Resource Inventory Management v4 at `/tmf-api/resourceInventoryManagement/v4`, read-only: inventory items (devices, SIMs, eSIM profiles) as PhysicalResource, MDNs as LogicalResource.',
  },
] as const;

const TMF_DESCRIPTION =
  'Under `/tmf-api` the same server offers TM Forum Open APIs v4 (TMF620, TMF622, TMF629, TMF637, TMF639; one tag each) on the same data, with the same authentication (an API key is what an integrator uses) and the same role rules. They follow the TM Forum REST conventions: `fields=` projection, `offset`/`limit` paging with `X-Total-Count` and `X-Result-Count`, attribute equality filters, absolute `href`, `@type`, `PATCH` as `application/merge-patch+json` (or `application/json`), and the TM Forum `Error` body. Each API has event hubs (`POST …/hub`, `DELETE …/hub/{id}`): its create, state-change, attribute-change and delete events are posted to the callback, retried until delivered.';

/** What a /tmf-api operation may answer besides its own success, in the TM Forum `Error` shape. */
const TMF_ERROR_RESPONSES: Record<string, { description: string; when: (method: string, url: string) => boolean }> = {
  400: { description: 'Bad request: a field, filter or parameter is invalid (`fields` names each one and its rule)', when: () => true },
  401: { description: 'No valid API key or session', when: () => true },
  403: { description: "The key's or user's role may not do this", when: () => true },
  404: { description: 'No resource with this id', when: (_method, url) => url.includes(':') },
  409: { description: 'The resource changed state meanwhile, or the request conflicts with it', when: (method) => method !== 'GET' },
  422: { description: 'A business rule refuses the change (the reason says which)', when: (method) => method !== 'GET' },
  500: { description: 'Internal error (the request id identifies it in the logs)', when: () => true },
};

function tmfTagOf(url: string): string | undefined {
  return TMF_OPENAPI_TAGS.find((api) => url.startsWith(`/tmf-api/${api.apiPath}/`))?.name;
}

/**
 * Each /tmf-api operation is filed under its TM Forum API's tag (hubs too), and lists the TM Forum
 * `Error` answers it may give besides its own.
 */
const transform: SwaggerTransform = (input) => {
  const result = jsonSchemaTransform(input);
  const tag = tmfTagOf(input.url);
  if (!tag) return result;
  const methods = [input.route.method].flat();
  const schema = result.schema as FastifySchema & { tags?: string[]; response?: Record<string, unknown> };
  const response: Record<string, unknown> = { ...schema.response };
  for (const [status, error] of Object.entries(TMF_ERROR_RESPONSES)) {
    if (response[status] || !methods.some((method) => error.when(method, input.url))) continue;
    response[status] = { description: error.description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  return { ...result, schema: { ...schema, tags: [tag], response } };
};

/** The OpenAPI document is built from the routes' own zod schemas, so it cannot drift from them. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'LineDesk API',
        version: '1.0.0',
        description: [
          'The API the LineDesk web app uses. Every route except sign-in and health needs a signed-in session (cookie), whose changes need an Origin header from this site, or an API key that an admin created (`Authorization: Bearer ldk_…`), which may call exactly the routes its role may. Routes that act for a person (sign-out, password, wizard drafts) need a session.',
          TMF_DESCRIPTION,
        ].join('\n\n'),
      },
      servers: [{ url: '/', description: 'This LineDesk server: its own API under /api, TM Forum Open APIs v4 under /tmf-api' }],
      tags: TMF_OPENAPI_TAGS.map(({ name, description }) => ({ name, description })),
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ld_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key, `ldk_<prefix>_<secret>` (Administration > Integrations)' },
        },
        schemas: {
          // Every error, under /api and /tmf-api: TM Forum's Error with the failing fields and the request id.
          Error: z.toJSONSchema(ZApiError, { target: 'openapi-3.0' }) as Record<string, unknown>,
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform,
  });

  await app.register(async (docs) => {
    // The docs UI's own routes are reachable by any signed-in user.
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: route.config?.access ?? ANY_ROLE };
    });
    await docs.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true, uiConfig: { deepLinking: true } });
  });

  app.get(
    '/api/openapi.json',
    { config: { access: ANY_ROLE }, schema: { hide: true } },
    async () => app.swagger(),
  );
}
