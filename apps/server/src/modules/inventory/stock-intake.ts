import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

/**
 * Receiving (one item or a CSV file) takes this transaction lock, so two intakes never race on the
 * same new identifier: the second waits, then finds it in stock and reports it, instead of failing
 * on the primary key halfway through a file.
 */
export const STOCK_INTAKE_LOCK = {
  key: 4_242_101,
  take: async (tx: Tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${STOCK_INTAKE_LOCK.key})`);
  },
};

/** A PostgreSQL unique violation (23505), as either driver reports it. */
export function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: unknown; cause?: { code?: unknown } };
  return (candidate.cause?.code ?? candidate.code) === '23505';
}
