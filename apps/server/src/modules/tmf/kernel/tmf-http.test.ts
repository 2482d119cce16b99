import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_HOST, type TestApp } from '../../../../test/test-app.js';
import { createTmfApiKey } from '../../../../test/tmf-fixture.js';
import { ANY_ROLE, SELLERS } from '../../../http/access.js';
import { AppError } from '../../../http/app-error.js';
import { SESSION_COOKIE } from '../../auth/session-token.js';
import { tmfBaseUrl, tmfHref } from './tmf-context.js';
import { parseTmfListQuery, replyTmfList, tmfDateTime, tmfEnum, tmfFilterValue, tmfText, tmfUuid } from './tmf-list.js';

// A tiny TMF-style API that exists only in this test, to exercise the kernel over real HTTP before
// (and independently of) the real APIs.
const WIDGET_PATH = 'kernelTest/v4/widget';
const WIDGETS = Array.from({ length: 5 }, (_, index) => ({
  id: `00000000-0000-4000-8000-00000000000${index + 1}`,
  '@type': 'Widget',
  '@baseType': 'Thing',
  name: `Widget ${index + 1}`,
  kind: index % 2 === 0 ? 'small' : 'large',
  createdAt: new Date(Date.UTC(2026, 0, index + 1, 9, 30, 0, 250)).toISOString(),
  colour: 'blue',
}));

function registerWidgetRoutes(app: FastifyInstance): void {
  app.get(`/tmf-api/${WIDGET_PATH}`, { config: { access: ANY_ROLE } }, async (request, reply) => {
    const query = parseTmfListQuery(request.query, ['id', 'name', 'kind', 'createdAt']);
    const id = tmfFilterValue(query.filters, 'id', tmfUuid);
    const name = tmfFilterValue(query.filters, 'name', tmfText);
    const kind = tmfFilterValue(query.filters, 'kind', tmfEnum(['small', 'large']));
    const createdAt = tmfFilterValue(query.filters, 'createdAt', tmfDateTime);
    const baseUrl = tmfBaseUrl(request);
    const matching = WIDGETS.filter(
      (widget) =>
        (id === undefined || widget.id === id) &&
        (name === undefined || widget.name === name) &&
        (kind === undefined || widget.kind === kind) &&
        (createdAt === undefined || widget.createdAt === createdAt.toISOString()),
    ).map((widget) => ({ ...widget, href: tmfHref(baseUrl, WIDGET_PATH, widget.id) }));
    return replyTmfList(reply, { items: matching.slice(query.offset, query.offset + query.limit), total: matching.length }, query);
  });
  app.get(`/tmf-api/${WIDGET_PATH}/:id`, { config: { access: ANY_ROLE } }, async () => {
    throw new AppError('NOT_FOUND', 'No widget with this id');
  });
  app.patch(`/tmf-api/${WIDGET_PATH}/:id`, { config: { access: SELLERS } }, async (request) => ({
    received: request.body,
    contentType: request.headers['content-type'],
  }));
  app.delete(`/tmf-api/${WIDGET_PATH}/:id`, { config: { access: SELLERS } }, async (request, reply) =>
    request.body === undefined ? reply.status(204).send() : reply.status(400).send({ unexpectedBody: request.body }),
  );
}

