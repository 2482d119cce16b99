import { asc } from 'drizzle-orm';
import type { z } from 'zod';
import { and, eq, inArray, iso, listConditions, lockRowOf, type CatalogEntity } from '../catalog-entity.js';
import type { billProfiles, ldRatePlans, lineTypes } from '../catalog.schema.js';

type SimpleTable = typeof billProfiles | typeof lineTypes | typeof ldRatePlans;
type Timestamped = { createdAt: Date; updatedAt: Date };

/**
 * A catalog record kept in one table whose columns are its input fields (bill profiles, line
 * types, long-distance rate plans): no codes to resolve, no children.
 */
export function simpleEntity<TSchema extends z.ZodType, TView extends { id: string; code: string }>(options: {
  type: string;
  path: string;
  label: string;
  input: TSchema;
  view: z.ZodType<TView>;
  table: SimpleTable;
  sortByDisplayOrder?: boolean;
}): CatalogEntity<TSchema, TView> {
  const { table } = options;
  const toView = (row: Timestamped): TView => ({ ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) }) as unknown as TView;
  const order = options.sortByDisplayOrder && 'displayOrder' in table ? [asc(table.displayOrder), asc(table.name)] : [asc(table.name)];
  return {
    type: options.type,
    path: options.path,
    label: options.label,
    input: options.input,
    view: options.view,
    keyOf: (input) => (input as { code: string }).code,
    lock: lockRowOf(table),
    list: async (db, query) =>
      (await db.select().from(table).where(and(...listConditions(table, query))).orderBy(...order)).map(toView),
    get: async (db, ids) => (await db.select().from(table).where(inArray(table.id, ids))).map(toView),
    findId: async (db, input) =>
      (await db.select({ id: table.id }).from(table).where(eq(table.code, (input as { code: string }).code)))[0]?.id ?? null,
    write: async (tx, id, input) => {
      // The input's fields are the table's columns, checked by the schema that produced it.
      const values = { ...(input as object), updatedAt: new Date() } as never;
      if (id) {
        await tx.update(table).set(values).where(eq(table.id, id));
        return id;
      }
      const [row] = await tx.insert(table).values(values).returning({ id: table.id });
      if (!row) throw new Error('insert returned no row');
      return row.id;
    },
    toInput: (view) => {
      const { id: _id, createdAt: _c, updatedAt: _u, ...input } = view as unknown as Record<string, unknown>;
      return input as z.output<TSchema>;
    },
  };
}
