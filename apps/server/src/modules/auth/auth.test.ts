import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookieOf, TEST_PASSWORD, type TestApp, type TestUser } from '../../../test/test-app.js';
import { auditLog } from '../audit/audit.schema.js';
import { sessions, users } from './auth.schema.js';

describe('sign-in, sessions and sign-out', () => {
  let t: TestApp;
  let agent: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ SIGN_IN_RATE_LIMIT: '5' });
    agent = await t.createUser('agent', { email: 'clerk@example.com' });
  });
  afterAll(async () => t.close());

  const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, headers });

  it('should sign in with the right password and set an httpOnly, SameSite session cookie', async () => {
    const response = await signIn('  Clerk@Example.com ', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ email: 'clerk@example.com', role: 'agent' });
    const cookie = response.cookies.find((c) => c.name === 'ld_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await t.request({ method: 'GET', url: '/api/auth/session', session: cookie?.value });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.id).toBe(agent.id);
  });

  it('should store only a hash of the session token', async () => {
    const token = sessionCookieOf(await signIn('clerk@example.com', TEST_PASSWORD));
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, agent.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.tokenHash)).not.toContain(token);
  });

  it('should refuse a wrong password and an unknown email with the same answer', async () => {
    const wrong = await signIn('clerk@example.com', 'not-the-password');
    const unknown = await signIn('nobody@example.com', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().reason).toBe(wrong.json().reason);
    expect(sessionCookieOf(wrong)).toBeUndefined();
  });

  it('should refuse an inactive user even with the right password', async () => {
    const gone = await t.createUser('viewer', { email: 'gone@example.com' });
    await t.database.db.update(users).set({ isActive: false }).where(eq(users.id, gone.id));
    expect((await signIn('gone@example.com', TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('should name every failing field when the sign-in body is wrong', async () => {
    const response = await t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'not-an-email' } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.email', 'body.password']);
  });

  it('should end the session on sign-out and clear the cookie', async () => {
    const token = sessionCookieOf(await signIn('clerk@example.com', TEST_PASSWORD));
    const out = await t.request({ method: 'POST', url: '/api/auth/sign-out', session: token });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'ld_session')?.value).toBe('');
    expect((await t.request({ method: 'GET', url: '/api/auth/session', session: token })).statusCode).toBe(401);
  });

  it('should not accept an expired session', async () => {
    const token = await t.sessionFor(agent);
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    const response = await t.request({ method: 'GET', url: '/api/auth/session', session: token });
    expect(response.statusCode).toBe(401);
  });

  it('should audit sign-in and sign-out with the request id', async () => {
    const response = await signIn('clerk@example.com', TEST_PASSWORD, { 'x-request-id': 'audit-me-1' });
    const token = sessionCookieOf(response);
    await t.request({ method: 'POST', url: '/api/auth/sign-out', session: token, headers: { 'x-request-id': 'audit-me-2' } });
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, agent.id));
    const actions = rows.map((row) => `${row.action}:${row.requestId}`);
    expect(actions).toEqual(expect.arrayContaining(['sign_in:audit-me-1', 'sign_out:audit-me-2']));
  });

  it('should rate-limit repeated sign-in attempts for one email and address', async () => {
    const attempts = [];
    for (let i = 0; i < 6; i += 1) {
      attempts.push(await signIn('victim@example.com', 'guess-guess'));
    }
    expect(attempts.slice(0, 5).map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
    const limited = attempts[5];
    expect(limited?.statusCode).toBe(429);
    expect(limited?.json().code).toBe('RATE_LIMITED');
  });
});

describe('cross-site protection and headers', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ ALLOWED_ORIGINS: 'https://partner.example.com' });
    token = await t.sessionFor(await t.createUser('admin'));
  });
  afterAll(async () => t.close());

  const signOut = (headers: Record<string, string>) => t.request({ method: 'POST', url: '/api/auth/sign-out', session: token, headers });

  it('should refuse a change from another origin', async () => {
    const response = await signOut({ origin: 'https://evil.example.com' });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('ORIGIN_REJECTED');
  });

  it('should refuse a change with neither Origin nor Referer', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { host: 'linedesk.test', cookie: `ld_session=${token}` },
    });
    expect(response.statusCode).toBe(403);
  });

  it('should accept a configured extra origin and reads without an Origin', async () => {
    const read = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `ld_session=${token}` } });
    expect(read.statusCode).toBe(200);
    expect((await signOut({ origin: 'https://partner.example.com' })).statusCode).toBe(204);
  });

  it('should fall back to the Referer, and treat an opaque Origin as none', async () => {
    const fromReferer = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { host: 'linedesk.test', referer: 'https://evil.example.com/form' },
      payload: { email: 'x@example.com', password: 'whatever-password' },
    });
    expect(fromReferer.json().code).toBe('ORIGIN_REJECTED');
    const opaque = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { host: 'linedesk.test', origin: 'null', referer: 'http://linedesk.test/sign-in' },
      payload: { email: 'x@example.com', password: 'whatever-password' },
    });
    expect(opaque.statusCode).toBe(401);
  });

  it('should send security headers', async () => {
    const response = await t.request({ method: 'GET', url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('changing your own password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('should require the current password, then sign out the other sessions only', async () => {
    const user = await t.createUser('inventory');
    const here = await t.sessionFor(user);
    const elsewhere = await t.sessionFor(user);
    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      session: here,
      payload: { currentPassword: 'wrong-password', newPassword: 'a-brand-new-secret' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().fields[0].field).toBe('body.currentPassword');

    const ok = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      session: here,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-secret' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/auth/session', session: here })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/session', session: elsewhere })).statusCode).toBe(401);
    const again = await t.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: user.email, password: 'a-brand-new-secret' },
    });
    expect(again.statusCode).toBe(200);
  });

  it('should refuse a short new password naming the field', async () => {
    const session = await t.sessionFor(await t.createUser('viewer'));
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      session,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([expect.objectContaining({ field: 'body.newPassword', rule: 'too_small' })]);
  });
});
