import type { IdentifierKind, InventoryKind } from '@linedesk/domain';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inventoryTacs } from '../inventory.schema.js';

export type DeviceModel = { make: string | null; model: string | null; source: 'ITEM' | 'TAC' | null };

type Describable = {
  kind: InventoryKind;
  make: string | null;
  model: string | null;
  identifiers: readonly { kind: IdentifierKind; slot: number; value: string }[];
};

/** The TAC of the item's first IMEI (then its second), or null for an item without one. */
function tacOf(item: Pick<Describable, 'identifiers'>): string | null {
  const imeis = item.identifiers.filter((identifier) => identifier.kind === 'IMEI').sort((a, b) => a.slot - b.slot);
  return imeis[0]?.value.slice(0, 8) ?? null;
}

/**
 * The make and model to show for each item: the item's own when it has either (what was received wins),
 * else, for a device with an IMEI, the TAC table's entry for it; else none. One query for the lot.
 */
export async function resolveDeviceModels<T extends Describable>(db: DbOrTx, items: readonly T[]): Promise<Map<T, DeviceModel>> {
  const tacs = [...new Set(items.filter((item) => !item.make && !item.model).map(tacOf).filter((tac): tac is string => tac !== null))];
  const entries = tacs.length ? await db.select().from(inventoryTacs).where(inArray(inventoryTacs.tac, tacs)) : [];
  const byTac = new Map(entries.map((entry) => [entry.tac, entry]));
  return new Map(
    items.map((item): [T, DeviceModel] => {
      if (item.make || item.model) return [item, { make: item.make, model: item.model, source: 'ITEM' }];
      const tac = tacOf(item);
      const entry = tac ? byTac.get(tac) : undefined;
      return [item, entry ? { make: entry.make, model: entry.model, source: 'TAC' } : { make: null, model: null, source: null }];
    }),
  );
}

/** One device by its IMEI: the stock item's own make and model when it has any, else the TAC table's. */
export async function describeDevice(options: { db: DbOrTx; imei: string; item: { make: string | null; model: string | null } | null }): Promise<DeviceModel> {
  const { db, imei, item } = options;
  const describable: Describable = { kind: 'DEVICE', make: item?.make ?? null, model: item?.model ?? null, identifiers: [{ kind: 'IMEI', slot: 1, value: imei }] };
  const resolved = await resolveDeviceModels(db, [describable]);
  return resolved.get(describable)!;
}
