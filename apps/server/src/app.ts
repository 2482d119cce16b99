import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { registerAccessControl } from './http/access.js';
import type { AppContext } from './http/app-context.js';
import { frameworkError, registerErrorHandling, registerNotFound } from './http/error-handler.js';
import { registerHealthRoutes } from './http/health.routes.js';
import { registerJsonBodies } from './http/json-bodies.js';
import { registerOpenApi } from './http/openapi.js';
import { responseSerializerCompiler } from './http/response-serializer.js';
import { registerSecurity } from './http/security.js';
import { registerWebApp } from './http/static-web.js';
import { registerApiKeyRoutes } from './modules/api-keys/api-keys.routes.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { registerUserRoutes } from './modules/auth/users.routes.js';
import { registerCatalogRoutes } from './modules/catalog/catalog.routes.js';
import { registerCustomerRoutes } from './modules/customers/customers.routes.js';
import { registerInventoryRoutes } from './modules/inventory/inventory.routes.js';
import { registerOrderRoutes } from './modules/orders/orders.routes.js';
import { registerProvisioningRoutes } from './modules/provisioning/provisioning.routes.js';
import { registerReferenceRoutes } from './modules/reference/reference.routes.js';
import { registerTmfRoutes } from './modules/tmf/tmf.routes.js';
import { registerWizardRoutes } from './modules/wizard/wizard.routes.js';
import { DEFAULT_WEB_DIST_DIR } from './paths.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Assembles the HTTP server from the modules' routes; `main.ts` and the tests both call this. */
export async function buildApp(context: AppContext): Promise<FastifyInstance> {
  const { config } = context;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
    },
    trustProxy: config.trustProxy,
    exposeHeadRoutes: false,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    frameworkErrors: frameworkError,
    // A caller's own X-Request-Id is kept when it looks like an id, so logs join up across systems.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  registerJsonBodies(app);
  await app.register(cookie);
  await registerSecurity(app, config);
  registerAccessControl(app, context.database.db);
  await registerOpenApi(app);

  registerHealthRoutes(app, context);
  registerAuthRoutes(app, context);
  registerUserRoutes(app, context);
  registerApiKeyRoutes(app, context);
  registerAuditRoutes(app, context);
  registerCatalogRoutes(app, context);
  registerWizardRoutes(app, context);
  registerCustomerRoutes(app, context);
  registerReferenceRoutes(app);
  registerInventoryRoutes(app, context);
  registerOrderRoutes(app, context);
  registerProvisioningRoutes(app, context);
  registerTmfRoutes(app, context);

  const webDir = config.webDistDir ?? DEFAULT_WEB_DIST_DIR;
  const servesWeb = await registerWebApp(app, webDir);
  registerNotFound(app, { webAppFallback: servesWeb });
  if (!servesWeb) app.log.warn({ webDir }, 'web app not built: the API runs without the browser UI (npm run build)');
  return app;
}
