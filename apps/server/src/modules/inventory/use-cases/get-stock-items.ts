import { displayOfStoredIdentifier, identifierLabel, type TStockIdentifier, type TStockItem } from '@linedesk/domain';
import { asc, inArray } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../../db/client.js';
import { inventoryIdentifiers, inventoryItems } from '../inventory.schema.js';
import { resolveDeviceModels } from './resolve-device-models.js';

/** Items by id, in the order asked, each with its identifiers (IMEI before IMEI 2) and the make and model to show. */
export async function getStockItems(options: { db: DbOrTx; ids: readonly string[] }): Promise<TStockItem[]> {
  const { db, ids } = options;
  if (ids.length === 0) return [];
  const [items, identifiers] = await readTogether(db, [
    () => db.select().from(inventoryItems).where(inArray(inventoryItems.id, [...ids])),
    () =>
      db
        .select()
        .from(inventoryIdentifiers)
        .where(inArray(inventoryIdentifiers.itemId, [...ids]))
        .orderBy(asc(inventoryIdentifiers.kind), asc(inventoryIdentifiers.slot)),
  ]);
  const identifiersOf = new Map<string, TStockIdentifier[]>();
  for (const identifier of identifiers) {
    const list = identifiersOf.get(identifier.itemId) ?? [];
    list.push({
      kind: identifier.kind,
      slot: identifier.slot,
      label: identifierLabel(identifier.kind, identifier.slot),
      value: identifier.value,
      display: displayOfStoredIdentifier(identifier.kind, identifier.value),
    });
    identifiersOf.set(identifier.itemId, list);
  }
  const withIdentifiers = items.map((item) => ({ ...item, identifiers: identifiersOf.get(item.id) ?? [] }));
  const models = await resolveDeviceModels(db, withIdentifiers);
  const byId = new Map(
    withIdentifiers.map((item): [string, TStockItem] => {
      const model = models.get(item)!;
      return [
        item.id,
        {
          id: item.id,
          kind: item.kind,
          status: item.status,
          carrierCode: item.carrierCode,
          make: model.make,
          model: model.model,
          modelSource: model.source,
          location: item.location,
          agentCode: item.agentCode,
          costCents: item.costCents,
          receivedOn: item.receivedOn,
          purchaseOrder: item.purchaseOrder,
          identifiers: item.identifiers,
          orderId: item.orderId,
          lineId: item.lineId,
          createdAt: item.createdAt.toISOString(),
          updatedAt: item.updatedAt.toISOString(),
        },
      ];
    }),
  );
  return ids.map((id) => byId.get(id)).filter((item): item is TStockItem => item !== undefined);
}
