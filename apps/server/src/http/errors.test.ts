import { ERROR_CODES, ERROR_STATUS } from '@linedesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

describe('errors leave the server in one shape', () => {
  let t: TestApp;
  let session: string;
  beforeAll(async () => {
    t = await createTestApp();
    session = await t.sessionFor(await t.createUser('admin'));
  });
  afterAll(async () => t.close());

  it('should map every error code to a status', () => {
    for (const code of ERROR_CODES) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
  });

  it('should answer an unknown API path with a JSON 404', async () => {
    const response = await t.request({ method: 'GET', url: '/api/nothing-here', session });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ '@type': 'Error', code: 'NOT_FOUND', status: '404' });
    expect(response.json().requestId).toBe(response.headers['x-request-id']);
  });

  it('should answer malformed JSON with a validation error, not a 500', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/users',
      session,
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });

  it('should refuse a body that is not JSON', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/users',
      session,
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('should describe every API route with its schemas, for signed-in users', async () => {
    expect((await t.request({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(401);
    const session = await t.sessionFor(await t.createUser('viewer'));
    const response = await t.request({ method: 'GET', url: '/api/openapi.json', session });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/users'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['email', 'name', 'role', 'password']),
    );
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const ownRoutes = t.app.registeredRoutes
      .filter((route) => !route.url.startsWith('/api/docs') && route.url !== '/api/openapi.json')
      .map((route) => `${route.method} ${route.url}`);
    expect(documented).toEqual(expect.arrayContaining(ownRoutes));
  });

  it('should serve the docs page to signed-in users', async () => {
    const session = await t.sessionFor(await t.createUser('agent'));
    const response = await t.request({ method: 'GET', url: '/api/docs/', session });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
