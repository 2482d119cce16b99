import { canTransition, CUSTOMER_TRANSITIONS } from '@linedesk/domain';
import { and, eq, sql } from 'drizzle-orm';
import { namedQuery, type Tx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { customers } from '../customers.schema.js';

// Every completed order: built once, sent by name.
const open = namedQuery('open_customer', (db) =>
  db
    .update(customers)
    .set({ status: 'OPEN', updatedAt: sql`now()` })
    .where(and(eq(customers.id, sql.placeholder('id')), eq(customers.status, 'PENDING')))
    .returning({ id: customers.id }),
);

/**
 * The customer's first order completed: the account goes from Pending to Open, audited. An account
 * already Open (or Closed) is left as it is; answers whether it opened.
 */
export async function openCustomer(tx: Tx, audit: AuditContext, options: { customerId: string; reason: string }): Promise<boolean> {
  if (!canTransition(CUSTOMER_TRANSITIONS, 'PENDING', 'OPEN')) return false;
  const [row] = await open(tx, { id: options.customerId });
  if (!row) return false;
  await recordAudit(tx, audit, {
    entityType: 'customer',
    entityId: options.customerId,
    action: 'status',
    before: { status: 'PENDING' },
    after: { status: 'OPEN', reason: options.reason },
  });
  return true;
}
