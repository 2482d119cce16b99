import { ZProduct, ZProductInput, type TProduct } from '@linedesk/domain';
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { and, eq, inArray, iso, listConditions, lockRowOf, resolveCodes, type CatalogEntity } from '../catalog-entity.js';
import { carriers, products, type ProductRow } from '../catalog.schema.js';

async function load(db: DbOrTx, where: Parameters<typeof and>): Promise<TProduct[]> {
  const rows = await db
    .select({ product: products, carrierCode: carriers.code })
    .from(products)
    .innerJoin(carriers, eq(carriers.id, products.carrierId))
    .where(and(...where))
    .orderBy(asc(carriers.code), asc(products.name));
  return rows.map(({ product, carrierCode }) => toView(product, carrierCode));
}

function toView(row: ProductRow, carrierCode: string): TProduct {
  const { carrierId: _carrierId, createdAt, updatedAt, ...rest } = row;
  return { ...rest, carrierCode, createdAt: iso(createdAt), updatedAt: iso(updatedAt) };
}

export const productEntity: CatalogEntity<typeof ZProductInput, TProduct> = {
  type: 'product',
  path: 'products',
  label: 'product',
  input: ZProductInput,
  view: ZProduct,
  keyOf: (input) => `${input.carrierCode}/${input.code}`,
  lock: lockRowOf(products),
  list: (db, query) => load(db, [...listConditions(products, query), query.carrierCode ? eq(carriers.code, query.carrierCode) : undefined]),
  get: (db, ids) => load(db, [inArray(products.id, ids)]),
  findId: async (db, input) =>
    (
      await db
        .select({ id: products.id })
        .from(products)
        .innerJoin(carriers, eq(carriers.id, products.carrierId))
        .where(and(eq(carriers.code, input.carrierCode), eq(products.code, input.code)))
    )[0]?.id ?? null,
  write: async (tx, id, input, { fieldPrefix }) => {
    const carrierIds = await resolveCodes(tx, carriers, [{ code: input.carrierCode, field: `${fieldPrefix}.carrierCode` }], 'carrier');
    const { carrierCode, ...fields } = input;
    const values = { ...fields, carrierId: carrierIds.get(carrierCode) as string, updatedAt: new Date() };
    if (id) {
      await tx.update(products).set(values).where(eq(products.id, id));
      return id;
    }
    const [row] = await tx.insert(products).values(values).returning({ id: products.id });
    if (!row) throw new Error('insert returned no row');
    return row.id;
  },
  toInput: ({ id: _id, createdAt: _c, updatedAt: _u, ...input }) => input,
};
