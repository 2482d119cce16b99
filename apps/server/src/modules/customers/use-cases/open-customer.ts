import { canTransition, CUSTOMER_TRANSITIONS } from '@linedesk/domain';
import { namedStatement, type Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';

// Every completed order (or a batch of them), in one statement, sent by name.
const open = namedStatement<{ id: string }>(
  'open_customers',
  `update customers set status = 'OPEN', updated_at = now() where id = any($1::uuid[]) and status = 'PENDING' returning id`,
);

/** A customer whose order completed, and why it opens; `actor`: who reported it, when not `audit`'s actor. */
export type CustomerOpening = { customerId: string; reason: string; actor?: AuditContext };

/**
 * Customers whose first order completed: each account goes from Pending to Open, audited, in one statement
 * for all. An account already Open (or Closed) is left as it is; answers the ids that opened.
 */
export async function openCustomers(tx: Tx, audit: AuditContext, openings: CustomerOpening[]): Promise<Set<string>> {
  if (openings.length === 0 || !canTransition(CUSTOMER_TRANSITIONS, 'PENDING', 'OPEN')) return new Set();
  const opened = new Set((await open(tx, [[...new Set(openings.map((o) => o.customerId))]])).map((row) => row.id));
  const audited = new Set<string>();
  await recordAudits(
    tx,
    audit,
    openings.flatMap(({ customerId, reason, actor }) => {
      // Two orders of one customer completing together open it once.
      if (!opened.has(customerId) || audited.has(customerId)) return [];
      audited.add(customerId);
      return [{ ...(actor ? { actor } : {}), entityType: 'customer', entityId: customerId, action: 'status', before: { status: 'PENDING' }, after: { status: 'OPEN', reason } }];
    }),
  );
  return opened;
}
