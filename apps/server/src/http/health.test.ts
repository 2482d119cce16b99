import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

describe('health and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('should answer /healthz without a session', async () => {
    const response = await t.request({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('should report ready with every committed migration applied', async () => {
    const response = await t.request({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ready');
    expect(body.database).toBe(t.database.kind);
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThanOrEqual(2);
  });

  it('should report not ready when the database is gone', async () => {
    const other = await createTestApp();
    await other.database.close();
    const response = await other.request({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().reason).toBe('database unreachable');
    await other.app.close();
  });

  it('should echo a caller-supplied request id and make one up otherwise', async () => {
    const given = await t.request({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await t.request({ method: 'GET', url: '/healthz' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should have the extensions the duplicate check needs', async () => {
    const { selectRows } = await import('../db/client.js');
    const { sql } = await import('drizzle-orm');
    const [row] = await selectRows<{ similarity: number; distance: number }>(
      t.database.db,
      sql`select similarity('jon smith', 'john smyth') as similarity, levenshtein('kitten', 'sitting') as distance`,
    );
    expect(row?.similarity).toBeCloseTo(0.3125, 4);
    expect(row?.distance).toBe(3);
  });
});
