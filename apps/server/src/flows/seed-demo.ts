import { ROLE_LABELS, ZCatalogDocument, type Role } from '@linedesk/domain';
import { count, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db, DbOrTx } from '../db/client.js';
import { SYSTEM_ACTOR } from '../modules/audit/record-audit.js';
import { DEMO_CATALOG, demoCatalogWithSecrets } from '../modules/catalog/demo-catalog.js';
import { importCatalog } from '../modules/catalog/use-cases/import-catalog.js';
import { DEMO_STOCK, DEMO_TACS } from '../modules/inventory/demo-stock.js';
import { addStockItems } from '../modules/inventory/use-cases/add-stock-items.js';
import { saveTac } from '../modules/inventory/use-cases/save-tac.js';
import type { SecretBox } from '../security/secret-box.js';
import { users } from '../modules/auth/auth.schema.js';
import { createUser } from '../modules/auth/use-cases/create-user.js';
import { API_CUSTOMER_DEFAULTS_SETTING, readSetting, writeSetting, type ApiCustomerDefaults } from '../modules/system/settings.js';

export type DemoSignIn = { role: Role; email: string; password: string };

/** One demo user per role, the demo catalog (three fictional carriers), a demo stockroom and a demo TAC table. The passwords are printed at start: demo data is for trying LineDesk, never for production. */
export const DEMO_SIGN_INS: DemoSignIn[] = (['admin', 'agent', 'inventory', 'viewer'] as const).map((role) => ({
  role,
  email: `${role}@demo.linedesk.app`,
  password: `linedesk-${role}`,
}));

const DEMO_NAMES: Record<Role, string> = {
  admin: 'Avery Admin',
  agent: 'Sam Agent',
  inventory: 'Riley Stock',
  viewer: 'Vic Viewer',
};

const DEMO_SETTING = 'demo_seeded_at';
const DEMO_SEED_LOCK = 4_242_003;

/**
 * Demo mode: `on` seeds unless already seeded, `off` never does, `auto` seeds an embedded database
 * that has no users yet. Returns what start-up should print.
 */
export async function ensureDemoData(options: {
  db: Db;
  config: Config;
  secrets: SecretBox;
}): Promise<{ signIns: DemoSignIn[] | null; hasUsers: boolean }> {
  const { db, config, secrets } = options;
  // Several servers starting at once on one PostgreSQL take turns, so only the first one seeds.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
    const alreadySeeded = (await readSetting<string>(tx, DEMO_SETTING)) !== null;
    const userCount = await countUsers(tx);
    const shouldSeed =
      !alreadySeeded &&
      (config.demoMode === 'on' || (config.demoMode === 'auto' && config.database.kind === 'pglite' && userCount === 0));
    if (shouldSeed) {
      for (const demo of DEMO_SIGN_INS) {
        await createUser({ db: tx, audit: SYSTEM_ACTOR, input: { ...demo, name: DEMO_NAMES[demo.role] } });
      }
      await importCatalog({
        db: tx,
        audit: SYSTEM_ACTOR,
        secrets,
        document: ZCatalogDocument.parse(demoCatalogWithSecrets(undefined, config.demoCarrierGatewayUrl)),
      });
      await addStockItems(tx, SYSTEM_ACTOR, DEMO_STOCK);
      for (const input of DEMO_TACS) await saveTac({ db: tx, audit: SYSTEM_ACTOR, tac: null, input });
      await writeSetting(tx, API_CUSTOMER_DEFAULTS_SETTING, demoApiCustomerDefaults());
      await writeSetting(tx, DEMO_SETTING, new Date().toISOString());
    }
    const isDemo = config.demoMode !== 'off' && (alreadySeeded || shouldSeed);
    return { signIns: isDemo ? DEMO_SIGN_INS : null, hasUsers: shouldSeed || userCount > 0 };
  });
}

/** Customers created through the TM Forum API default to the first demo carrier, its default bill profile and that profile's bill method. */
export function demoApiCustomerDefaults(): ApiCustomerDefaults {
  const carrier = DEMO_CATALOG.carriers?.[0];
  const profile = DEMO_CATALOG.billProfiles?.find((p) => p.code === carrier?.defaultBillProfileCode);
  if (!carrier || !profile) throw new Error('The demo catalog has no carrier with a default bill profile');
  return { carrierCode: carrier.code, billProfileCode: profile.code, billMethod: profile.defaultBillMethod ?? 'EMAIL' };
}

async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ value: count() }).from(users);
  return row?.value ?? 0;
}

export function formatDemoBanner(url: string, signIns: DemoSignIn[]): string {
  const rows = signIns.map((s) => `  ${ROLE_LABELS[s.role].padEnd(10)} ${s.email.padEnd(30)} ${s.password}`);
  return ['', `LineDesk demo is running at ${url}`, 'Sign in with one of these demo users:', ...rows, ''].join('\n');
}
