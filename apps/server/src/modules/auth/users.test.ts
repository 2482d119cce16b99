import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/test-app.js';
import { auditLog } from '../audit/audit.schema.js';
import { users } from './auth.schema.js';

describe('admins manage users', () => {
  let t: TestApp;
  let admin: TestUser;
  let session: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createUser('admin', { email: 'boss@example.com', name: 'Bo Boss' });
    session = await t.sessionFor(admin);
  });
  afterAll(async () => t.close());

  const create = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/users', session, payload });
  const patch = (id: string, payload: Record<string, unknown>) =>
    t.request({ method: 'PATCH', url: `/api/users/${id}`, session, payload });

  it('should create a user who can then sign in, and audit it without the password', async () => {
    const response = await create({ email: 'New.Clerk@Example.com', name: 'New Clerk', role: 'agent', password: 'first-day-password' });
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({ email: 'new.clerk@example.com', name: 'New Clerk', role: 'agent', isActive: true });
    expect(user).not.toHaveProperty('passwordHash');

    const signIn = await t.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'new.clerk@example.com', password: 'first-day-password' },
    });
    expect(signIn.statusCode).toBe(200);

    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'create')));
    expect(entry).toMatchObject({ actorUserId: admin.id, actorLabel: 'boss@example.com', entityType: 'user' });
    expect(entry?.changes.role).toEqual({ from: null, to: 'agent' });
    expect(entry?.changes.password).toEqual({ from: null, to: '[redacted]' });
    expect(JSON.stringify(entry?.changes)).not.toContain('first-day-password');
    expect(JSON.stringify(entry?.changes)).not.toContain('scrypt');
  });

  it('should refuse a duplicate email naming the field, and write nothing', async () => {
    const before = await t.database.db.select().from(auditLog);
    const response = await create({ email: 'NEW.CLERK@example.com', name: 'Again', role: 'viewer', password: 'another-password' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'ALREADY_EXISTS', fields: [{ field: 'body.email', rule: 'unique' }] });
    expect(await t.database.db.select().from(auditLog)).toHaveLength(before.length);
  });

  it('should name every invalid field of a new user', async () => {
    const response = await create({ email: 'x', name: '', role: 'boss', password: 'short' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['body.email', 'body.name', 'body.password', 'body.role']);
  });

  it('should list users with search, role and status filters', async () => {
    await create({ email: 'stock.keeper@example.com', name: 'Stock Keeper', role: 'inventory', password: 'stock-password-1' });
    const all = await t.request({ method: 'GET', url: '/api/users', session });
    expect(all.json().map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining(['boss@example.com', 'new.clerk@example.com', 'stock.keeper@example.com']),
    );
    const search = await t.request({ method: 'GET', url: '/api/users?search=keeper', session });
    expect(search.json().map((u: { email: string }) => u.email)).toEqual(['stock.keeper@example.com']);
    const role = await t.request({ method: 'GET', url: '/api/users?role=agent', session });
    expect(role.json().every((u: { role: string }) => u.role === 'agent')).toBe(true);
    const wildcard = await t.request({ method: 'GET', url: '/api/users?search=%25', session });
    expect(wildcard.json()).toEqual([]);
  });

  it('should deactivate a user, ending their sessions, and audit the before and after', async () => {
    const clerk = await t.createUser('agent');
    const clerkSession = await t.sessionFor(clerk);
    // Used once, so the server has it in memory when the deactivation comes.
    expect((await t.request({ method: 'GET', url: '/api/auth/session', session: clerkSession })).statusCode).toBe(200);
    const response = await patch(clerk.id, { isActive: false });
    expect(response.statusCode).toBe(200);
    expect(response.json().isActive).toBe(false);
    expect((await t.request({ method: 'GET', url: '/api/auth/session', session: clerkSession })).statusCode).toBe(401);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, clerk.id), eq(auditLog.action, 'update')));
    expect(entry?.changes).toEqual({ isActive: { from: true, to: false } });
  });

  it('should reset a password so the old one stops working', async () => {
    const clerk = await t.createUser('agent');
    expect((await patch(clerk.id, { password: 'reset-by-admin-1' })).statusCode).toBe(200);
    const signIn = (password: string) =>
      t.request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: clerk.email, password } });
    expect((await signIn('correct-horse-battery')).statusCode).toBe(401);
    expect((await signIn('reset-by-admin-1')).statusCode).toBe(200);
  });

  it('should never demote or deactivate the last active admin', async () => {
    const demote = await patch(admin.id, { role: 'agent' });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().code).toBe('RULE_VIOLATED');
    expect((await patch(admin.id, { isActive: false })).statusCode).toBe(422);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, admin.id));
    expect(row).toMatchObject({ role: 'admin', isActive: true });

    const second = await t.createUser('admin');
    expect((await patch(second.id, { role: 'viewer' })).statusCode).toBe(200);
  });

  it('should answer 404 for an unknown user and 400 naming params.id for a malformed id', async () => {
    const unknown = await t.request({ method: 'GET', url: '/api/users/00000000-0000-4000-8000-000000000000', session });
    expect(unknown.statusCode).toBe(404);
    const malformed = await t.request({ method: 'GET', url: '/api/users/42', session });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().fields[0].field).toBe('params.id');
  });

  it('should refuse an empty change', async () => {
    const response = await patch(admin.id, {});
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('the last active admin', () => {
  it('should let only one of two admins demoting each other at once succeed', async () => {
    const t = await createTestApp();
    try {
      const a = await t.createUser('admin');
      const b = await t.createUser('admin');
      const [first, second] = await Promise.all([
        t.request({ method: 'PATCH', url: `/api/users/${b.id}`, session: await t.sessionFor(a), payload: { role: 'agent' } }),
        t.request({ method: 'PATCH', url: `/api/users/${a.id}`, session: await t.sessionFor(b), payload: { role: 'agent' } }),
      ]);
      // The loser is refused either as the last admin (422) or, when the winner already demoted it
      // and so ended its session, as signed out (401).
      const codes = [first.statusCode, second.statusCode].sort();
      expect(codes[0]).toBe(200);
      expect([401, 422]).toContain(codes[1]);
      const admins = await t.database.db.select().from(users).where(and(eq(users.role, 'admin'), eq(users.isActive, true)));
      expect(admins).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
