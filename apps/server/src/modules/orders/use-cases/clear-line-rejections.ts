import { and, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';
import { lines } from '../orders.schema.js';

/** Sending again: the carrier's refusals of the last send no longer stand. Clears them on the order's lines, audited. */
export async function clearLineRejections(tx: Tx, audit: AuditContext, orderId: string): Promise<void> {
  const cleared = await tx
    .update(lines)
    .set({ carrierRejection: null, updatedAt: new Date() })
    .where(and(eq(lines.orderId, orderId), isNotNull(lines.carrierRejection)))
    .returning({ id: lines.id });
  if (cleared.length === 0) return;
  await recordAudits(
    tx,
    audit,
    cleared.map((line) => ({ entityType: 'line', entityId: line.id, action: 'clear_carrier_rejection', after: { carrierRejection: null } })),
  );
}
