import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFixture } from '../../../test/catalog-fixture.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { auditLog } from '../audit/audit.schema.js';
import { type packages, products } from './catalog.schema.js';

describe('catalog import and export', () => {
  let t: TestApp;
  let session: string;

  beforeAll(async () => {
    t = await createTestApp();
    session = await t.sessionFor(await t.createUser('admin', { email: 'seller@example.com' }));
  });
  afterAll(async () => t.close());

  const importDocument = (document: unknown) => t.request({ method: 'POST', url: '/api/catalog/import', session, payload: document as Record<string, unknown> });
  const exportDocument = async () => (await t.request({ method: 'GET', url: '/api/catalog/export', session })).json();
  const rows = async (table: typeof products | typeof packages) => (await t.database.db.select({ n: count() }).from(table))[0]?.n;

  it('should create everything once, then find nothing to change on a second import', async () => {
    const document = catalogFixture();
    document.agents = [{ code: 'DEALER', name: 'Dealer', parentCode: null, email: null, phone: null, isActive: true, salesPersonEmails: ['seller@example.com'] }];
    const first = await importDocument(document);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 17, updated: 0, unchanged: 0 });
    const second = await importDocument(document);
    expect(second.json()).toEqual({ created: 0, updated: 0, unchanged: 17 });
    expect(await rows(products)).toBe(7);
  });

  it('should round-trip: an exported document imports back unchanged and exports the same', async () => {
    const exported = await exportDocument();
    expect(exported).toMatchObject({ format: 'linedesk-catalog', version: 1 });
    expect(exported.agents[0].salesPersonEmails).toEqual(['seller@example.com']);
    expect(JSON.stringify(exported)).not.toMatch(/credential"|webhookSecret"/);
    const again = await importDocument(exported);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 17 });
    const { exportedAt: _a, ...first } = exported;
    const { exportedAt: _b, ...second } = await exportDocument();
    expect(second).toEqual(first);
  });

  it('should update only what changed, and audit it', async () => {
    const document = await exportDocument();
    document.products.find((p: { code: string }) => p.code === 'VM').monthlyCents = 300;
    const before = (await t.database.db.select().from(auditLog)).length;
    expect((await importDocument(document)).json()).toEqual({ created: 0, updated: 1, unchanged: 16 });
    const entries = (await t.database.db.select().from(auditLog)).slice(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.changes).toEqual({ monthlyCents: { from: 250, to: 300 } });
  });

  it('should write nothing when one record is wrong, and name it', async () => {
    const document = await exportDocument();
    document.products.push({ carrierCode: 'GSM', code: 'NEWONE', name: 'New', kind: 'feature', description: '', monthlyCents: 100, oneTimeCents: 0, isTaxable: true, isActive: true });
    document.packages[0].products.push({ productCode: 'NOSUCH', quantity: 1, monthlyOverrideCents: null, inclusion: 'required', orderType: 'ALL' });
    const response = await importDocument(document);
    expect(response.statusCode).toBe(422);
    expect(response.json().fields[0]).toMatchObject({ field: expect.stringMatching(/^packages\.\d+\.products\.\d+\.productCode$/), rule: 'exists' });
    expect(await rows(products)).toBe(7);
  });

  it('should find nothing to change in a document that lists line types in another order or repeats an order type', async () => {
    const document = await exportDocument();
    const pkg = document.packages.find((p: { code: string }) => p.code === 'UNL');
    pkg.lineTypeCodes = ['TAB', 'PHONE'];
    expect((await importDocument(document)).json().updated).toBe(1);
    pkg.orderTypes = ['CONVERSION', 'NEW', 'NEW'];
    expect((await importDocument(document)).json()).toMatchObject({ created: 0, updated: 0 });
  });

  it('should change a carrier secret only when the document carries a different one', async () => {
    const document = await exportDocument();
    const gsm = document.carriers.find((c: { code: string }) => c.code === 'GSM');
    gsm.provisioning.credential = 'sk_from_the_document_1234';
    expect((await importDocument(document)).json()).toMatchObject({ updated: 1 });
    expect((await importDocument(document)).json()).toMatchObject({ updated: 0 });
    gsm.provisioning.credential = null;
    expect((await importDocument(document)).json()).toMatchObject({ updated: 1 });
    expect((await importDocument(document)).json()).toMatchObject({ updated: 0 });
  });

  it('should refuse a code that appears twice in one section, naming the second', async () => {
    const document = await exportDocument();
    document.agents.push({ ...document.agents[0], name: 'Copy', code: document.agents[0].code.toLowerCase() });
    const response = await importDocument(document);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0]).toMatchObject({ field: 'agents.1.code', rule: 'unique' });
  });

  it('should refuse a document that is not a catalog, naming the field', async () => {
    const response = await importDocument({ format: 'something-else', version: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].field).toBe('body.format');
  });
});
