import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { ANY_ROLE } from './access.js';

export const DOCS_PREFIX = '/api/docs';

/** The OpenAPI document is built from the routes' own zod schemas, so it cannot drift from them. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'LineDesk API',
        version: '1.0.0',
        description:
          'The API the LineDesk web app uses. Every route except sign-in and health needs a signed-in session (cookie), whose changes need an Origin header from this site, or an API key that an admin created (`Authorization: Bearer ldk_…`), which may call exactly the routes its role may. Routes that act for a person (sign-out, password, wizard drafts) need a session.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ld_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key, `ldk_<prefix>_<secret>` (Administration > API Keys)' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
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
