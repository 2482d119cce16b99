import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { TMF_OPENAPI_TAGS } from '../../http/openapi.js';

type Operation = { tags?: string[]; summary?: string; responses?: Record<string, { description?: string; content?: Record<string, { schema?: { $ref?: string } }> }> };
type OpenApiDocument = {
  info: { description: string };
  servers?: { url: string; description?: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
};

/** The resources each TM Forum API offers (its list path), beside its hub. */
const RESOURCES: Record<string, string[]> = {
  'TMF620 Product Catalog': ['productOffering', 'productOfferingPrice', 'productSpecification', 'catalog', 'category'],
  'TMF622 Product Ordering': ['productOrder', 'cancelProductOrder'],
  'TMF629 Customer': ['customer'],
  'TMF637 Product Inventory': ['product'],
  'TMF639 Resource Inventory': ['resource'],
};

describe('the OpenAPI document of the TM Forum Open APIs', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    t = await createTestApp();
    const session = await t.sessionFor(await t.createUser('viewer'));
    const response = await t.request({ method: 'GET', url: '/api/openapi.json', session });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(async () => t.close());

  const operationOf = (method: string, url: string): Operation | undefined => document.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];

  it('should say that /tmf-api holds the TM Forum Open APIs v4, one tag per API', () => {
    expect(document.info.description).toContain('TM Forum Open APIs v4');
    expect(document.servers?.map((server) => server.description).join(' ')).toContain('TM Forum Open APIs v4 under /tmf-api');
    for (const api of TMF_OPENAPI_TAGS) {
      const tag = document.tags?.find((candidate) => candidate.name === api.name);
      expect(tag?.description, api.name).toContain(`TM Forum ${api.name.split(' ')[0]}`);
      expect(tag?.description, api.name).toContain(`/tmf-api/${api.apiPath}`);
    }
    expect(document.components.schemas?.Error?.properties).toEqual(expect.objectContaining({ '@type': expect.anything(), code: expect.anything(), reason: expect.anything() }));
  });

  it('should document every /tmf-api route under its API with its answer and its errors', () => {
    const routes = t.app.registeredRoutes.filter((route) => route.url.startsWith('/tmf-api/'));
    const problems: string[] = [];
    for (const route of routes) {
      const where = `${route.method} ${route.url}`;
      const operation = operationOf(route.method, route.url);
      if (!operation) {
        problems.push(`${where}: not in the document`);
        continue;
      }
      const api = TMF_OPENAPI_TAGS.find((candidate) => route.url.startsWith(`/tmf-api/${candidate.apiPath}/`));
      if (!api || operation.tags?.join() !== api.name) problems.push(`${where}: tagged ${operation.tags?.join(', ')}, not its API's tag`);
      if (!operation.summary) problems.push(`${where}: no summary`);
      const responses = operation.responses ?? {};
      const success = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
      if (success.length === 0) problems.push(`${where}: no success answer documented`);
      for (const status of success.filter((code) => code !== '204')) {
        if (!responses[status]?.content?.['application/json']?.schema) problems.push(`${where}: answer ${status} has no JSON schema`);
      }
      const errors = ['400', '401', '403', '500', ...(route.url.includes(':') ? ['404'] : [])];
      for (const status of errors) {
        if (!responses[status]?.content?.['application/json']?.schema) problems.push(`${where}: error ${status} not documented`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('should document each API\'s resources (list and by id) and its event hub', () => {
    for (const api of TMF_OPENAPI_TAGS) {
      const base = `/tmf-api/${api.apiPath}`;
      for (const resource of RESOURCES[api.name] ?? []) {
        expect(operationOf('GET', `${base}/${resource}`), `GET ${base}/${resource}`).toBeDefined();
        expect(operationOf('GET', `${base}/${resource}/:id`), `GET ${base}/${resource}/:id`).toBeDefined();
      }
      expect(operationOf('POST', `${base}/hub`), `POST ${base}/hub`).toBeDefined();
      expect(operationOf('DELETE', `${base}/hub/:id`), `DELETE ${base}/hub/:id`).toBeDefined();
    }
    for (const [method, url] of [
      ['POST', '/tmf-api/customerManagement/v4/customer'],
      ['PATCH', '/tmf-api/customerManagement/v4/customer/:id'],
      ['POST', '/tmf-api/productOrderingManagement/v4/productOrder'],
      ['PATCH', '/tmf-api/productOrderingManagement/v4/productOrder/:id'],
      ['POST', '/tmf-api/productOrderingManagement/v4/cancelProductOrder'],
    ] as const) {
      expect(operationOf(method, url), `${method} ${url}`).toBeDefined();
    }
  });
});
