import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { verifyPassword } from '../modules/auth/password.js';
import { users } from '../modules/auth/auth.schema.js';
import { carriers } from '../modules/catalog/catalog.schema.js';
import { findCarrierConnection } from '../modules/catalog/use-cases/find-carrier-connection.js';
import { inventoryItems } from '../modules/inventory/inventory.schema.js';
import { readApiCustomerDefaults } from '../modules/system/settings.js';
import { DEMO_CARRIER_ACCOUNTS_FILE } from '../paths.js';
import { createSecretBox } from '../security/secret-box.js';
import { DEMO_SIGN_INS, ensureDemoData } from './seed-demo.js';

describe('demo data', () => {
  let database: Database;
  afterEach(async () => database.close());

  const embedded = (demo: string) => loadConfig({ DEMO_MODE: demo, DATA_DIR: '/tmp/unused' });
  const server = (demo: string) => loadConfig({ DEMO_MODE: demo, DATABASE_URL: 'postgres://x@y/z', ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') });
  const secrets = createSecretBox(Buffer.alloc(32, 1));
  const ensureDemo = (config: ReturnType<typeof loadConfig>) => ensureDemoData({ db: database.db, config, secrets });
  const userCount = async () => (await database.db.select({ n: count() }).from(users))[0]?.n;

  it('should seed one user per role into an empty embedded database, once', async () => {
    database = await createTestDatabase();
    const first = await ensureDemo(embedded('auto'));
    expect(first.signIns?.map((s) => s.role)).toEqual(['admin', 'agent', 'inventory', 'viewer']);
    const second = await ensureDemo(embedded('auto'));
    expect(second.signIns).toEqual(first.signIns);
    expect(await userCount()).toBe(4);
    // A stockroom to scan from: devices, SIMs and eSIMs for each demo carrier, all Available.
    const stock = await database.db.select().from(inventoryItems);
    expect(new Set(stock.map((item) => `${item.carrierCode}:${item.kind}`))).toEqual(new Set(['NWM:DEVICE', 'NWM:SIM', 'NWM:ESIM', 'BSW:DEVICE', 'BSW:SIM', 'PCC:DEVICE', 'PCC:SIM']));
    expect(stock.every((item) => item.status === 'AVAILABLE')).toBe(true);
    // Customers created through the TM Forum API get the first demo carrier and its default bill profile.
    expect(await readApiCustomerDefaults(database.db)).toEqual({ carrierCode: 'NWM', billProfileCode: 'RES-STD', billMethod: 'EMAIL' });
    const rows = await database.db.select().from(users);
    for (const demo of DEMO_SIGN_INS) {
      const row = rows.find((r) => r.email === demo.email);
      expect(row?.role).toBe(demo.role);
      expect(await verifyPassword(demo.password, row?.passwordHash ?? '')).toBe(true);
    }
  });

  it('should not seed a PostgreSQL server in auto mode, nor anything when off', async () => {
    database = await createTestDatabase();
    expect(await ensureDemo(server('auto'))).toEqual({ signIns: null, hasUsers: false });
    expect(await ensureDemo(embedded('off'))).toEqual({ signIns: null, hasUsers: false });
    expect(await userCount()).toBe(0);
  });

  it('should seed a PostgreSQL server when demo mode is on', async () => {
    database = await createTestDatabase();
    expect((await ensureDemo(server('on'))).signIns).toHaveLength(4);
    expect(await userCount()).toBe(4);
  });

  it('should connect the demo carriers to the carrier gateway simulator with its accounts file, sealed', async () => {
    database = await createTestDatabase();
    await ensureDemo(embedded('auto'));
    const accounts = JSON.parse(readFileSync(DEMO_CARRIER_ACCOUNTS_FILE, 'utf8')) as { carrierCode: string; accountId: string; apiKey: string; webhookSecret: string }[];
    for (const code of ['NWM', 'BSW']) {
      const account = accounts.find((a) => a.carrierCode === code)!;
      const connection = await findCarrierConnection({ db: database.db, secrets, code });
      expect(connection).toEqual({ carrierCode: code, adapter: 'carrier-gateway', endpoint: 'http://127.0.0.1:4100/v1', accountId: account.accountId, credential: account.apiKey, webhookSecret: account.webhookSecret });
    }
    // At rest they are sealed, never in clear.
    const [row] = await database.db.select({ sealed: carriers.provisioningCredentialSealed }).from(carriers).where(eq(carriers.code, 'NWM'));
    expect(row?.sealed).toMatch(/^v1:/);
    expect(row?.sealed).not.toContain('demo-nwm');
    expect((await findCarrierConnection({ db: database.db, secrets, code: 'PCC' }))?.adapter).toBe('manual');
  });

  it('should point the demo carriers at DEMO_CARRIER_GATEWAY_URL when it is set', async () => {
    database = await createTestDatabase();
    await ensureDemo(loadConfig({ DATA_DIR: '/tmp/unused', DEMO_CARRIER_GATEWAY_URL: 'http://127.0.0.1:45123/v1/' }));
    for (const code of ['NWM', 'BSW']) {
      expect((await findCarrierConnection({ db: database.db, secrets, code }))?.endpoint).toBe('http://127.0.0.1:45123/v1');
    }
    expect((await findCarrierConnection({ db: database.db, secrets, code: 'PCC' }))?.endpoint).toBeNull();
  });
});
