import { isoDay, type TStockItem, type ZUpdateStockItem } from '@linedesk/domain';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { inventoryItems } from '../inventory.schema.js';
import type { StockReferences } from '../stock-references.js';
import { getStockItems } from './get-stock-items.js';

const EDITABLE = ['make', 'model', 'location', 'agentCode', 'costCents', 'receivedOn', 'purchaseOrder'] as const;

/** Edits what describes an item (where it is, whose it is, what it cost); its identifiers, kind, carrier and status stay. */
export async function updateStockItem(options: {
  db: Db;
  audit: AuditContext;
  refs: StockReferences;
  id: string;
  input: z.output<typeof ZUpdateStockItem>;
}): Promise<TStockItem> {
  const { db, audit, refs, id, input } = options;
  if (input.agentCode && !refs.agents.has(input.agentCode)) {
    throw AppError.field('VALIDATION_FAILED', 'body.agentCode', 'unknown_agent', `No active agent has the code ${input.agentCode}`);
  }
  if (input.receivedOn && input.receivedOn > isoDay(new Date())) throw AppError.field('VALIDATION_FAILED', 'body.receivedOn', 'future_date', 'Stock cannot be received in the future');
  await db.transaction(async (tx) => {
    const [item] = await tx.select().from(inventoryItems).where(eq(inventoryItems.id, id)).for('update');
    if (!item) throw new AppError('NOT_FOUND', 'No stock item has this id');
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of EDITABLE) {
      const value = input[field];
      if (value === undefined || value === item[field]) continue;
      before[field] = item[field];
      after[field] = value;
    }
    if (Object.keys(after).length === 0) return;
    await tx
      .update(inventoryItems)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(inventoryItems.id, id));
    await recordAudit(tx, audit, { entityType: 'inventory_item', entityId: id, action: 'update', before, after });
  });
  const [item] = await getStockItems({ db, ids: [id] });
  return item!;
}
