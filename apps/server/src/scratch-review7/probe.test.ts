import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createWizardOrder } from '../../test/order-fixture.js';
import { loadDemoCatalog, NEW_LINE } from '../../test/wizard-fixture.js';
import { createApiKey } from '../modules/api-keys/use-cases/create-api-key.js';
import { SYSTEM_ACTOR } from '../modules/audit/record-audit.js';

describe('probe', () => {
  let t: TestApp;
  let key: string;
  let customerId = '';
  let orderId = '';
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoCatalog(t);
    key = (await createApiKey({ db: t.database.db, audit: SYSTEM_ACTOR, input: { name: 'probe', role: 'admin' } })).key;
    const agent = await t.createUser('agent');
    const session = await t.sessionFor(agent);
    const made = await createWizardOrder(t, session, agent.id, [NEW_LINE]);
    customerId = made.customerId;
    orderId = (made as { orderId?: string }).orderId ?? '';
  });
  afterAll(async () => t?.close());
  const api = (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: method as 'GET', url, ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}), headers: { host: 'linedesk.test', authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers } });

  it('probes', async () => {
    const out: string[] = [];
    const gets = t.app.registeredRoutes.filter((r) => r.url.startsWith('/tmf-api') && r.method === 'GET');
    const weird = ['not-a-uuid', 'mdn-abc', 'mdn-3125550100', '00000000-0000-0000-0000-00000000000Z', "x'; drop table customers;--", '%00', 'a'.repeat(199), customerId.toUpperCase()];
    for (const r of gets) {
      const urls = r.url.includes(':id') ? weird.map((w) => r.url.replace(':id', encodeURIComponent(w))) : [
        `${r.url}?offset=-1`, `${r.url}?limit=abc`, `${r.url}?limit=0`, `${r.url}?limit=100000`, `${r.url}?fields=`, `${r.url}?fields=id,,x`, `${r.url}?id=zz`, `${r.url}?id=a&id=b`,
        `${r.url}?state=zz`, `${r.url}?status=zz`, `${r.url}?orderDate=zz`, `${r.url}?name=%00`, `${r.url}?lifecycleStatus=zz`, `${r.url}?engagedParty.id=zz`, `${r.url}?resourceStatus=zz`, `${r.url}?@type=zz`, `${r.url}?isBundle=zz`, `${r.url}?creationDate=2020-13-45T00:00:00Z`, `${r.url}?productOrder.id=zz`, `${r.url}?value=zz`, `${r.url}?offset=1e3`, `${r.url}?limit=1.5`, `${r.url}?sort=id`, `${r.url}?offset=9007199254740991`, `${r.url}?offset=2147483648&limit=1000`];
      for (const url of urls) {
        const res = await api('GET', url);
        if (res.statusCode >= 500 || (res.statusCode >= 400 && !res.body.includes('"@type":"Error"'))) out.push(`${res.statusCode} GET ${url} ${res.body.slice(0, 200)}`);
      }
    }
    // mutations with odd bodies
    const muts = t.app.registeredRoutes.filter((r) => r.url.startsWith('/tmf-api') && r.method !== 'GET' && r.method !== 'HEAD');
    const bodies: unknown[] = [null, [], 'x', 42, {}, { id: 1 }, { productOrderItem: [] }, { productOrderItem: [{ id: '1', action: 'add', product: { productCharacteristic: [{ name: 'lineType', value: { a: 1 } }] } }] },
      { name: '' }, { productOrder: { id: 'nope' } }, { productOrder: { id: orderId } }, { callback: 'file:///etc/passwd' }, { callback: 'http://x', query: 'zz=1' }, { productOrderItem: [{ id: 'x', product: { realizingResource: [{ id: 'zz' }] } }] }, { requestedCompletionDate: 'zz' }, { requestedCompletionDate: '2020-02-31T00:00:00Z' }, { contactMedium: [{ mediumType: 'zz' }] }, { engagedParty: { id: 'x' } }];
    for (const r of muts) {
      for (const id of [customerId, orderId, 'nope']) {
        const url = r.url.replace(':id', id);
        for (const body of bodies) {
          const res = await api(r.method as string, url, body, { 'content-type': r.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' });
          if (res.statusCode >= 500) out.push(`${res.statusCode} ${r.method} ${url} ${JSON.stringify(body)} ${res.body.slice(0, 300)}`);
        }
        if (!r.url.includes(':id')) break;
      }
    }
    console.log(out.join('\n'));
    expect(out).toEqual([]);
  }, 300_000);
});
