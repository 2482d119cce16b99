import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/test-app.js';
import { auditLog } from './audit.schema.js';
import { batchAudits, diffRecords, recordAudit, recordAudits, REDACTED, SYSTEM_ACTOR } from './record-audit.js';

describe('diffRecords', () => {
  it('should keep only the fields that changed', () => {
    expect(diffRecords({ name: 'A', role: 'agent' }, { name: 'B', role: 'agent' })).toEqual({ name: { from: 'A', to: 'B' } });
  });

  it('should say that a secret changed without its value', () => {
    const changes = diffRecords(
      { password: 'old', portPin: '1234', ssn: null, cardNumber: '4111111111111111' },
      { password: 'new', portPin: '9999', ssn: '123-45-6789', cardNumber: '4111111111111111' },
    );
    expect(changes).toEqual({
      password: { from: REDACTED, to: REDACTED },
      portPin: { from: REDACTED, to: REDACTED },
      ssn: { from: null, to: REDACTED },
    });
  });

  it('should write dates as ISO strings', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    expect(diffRecords({}, { startsOn: at })).toEqual({ startsOn: { from: null, to: '2026-01-02T03:04:05.000Z' } });
  });
});

describe('the audit trail', () => {
  let t: TestApp;
  let admin: TestUser;
  let adminSession: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createUser('admin');
    adminSession = await t.sessionFor(admin);
  });
  afterAll(async () => t.close());

  it('should roll the audit row back with the change it describes', async () => {
    const before = (await t.database.db.select().from(auditLog)).length;
    await expect(
      t.database.db.transaction(async (tx) => {
        await recordAudit(tx, SYSTEM_ACTOR, { entityType: 'probe', entityId: '1', action: 'create', after: { a: 1 } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.database.db.select().from(auditLog)).toHaveLength(before);
  });

  it('should hold the rows recorded through a batch and write them, in order and unchanged, on flush', async () => {
    const actor = { actorUserId: admin.id, actorLabel: admin.email, requestId: 'req-batch' };
    const rows = () => t.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'batch_probe')).orderBy(asc(auditLog.id));
    await t.database.db.transaction(async (tx) => {
      const batch = batchAudits(actor);
      await recordAudit(tx, batch.context, { entityType: 'batch_probe', entityId: 'b1', action: 'create', after: { name: 'One', pin: '1234' } });
      await recordAudits(tx, batch.context, [
        { entityType: 'batch_probe', entityId: 'b2', action: 'create', after: { name: 'Two' } },
        { entityType: 'batch_probe', entityId: 'b1', action: 'rename', before: { name: 'One' }, after: { name: 'Uno' } },
      ]);
      expect(await tx.select().from(auditLog).where(eq(auditLog.entityType, 'batch_probe'))).toEqual([]);
      await batch.flush(tx);
    });
    expect((await rows()).map(({ actorUserId, actorLabel, requestId, entityId, action, changes }) => ({ actorUserId, actorLabel, requestId, entityId, action, changes }))).toEqual([
      { ...actor, entityId: 'b1', action: 'create', changes: { name: { from: null, to: 'One' }, pin: { from: null, to: REDACTED } } },
      { ...actor, entityId: 'b2', action: 'create', changes: { name: { from: null, to: 'Two' } } },
      { ...actor, entityId: 'b1', action: 'rename', changes: { name: { from: 'One', to: 'Uno' } } },
    ]);
  });

  it('should page the trail newest first for admins, with filters', async () => {
    for (let i = 0; i < 5; i += 1) {
      await recordAudit(t.database.db, SYSTEM_ACTOR, { entityType: 'probe', entityId: `p${i}`, action: 'touch', after: { i } });
    }
    const first = await t.request({ method: 'GET', url: '/api/audit?entityType=probe&limit=3', session: adminSession });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.entries.map((e: { entityId: string }) => e.entityId)).toEqual(['p4', 'p3', 'p2']);
    const second = await t.request({
      method: 'GET',
      url: `/api/audit?entityType=probe&limit=3&before=${page1.nextBefore}`,
      session: adminSession,
    });
    expect(second.json().entries.map((e: { entityId: string }) => e.entityId)).toEqual(['p1', 'p0']);
    expect(second.json().nextBefore).toBeNull();
  });

  it("should show each user only their own actions under /mine", async () => {
    const agent = await t.createUser('agent');
    const agentSession = await t.sessionFor(agent);
    await t.request({ method: 'POST', url: '/api/auth/sign-out', session: agentSession });
    const again = await t.sessionFor(agent);
    const mine = await t.request({ method: 'GET', url: '/api/audit/mine', session: again });
    expect(mine.statusCode).toBe(200);
    const entries = mine.json().entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e: { actorUserId: string }) => e.actorUserId === agent.id)).toBe(true);
    expect(entries[0].action).toBe('sign_out');
  });

  it('should refuse a malformed filter naming it', async () => {
    const response = await t.request({ method: 'GET', url: '/api/audit?limit=0&actorUserId=nope', session: adminSession });
    expect(response.statusCode).toBe(400);
    const fields = response.json().fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['query.actorUserId', 'query.limit']);
  });
});
