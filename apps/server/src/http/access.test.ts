import { ROLES, type Role } from '@linedesk/domain';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_HOST, type TestApp, type TestUser } from '../../test/test-app.js';
import { SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { createApiKey } from '../modules/api-keys/use-cases/create-api-key.js';
import { registerAccessControl, type RegisteredRoute } from './access.js';

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

function concreteUrl(route: RegisteredRoute): string {
  return route.url.replace(/:[A-Za-z]+/g, SAMPLE_ID).replace(/\*$/, 'index.html');
}

describe('every /api and /tmf-api route declares who may call it, and the server enforces it', () => {
  let t: TestApp;
  const usersByRole = {} as Record<Role, TestUser>;
  const keysByRole = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) usersByRole[role] = await t.createUser(role);
    for (const role of ROLES) {
      keysByRole[role] = (await createApiKey({ db: t.database.db, audit: SYSTEM_ACTOR, input: { name: `Access walk ${role}`, role } })).key;
    }
  });
  afterAll(async () => t.close());

  it('should register the routes this test walks', () => {
    const urls = t.app.registeredRoutes.map((route) => `${route.method} ${route.url}`);
    expect(urls).toEqual(
      expect.arrayContaining(['POST /api/auth/sign-in', 'GET /api/users', 'PATCH /api/users/:id', 'GET /api/openapi.json']),
    );
    // The TM Forum face is walked too (its `:id` params get the sample id like the rest).
    expect(urls.filter((url) => url.includes(' /tmf-api/')).length).toBeGreaterThan(0);
  });

  it('should answer 401 to an anonymous call of every route that is not public', async () => {
    for (const route of t.app.registeredRoutes.filter((r) => r.access !== 'public')) {
      const response = await t.request({ method: route.method as 'GET', url: concreteUrl(route), payload: route.method === 'GET' ? undefined : {} });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      // A HEAD answer has no body to read the code from.
      if (route.method !== 'HEAD') expect(response.json().code, `${route.method} ${route.url}`).toBe('UNAUTHENTICATED');
    }
  });

  it('should let each role call exactly the routes that allow it, and answer 403 to the rest', async () => {
    const checked: string[] = [];
    for (const route of t.app.registeredRoutes) {
      for (const role of ROLES) {
        const session = await t.sessionFor(usersByRole[role]);
        const response = await t.request({
          method: route.method as 'GET',
          url: concreteUrl(route),
          session,
          payload: route.method === 'GET' ? undefined : {},
        });
        const allowed = route.access === 'public' || route.access.includes(role);
        const label = `${role} ${route.method} ${route.url} -> ${response.statusCode}`;
        if (allowed) expect([401, 403], label).not.toContain(response.statusCode);
        else {
          expect(response.statusCode, label).toBe(403);
          if (route.method !== 'HEAD') expect(response.json().code, label).toBe('FORBIDDEN');
        }
        checked.push(label);
      }
    }
    expect(checked.length).toBe(t.app.registeredRoutes.length * ROLES.length);
  });

  it("should apply each route's rule to API keys exactly as to sessions", async () => {
    const checked: string[] = [];
    for (const route of t.app.registeredRoutes) {
      for (const role of ROLES) {
        // As an integrator calls: the key, no cookie, no Origin.
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route),
          headers: { host: TEST_HOST, authorization: `Bearer ${keysByRole[role]}` },
          payload: route.method === 'GET' ? undefined : {},
        });
        const allowed = route.access === 'public' || route.access.includes(role);
        const label = `key ${role} ${route.method} ${route.url} -> ${response.statusCode}`;
        expect(response.statusCode, label).not.toBe(401);
        if (allowed) {
          // What only a person does (their session, password, drafts) refuses a key, and says so.
          if (response.statusCode === 403) expect(response.json().reason, label).toMatch(/^Only a signed-in user can do this/);
        } else {
          expect(response.statusCode, label).toBe(403);
          if (route.method !== 'HEAD') expect(response.json(), label).toMatchObject({ code: 'FORBIDDEN', reason: `This API key's role (${role}) may not do this` });
        }
        checked.push(label);
      }
    }
    expect(checked.length).toBe(t.app.registeredRoutes.length * ROLES.length);
  });

  it('should refuse to start when an /api route declares no access rule', async () => {
    const app = Fastify();
    registerAccessControl(app, t.database.db);
    app.get('/api/forgotten', async () => 'oops');
    await expect(app.ready()).rejects.toThrow(/GET \/api\/forgotten declares no access rule/);
  });

  it('should hold /tmf-api routes to the same rule and list them for this walk', async () => {
    const forgetful = Fastify();
    registerAccessControl(forgetful, t.database.db);
    forgetful.get('/tmf-api/customerManagement/v4/forgotten', async () => 'oops');
    await expect(forgetful.ready()).rejects.toThrow(/GET \/tmf-api\/customerManagement\/v4\/forgotten declares no access rule/);

    const declared = Fastify();
    registerAccessControl(declared, t.database.db);
    declared.patch('/tmf-api/customerManagement/v4/customer/:id', { config: { access: ['admin', 'agent'] } }, async () => 'ok');
    declared.get('/elsewhere', async () => 'not an API route');
    await declared.ready();
    expect(declared.registeredRoutes).toEqual([{ method: 'PATCH', url: '/tmf-api/customerManagement/v4/customer/:id', access: ['admin', 'agent'] }]);
    await declared.close();
  });
});
