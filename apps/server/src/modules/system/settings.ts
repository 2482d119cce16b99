import { BILL_METHODS, type BillMethod } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import { namedStatement, type DbOrTx } from '../../db/client.js';
import { appSettings } from './system.schema.js';

export async function readSetting<T>(db: DbOrTx, key: string): Promise<T | null> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  return row ? (row.value as T) : null;
}

/** Several settings in one query: each key's value, or null when it is not set. */
export async function readSettings(db: DbOrTx, keys: readonly string[]): Promise<Map<string, unknown>> {
  if (keys.length === 0) return new Map();
  const rows = await selectSettings(keys.length)(db, [...keys]);
  return new Map(keys.map((key) => [key, rows.find((row) => row.key === key)?.value ?? null]));
}

// One statement per number of keys (`key in ($1, $2)`): PostgreSQL then keeps one plan for it, where
// an array parameter would have it planned again on every call.
const statements = new Map<number, ReturnType<typeof namedStatement<{ key: string; value: unknown }>>>();
function selectSettings(count: number) {
  let statement = statements.get(count);
  if (!statement) {
    const params = Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ');
    statement = namedStatement(`read_settings_${count}`, `select key, value from app_settings where key in (${params})`);
    statements.set(count, statement);
  }
  return statement;
}

export async function writeSetting(db: DbOrTx, key: string, value: unknown): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
}

/** Orders Sent or In progress longer than this many minutes show in the fallout view as stuck. */
export const FALLOUT_STUCK_MINUTES_SETTING = 'falloutStuckMinutes';
export const DEFAULT_FALLOUT_STUCK_MINUTES = 30;

/** The stuck age of the fallout view: the setting when it is a whole number of minutes, else the default. */
export async function readFalloutStuckMinutes(db: DbOrTx): Promise<number> {
  const value = await readSetting<unknown>(db, FALLOUT_STUCK_MINUTES_SETTING);
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_FALLOUT_STUCK_MINUTES;
}

/**
 * What a customer created through the TM Forum API (TMF629) gets when its request does not name them
 * in `characteristic`: the carrier, bill profile and bill method every LineDesk account needs. Set
 * by the demo data (the first demo carrier and its default bill profile); unset, the request must name them.
 */
export const API_CUSTOMER_DEFAULTS_SETTING = 'apiCustomerDefaults';
export type ApiCustomerDefaults = { carrierCode: string | null; billProfileCode: string | null; billMethod: BillMethod | null };

/** The API customer defaults; each is null when not set (or not a value LineDesk could use). */
export async function readApiCustomerDefaults(db: DbOrTx): Promise<ApiCustomerDefaults> {
  const value = await readSetting<unknown>(db, API_CUSTOMER_DEFAULTS_SETTING);
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const code = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase() : null);
  const method = record.billMethod;
  return {
    carrierCode: code(record.carrierCode),
    billProfileCode: code(record.billProfileCode),
    billMethod: typeof method === 'string' && (BILL_METHODS as readonly string[]).includes(method) ? (method as BillMethod) : null,
  };
}