describe('the TMF kernel over HTTP', () => {
  let t: TestApp;
  let webDir: string;
  let agentSession: string;
  let viewerSession: string;
  let agentKey: string;

  beforeAll(async () => {
    // With the web app served, so an unknown /tmf-api path must still get JSON, not index.html.
    webDir = mkdtempSync(path.join(os.tmpdir(), 'linedesk-tmf-kernel-'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>LineDesk</title>');
    t = await createTestApp({ WEB_DIST_DIR: webDir }, { beforeReady: registerWidgetRoutes });
    agentSession = await t.sessionFor(await t.createUser('agent'));
    viewerSession = await t.sessionFor(await t.createUser('viewer'));
    agentKey = await createTmfApiKey(t, 'TMF kernel test', 'agent');
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  /** As an integrator calls: the API key, no cookie, no Origin. */
  const withKey = (options: { method: 'GET' | 'PATCH' | 'DELETE'; url: string; headers?: Record<string, string>; payload?: string }) =>
    t.app.inject({ ...options, headers: { host: TEST_HOST, authorization: `Bearer ${agentKey}`, ...options.headers } });

  describe('unknown paths and errors', () => {
    it('should answer an unknown /tmf-api path with the JSON TMF Error, never the web app', async () => {
      for (const url of ['/tmf-api/nothing', '/tmf-api/customerManagement/v4/nothing?x=1', '/tmf-api']) {
        const response = await withKey({ method: 'GET', url });
        expect(response.statusCode, url).toBe(404);
        expect(response.headers['content-type'], url).toMatch(/^application\/json/);
        expect(response.json(), url).toEqual({
          '@type': 'Error',
          code: 'NOT_FOUND',
          reason: `No route GET ${url.split('?')[0]}`,
          message: `No route GET ${url.split('?')[0]}`,
          status: '404',
          requestId: response.headers['x-request-id'],
        });
      }
      // A page path still gets the web app, so the browser's router can take it.
      const page = await t.request({ method: 'GET', url: '/customers/42' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>LineDesk</title>');
    });

    it('should answer an overlong id or a badly encoded path with the TMF Error instead of the router default answer', async () => {
      const long = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}/${'x'.repeat(150)}` });
      expect(long.statusCode).toBe(404);
      expect(long.json()).toMatchObject({ '@type': 'Error', code: 'NOT_FOUND', status: '404', message: expect.stringContaining('longer than any id') });
      const badEncoding = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}/%E0%A4%A` });
      expect(badEncoding.statusCode).toBe(400);
      expect(badEncoding.json()).toMatchObject({ '@type': 'Error', code: 'VALIDATION_FAILED', status: '400' });
    });

    it('should answer an unknown id with a 404 TMF Error carrying a message', async () => {
      const response = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}/${WIDGETS[0]?.id}` });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ '@type': 'Error', code: 'NOT_FOUND', reason: 'No widget with this id', message: 'No widget with this id', status: '404' });
    });

    it('should keep the /api error shape as it was (no message)', async () => {
      const response = await t.request({ method: 'GET', url: '/api/nothing-here', session: agentSession });
      expect(response.statusCode).toBe(404);
      expect(response.json()).not.toHaveProperty('message');
    });
  });

  describe('lists', () => {
    it('should page with offset and limit and count in X-Total-Count and X-Result-Count', async () => {
      const response = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}?offset=1&limit=3` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-total-count']).toBe('5');
      expect(response.headers['x-result-count']).toBe('3');
      expect(response.json().map((widget: { name: string }) => widget.name)).toEqual(['Widget 2', 'Widget 3', 'Widget 4']);

      const beyond = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}?offset=10` });
      expect(beyond.json()).toEqual([]);
      expect([beyond.headers['x-total-count'], beyond.headers['x-result-count']]).toEqual(['5', '0']);
    });

    it('should give absolute hrefs at the host the caller used', async () => {
      const response = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}?limit=1` });
      expect(response.json()[0].href).toBe(`http://${TEST_HOST}/tmf-api/${WIDGET_PATH}/${WIDGETS[0]?.id}`);
    });

    it('should filter by attribute equality, counting what matches', async () => {
      const large = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}?kind=large&limit=1` });
      expect(large.json()).toEqual([expect.objectContaining({ name: 'Widget 2', kind: 'large' })]);
      expect([large.headers['x-total-count'], large.headers['x-result-count']]).toEqual(['2', '1']);

      const third = WIDGETS[2];
      const byDate = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}?createdAt=${encodeURIComponent(third?.createdAt ?? '')}` });
      expect(byDate.json().map((widget: { id: string }) => widget.id)).toEqual([third?.id]);
      const byName = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}?name=${encodeURIComponent('Widget 4')}&id=${WIDGETS[3]?.id}` });
      expect(byName.json().map((widget: { name: string }) => widget.name)).toEqual(['Widget 4']);
    });

    it('should project fields= while keeping id, href, @type and @baseType', async () => {
      const response = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}?fields=name&limit=2` });
      expect(response.json()).toEqual(
        WIDGETS.slice(0, 2).map((widget) => ({
          id: widget.id,
          href: `http://${TEST_HOST}/tmf-api/${WIDGET_PATH}/${widget.id}`,
          '@type': 'Widget',
          '@baseType': 'Thing',
          name: widget.name,
        })),
      );
      const idOnly = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}?fields=id&limit=1` });
      expect(Object.keys(idOnly.json()[0]).sort()).toEqual(['@baseType', '@type', 'href', 'id']);
    });

    it('should answer a bad offset, limit, unknown filter or bad filter value with a 400 naming the query field', async () => {
      const cases: [string, string, string][] = [
        ['offset=-5', 'query.offset', 'integer'],
        ['offset=abc', 'query.offset', 'integer'],
        ['limit=0', 'query.limit', 'min'],
        ['limit=5000', 'query.limit', 'max'],
        ['colour=blue', 'query.colour', 'unknown_filter'],
        ['id=42', 'query.id', 'uuid'],
        ['kind=medium', 'query.kind', 'option'],
        ['createdAt=2026-01-03', 'query.createdAt', 'date_time'],
        ['kind=small&kind=large', 'query.kind', 'repeated'],
      ];
      for (const [queryString, field, rule] of cases) {
        const response = await withKey({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}?${queryString}` });
        expect(response.statusCode, queryString).toBe(400);
        const body = response.json();
        expect(body, queryString).toMatchObject({ '@type': 'Error', code: 'VALIDATION_FAILED', status: '400', reason: `Check these fields: ${field}` });
        expect(body.fields, queryString).toEqual([{ field, rule, message: expect.any(String) }]);
        expect(body.message, queryString).toBe(`${field}: ${body.fields[0].message}`);
      }
    });
  });

  describe('PATCH bodies', () => {
    const url = `/tmf-api/${WIDGET_PATH}/${WIDGETS[0]?.id}`;

    it('should parse application/merge-patch+json and application/json alike', async () => {
      for (const contentType of ['application/merge-patch+json', 'application/merge-patch+json; charset=utf-8', 'application/json']) {
        const response = await withKey({ method: 'PATCH', url, headers: { 'content-type': contentType }, payload: '{"name":"Renamed","note":[{"text":"hi"}],"kind":null}' });
        expect(response.statusCode, contentType).toBe(200);
        expect(response.json(), contentType).toEqual({ received: { name: 'Renamed', note: [{ text: 'hi' }], kind: null }, contentType });
      }
    });

    it('should answer a malformed or empty merge-patch body with a 400 naming the body, as for application/json', async () => {
      for (const contentType of ['application/merge-patch+json', 'application/json']) {
        const malformed = await withKey({ method: 'PATCH', url, headers: { 'content-type': contentType }, payload: '{"name": ' });
        expect(malformed.statusCode, contentType).toBe(400);
        expect(malformed.json(), contentType).toMatchObject({
          code: 'VALIDATION_FAILED',
          fields: [{ field: 'body', rule: 'json', message: 'The body is not valid JSON' }],
          message: 'body: The body is not valid JSON',
        });
        const poisoned = await withKey({ method: 'PATCH', url, headers: { 'content-type': contentType }, payload: '{"__proto__":{"admin":true}}' });
        expect(poisoned.statusCode, contentType).toBe(400);
        const empty = await withKey({ method: 'PATCH', url, headers: { 'content-type': contentType }, payload: '' });
        expect(empty.statusCode, contentType).toBe(400);
        expect(empty.json().fields, contentType).toEqual([{ field: 'body', rule: 'required', message: expect.any(String) }]);
      }
    });

    it('should take a DELETE with a JSON content type and no body as having no body', async () => {
      for (const contentType of ['application/json', 'application/merge-patch+json']) {
        const response = await withKey({ method: 'DELETE', url, headers: { 'content-type': contentType }, payload: '' });
        expect(response.statusCode, contentType).toBe(204);
      }
    });

    it('should hold a merge-patch body to the same size limit as JSON', async () => {
      const huge = JSON.stringify({ note: 'x'.repeat(1024 * 1024) });
      const response = await withKey({ method: 'PATCH', url, headers: { 'content-type': 'application/merge-patch+json' }, payload: huge });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    });
  });

  describe('access and the Origin check', () => {
    const url = `/tmf-api/${WIDGET_PATH}/${WIDGETS[0]?.id}`;
    const payload = '{"name":"Renamed"}';
    const json = { 'content-type': 'application/merge-patch+json' };

    it('should list /tmf-api routes with their access rule, so the access walk tries them', () => {
      expect(t.app.registeredRoutes).toEqual(
        expect.arrayContaining([
          { method: 'GET', url: `/tmf-api/${WIDGET_PATH}`, access: ANY_ROLE },
          { method: 'PATCH', url: `/tmf-api/${WIDGET_PATH}/:id`, access: SELLERS },
        ]),
      );
    });

    it('should refuse anonymous callers and roles the route does not allow', async () => {
      const anonymous = await t.request({ method: 'GET', url: `/tmf-api/${WIDGET_PATH}` });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ '@type': 'Error', code: 'UNAUTHENTICATED', message: 'Sign in to continue' });
      const viewer = await t.request({ method: 'PATCH', url, session: viewerSession, headers: json, payload });
      expect(viewer.statusCode).toBe(403);
      expect(viewer.json()).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('should check the Origin of a change made with a session, and not of one made with an API key', async () => {
      const sameSite = await t.request({ method: 'PATCH', url, session: agentSession, headers: json, payload });
      expect(sameSite.statusCode).toBe(200);
      const crossSite = await t.request({ method: 'PATCH', url, session: agentSession, headers: { ...json, origin: 'https://evil.example' }, payload });
      expect(crossSite.statusCode).toBe(403);
      expect(crossSite.json()).toMatchObject({ code: 'ORIGIN_REJECTED', message: 'Requests from https://evil.example are not allowed to change data here' });
      const noOrigin = await t.app.inject({ method: 'PATCH', url, headers: { host: TEST_HOST, cookie: `${SESSION_COOKIE}=${agentSession}`, ...json }, payload });
      expect(noOrigin.statusCode).toBe(403);
      const byKey = await withKey({ method: 'PATCH', url, headers: json, payload });
      expect(byKey.statusCode).toBe(200);
      // Neither key nor cookie: nothing to forge, so the caller learns it must authenticate.
      const bare = await t.app.inject({ method: 'PATCH', url, headers: { host: TEST_HOST, ...json }, payload });
      expect(bare.statusCode).toBe(401);
      expect(bare.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });
});
