import { canTransition, CUSTOMER_TRANSITIONS } from '@linedesk/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { customers } from '../customers.schema.js';

/**
 * A prospect's first order: the account goes from Prospect to Pending (as a wizard-made account starts), audited;
 * it opens when an order completes. An account in any other status is left as it is; answers whether it changed.
 */
export async function markCustomerOrdered(tx: Tx, audit: AuditContext, options: { customerId: string; orderNumber: string }): Promise<boolean> {
  if (!canTransition(CUSTOMER_TRANSITIONS, 'PROSPECT', 'PENDING')) return false;
  const [row] = await tx
    .update(customers)
    .set({ status: 'PENDING', updatedAt: sql`now()` })
    .where(and(eq(customers.id, options.customerId), eq(customers.status, 'PROSPECT')))
    .returning({ id: customers.id });
  if (!row) return false;
  await recordAudit(tx, audit, {
    entityType: 'customer',
    entityId: options.customerId,
    action: 'status',
    before: { status: 'PROSPECT' },
    after: { status: 'PENDING', reason: `Order ${options.orderNumber} created` },
  });
  return true;
}
