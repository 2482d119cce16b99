import type { TCatalogListQuery } from '@linedesk/domain';
import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { DbOrTx, Tx } from '../../db/client.js';
import { containsPattern } from '../../db/like-pattern.js';
import { AppError } from '../../http/app-error.js';
import type { SecretBox } from '../../security/secret-box.js';

/** What a catalog write needs besides its input: the secret box, and where field errors point (`body`, `packages.3`). */
export type WriteContext = { secrets: SecretBox; fieldPrefix: string };

/**
 * One kind of catalog record (carrier, package, …) described once, so create, update, list,
 * import and export are written once for all of them. Records are found by their code (products
 * and packages: by carrier and code), which is what makes import idempotent.
 */
export type CatalogEntity<TSchema extends z.ZodType, TView extends { id: string; code: string }> = {
  /** The audit trail's entity type and the API path segment. */
  type: string;
  path: string;
  label: string;
  input: TSchema;
  /** The record as the API answers it (documents the responses). */
  view: z.ZodType<TView>;
  /** What identifies the record and may never change once created: its code (with its carrier's for products and packages). */
  keyOf(input: z.output<TSchema>): string;
  list(db: DbOrTx, query: TCatalogListQuery, secrets: SecretBox): Promise<TView[]>;
  get(db: DbOrTx, ids: string[], secrets: SecretBox): Promise<TView[]>;
  findId(db: DbOrTx, input: z.output<TSchema>): Promise<string | null>;
  /** Inserts (id null) or replaces the record and its children; returns its id. */
  write(tx: Tx, id: string | null, input: z.output<TSchema>, context: WriteContext): Promise<string>;
  /** The record as input, for import comparison and export: what the user controls, no ids, no secrets. */
  toInput(view: TView): z.output<TSchema>;
  /** Secrets an input sets or clears, named for the audit trail (which shows that they changed, never their value). */
  secretChanges?(input: z.output<TSchema>): Record<string, unknown>;
  /** Takes the record's row lock, so a read-check-write by id is one step for concurrent saves. */
  lock(tx: Tx, id: string): Promise<void>;
  /**
   * The input as the stored record would give it back (lists in stored order, secrets left out),
   * so an import can tell a record that matches from one that changed.
   */
  canonical?(input: z.output<TSchema>): z.output<TSchema>;
  /** Whether the secrets an input carries differ from the stored ones (an import of a document with secrets). */
  secretsDiffer?(tx: Tx, id: string, input: z.output<TSchema>, secrets: SecretBox): Promise<boolean>;
};

/** Filters every admin list shares: name/code search and active status. */
export function listConditions(
  columns: { code: PgColumn; name: PgColumn; isActive: PgColumn },
  query: TCatalogListQuery,
): SQL[] {
  const conditions: SQL[] = [];
  if (query.search) {
    const pattern = containsPattern(query.search);
    const match = or(ilike(columns.code, pattern), ilike(columns.name, pattern));
    if (match) conditions.push(match);
  }
  if (query.status !== 'all') conditions.push(eq(columns.isActive, query.status === 'active'));
  return conditions;
}

export const byName = (columns: { name: PgColumn }) => asc(columns.name);
export { and, eq, inArray };

/** Resolves codes to ids in one query, failing on the first unknown code with the field it came from. */
export async function resolveCodes(
  db: DbOrTx,
  table: { id: PgColumn; code: PgColumn },
  codes: { code: string; field: string }[],
  what: string,
  scope?: SQL,
): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.map((c) => c.code))];
  const found = new Map<string, string>();
  if (wanted.length > 0) {
    const rows = await db
      .select({ id: table.id, code: table.code })
      .from(table.id.table)
      .where(and(inArray(table.code, wanted), scope));
    for (const row of rows) found.set(String(row.code), String(row.id));
  }
  const missing = codes.find((c) => !found.has(c.code));
  if (missing) throw AppError.field('RULE_VIOLATED', missing.field, 'exists', `There is no ${what} with code ${missing.code}`);
  return found;
}

export function iso(date: Date): string {
  return date.toISOString();
}

/** The `lock` of an entity kept in `table`. */
export function lockRowOf(table: { id: PgColumn }) {
  return async (tx: Tx, id: string): Promise<void> => {
    await tx.select({ id: table.id }).from(table.id.table).where(eq(table.id, id)).for('update');
  };
}
