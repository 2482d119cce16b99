import { createHash } from 'node:crypto';
import { API_KEY_PATTERN, type Role } from '@linedesk/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/test-app.js';
import { auditLog } from '../audit/audit.schema.js';
import { apiKeys } from './api-keys.schema.js';

const UNKNOWN_ORDER = '00000000-0000-4000-8000-000000000000';

describe('integrator API keys', () => {
  let t: TestApp;
  let admin: TestUser;
  let session: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createUser('admin', { email: 'keymaster@example.com', name: 'Kim Keymaster' });
    session = await t.sessionFor(admin);
  });
  afterAll(async () => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  const createKey = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/api-keys', session, payload });
  const listKeys = async () => (await t.request({ method: 'GET', url: '/api/api-keys', session })).json() as { name: string; status: string; lastUsedAt: string | null }[];
  async function newKey(name: string, role: Role, expiresAt?: string): Promise<{ id: string; key: string }> {
    const response = await createKey({ name, role, ...(expiresAt ? { expiresAt } : {}) });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    return { id: body.apiKey.id, key: body.key };
  }
  /**
   * A call as an integrator's tool makes it (newman, the TM Forum kits' runner): the key in the
   * Authorization header, JSON content type even on a GET, no cookie, no Origin.
   */
  const withKey = (key: string, options: { method?: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> }) =>
    t.app.inject({
      method: options.method ?? 'GET',
      url: options.url,
      payload: options.payload,
      headers: { host: 'linedesk.test', authorization: `Bearer ${key}`, accept: 'application/json', 'content-type': 'application/json' },
    });

  it('should create a key shown once, store only its SHA-256 and prefix, and audit it', async () => {
    const response = await createKey({ name: '  Dealer portal ', role: 'agent' });
    expect(response.statusCode).toBe(201);
    const { apiKey, key } = response.json();
    expect(key).toMatch(API_KEY_PATTERN);
    // 32 random bytes in base64url: 43 characters after the prefix.
    expect(key.split('_').slice(2).join('_')).toHaveLength(43);
    expect(apiKey).toMatchObject({
      name: 'Dealer portal',
      role: 'agent',
      status: 'active',
      prefix: key.slice(4, 12),
      createdBy: { userId: admin.id, name: 'Kim Keymaster' },
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });

    const [row] = await t.database.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row?.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(key.slice(13));

    // The list never carries the key again.
    const list = await t.request({ method: 'GET', url: '/api/api-keys', session });
    expect(list.body).not.toContain(key.slice(13));
    expect(list.json().find((k: { id: string }) => k.id === apiKey.id)).toMatchObject({ name: 'Dealer portal', prefix: apiKey.prefix });

    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'api_key'), eq(auditLog.entityId, apiKey.id)));
    expect(entry).toMatchObject({ action: 'create', actorUserId: admin.id, actorLabel: 'keymaster@example.com' });
    expect(entry?.changes.role).toEqual({ from: null, to: 'agent' });
    expect(JSON.stringify(entry?.changes)).not.toContain(key.slice(13));
    expect(JSON.stringify(entry?.changes)).not.toContain(row?.keyHash);
  });

  it('should refuse a second key of the same name, whatever its case, naming the field, and write nothing', async () => {
    await newKey('Billing sync', 'viewer');
    const keysBefore = await t.database.db.select().from(apiKeys);
    const auditBefore = await t.database.db.select().from(auditLog);
    const response = await createKey({ name: 'BILLING SYNC', role: 'viewer' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'ALREADY_EXISTS', fields: [{ field: 'body.name', rule: 'unique' }] });
    expect(await t.database.db.select().from(apiKeys)).toHaveLength(keysBefore.length);
    expect(await t.database.db.select().from(auditLog)).toHaveLength(auditBefore.length);
  });

  it('should name every invalid field of a new key', async () => {
    const response = await createKey({ name: ' ', role: 'owner', expiresAt: '2001-01-01T00:00:00Z' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['body.expiresAt', 'body.name', 'body.role']);
    const past = await createKey({ name: 'Yesterday', role: 'viewer', expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.json().fields).toEqual([expect.objectContaining({ field: 'body.expiresAt', message: 'Choose a time in the future' })]);
  });

  it("should let a key call exactly what its role may, without a cookie or an Origin, then refuse it once revoked", async () => {
    const viewer = await newKey('Reporting', 'viewer');
    const agent = await newKey('CRM', 'agent');

    const orders = await withKey(viewer.key, { url: '/api/orders' });
    expect(orders.statusCode).toBe(200);
    const cancelAsViewer = await withKey(viewer.key, { method: 'POST', url: `/api/orders/${UNKNOWN_ORDER}/cancel`, payload: { reason: 'Customer changed their mind' } });
    expect(cancelAsViewer.statusCode).toBe(403);
    expect(cancelAsViewer.json()).toMatchObject({ code: 'FORBIDDEN', reason: "This API key's role (viewer) may not do this" });
    // The agent's key gets past access and the Origin check: the order simply does not exist.
    const cancelAsAgent = await withKey(agent.key, { method: 'POST', url: `/api/orders/${UNKNOWN_ORDER}/cancel`, payload: { reason: 'Customer changed their mind' } });
    expect(cancelAsAgent.statusCode).toBe(404);
    const users = await withKey(agent.key, { url: '/api/users' });
    expect(users.statusCode).toBe(403);

    const revoke = await t.request({ method: 'POST', url: `/api/api-keys/${viewer.id}/revoke`, session });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toMatchObject({ id: viewer.id, status: 'revoked', revokedAt: expect.any(String) });

    const refused = await withKey(viewer.key, { url: '/api/orders' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'UNAUTHENTICATED', reason: expect.stringMatching(/^This API key \(Reporting\) was revoked on /) });
    expect(refused.headers['www-authenticate']).toContain('Bearer');
    // The other key is untouched.
    expect((await withKey(agent.key, { url: '/api/orders' })).statusCode).toBe(200);

    // Revoking again changes nothing and writes no second audit row.
    expect((await t.request({ method: 'POST', url: `/api/api-keys/${viewer.id}/revoke`, session })).statusCode).toBe(200);
    const revocations = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, viewer.id), eq(auditLog.action, 'revoke')));
    expect(revocations).toHaveLength(1);
    expect(revocations[0]).toMatchObject({ actorUserId: admin.id, changes: { revokedAt: { from: null, to: expect.any(String) } } });
    expect((await listKeys()).find((k) => k.name === 'Reporting')?.status).toBe('revoked');

    const unknown = await t.request({ method: 'POST', url: `/api/api-keys/${UNKNOWN_ORDER}/revoke`, session });
    expect(unknown.statusCode).toBe(404);
  });

  it("should audit what a key changes as the key, with no user, and take it without an Origin header", async () => {
    const admins = await newKey('Provisioning robot', 'admin');
    const response = await withKey(admins.key, { method: 'POST', url: '/api/inventory/tacs', payload: { tac: '35209900', make: 'Acme', model: 'Rocket 5' } });
    expect(response.statusCode, response.body).toBe(201);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, '35209900'), eq(auditLog.action, 'create')));
    expect(entry).toMatchObject({ actorUserId: null, actorLabel: 'API key Provisioning robot' });

    // A key an admin key creates names that key as its creator.
    const child = await withKey(admins.key, { method: 'POST', url: '/api/api-keys', payload: { name: 'Made by a robot', role: 'viewer' } });
    expect(child.statusCode).toBe(201);
    expect(child.json().apiKey.createdBy).toEqual({ userId: null, name: 'API key Provisioning robot' });
  });

  it('should keep refusing a cookie session change without an Origin, even beside a foreign Authorization header', async () => {
    const noOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/inventory/tacs',
      payload: { tac: '35209901', make: 'Acme', model: 'Rocket 6' },
      headers: { host: 'linedesk.test', cookie: `ld_session=${session}`, authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(noOrigin.statusCode).toBe(403);
    expect(noOrigin.json().code).toBe('ORIGIN_REJECTED');
    const crossSite = await t.request({
      method: 'POST',
      url: '/api/inventory/tacs',
      session,
      headers: { origin: 'https://evil.example' },
      payload: { tac: '35209901', make: 'Acme', model: 'Rocket 6' },
    });
    expect(crossSite.json().code).toBe('ORIGIN_REJECTED');
    // A proxy's Basic credentials leave the session working.
    const read = await t.request({ method: 'GET', url: '/api/orders', session, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(read.statusCode).toBe(200);
  });

  it("should take the key's role, not the cookie's, when a request carries both", async () => {
    const viewer = await newKey('Both at once', 'viewer');
    const response = await t.request({ method: 'GET', url: '/api/users', session, headers: { authorization: `Bearer ${viewer.key}` } });
    expect(response.statusCode).toBe(403);
  });

  it('should refuse malformed, unknown and foreign Bearer credentials with a reason', async () => {
    const valid = await newKey('Typo victim', 'viewer');
    const malformed = await withKey('ldk_short', { url: '/api/orders' });
    expect(malformed.statusCode).toBe(401);
    expect(malformed.json().reason).toMatch(/an API key looks like ldk_<prefix>_<secret>/);
    // The right prefix with a wrong secret says no more than an unknown key.
    const wrongSecret = `${valid.key.slice(0, 13)}${'A'.repeat(43)}`;
    const wrong = await withKey(wrongSecret, { url: '/api/orders' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().reason).toBe('This API key is not valid');
    const foreign = await withKey('eyJhbGciOiJIUzI1NiJ9.e30.x', { url: '/api/orders' });
    expect(foreign.statusCode).toBe(401);
    expect(foreign.json().reason).toMatch(/not a LineDesk API key/);
    // A session-only route refuses a key, saying why.
    const sessionInfo = await withKey(valid.key, { url: '/api/auth/session' });
    expect(sessionInfo.statusCode).toBe(403);
    expect(sessionInfo.json().reason).toMatch(/Only a signed-in user can do this/);
  });

  it('should refuse a key after its expiry', async () => {
    const soon = await newKey('Trial integration', 'viewer', new Date(Date.now() + 3_600_000).toISOString());
    expect((await listKeys()).find((k) => k.name === 'Trial integration')?.status).toBe('active');
    // An hour goes by: moved into the past in the row itself, before the key is ever used.
    await t.database.db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, soon.id));
    const response = await withKey(soon.key, { url: '/api/orders' });
    expect(response.statusCode).toBe(401);
    expect(response.json().reason).toMatch(/^This API key \(Trial integration\) expired on /);
    expect((await listKeys()).find((k) => k.name === 'Trial integration')?.status).toBe('expired');
  });

  it('should stamp its last use at most once a minute', async () => {
    const busy = await newKey('Busy integrator', 'viewer');
    const lastUsed = async () => (await t.database.db.select().from(apiKeys).where(eq(apiKeys.id, busy.id)))[0]?.lastUsedAt ?? null;
    expect(await lastUsed()).toBeNull();
    await withKey(busy.key, { url: '/api/orders' });
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    for (let i = 0; i < 3; i += 1) expect((await withKey(busy.key, { url: '/api/orders' })).statusCode).toBe(200);
    expect(await lastUsed()).toEqual(first);

    // Only the clock moves on (timers stay real, so the database keeps working).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date((first as Date).getTime() + 61_000));
    expect((await withKey(busy.key, { url: '/api/orders' })).statusCode).toBe(200);
    expect(await lastUsed()).toEqual(new Date((first as Date).getTime() + 61_000));
    vi.useRealTimers();
    expect((await listKeys()).find((k) => k.name === 'Busy integrator')?.lastUsedAt).toBe(new Date((first as Date).getTime() + 61_000).toISOString());
  });
});
