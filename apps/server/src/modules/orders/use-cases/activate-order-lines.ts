import { canTransition, LINE_TRANSITIONS } from '@linedesk/domain';
import { and, eq, sql } from 'drizzle-orm';
import { namedQuery, type Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';
import { lines } from '../orders.schema.js';
import type { LineRow } from './get-order.js';

// Every line the carrier activates: built once, sent by name.
const activateLine = namedQuery('activate_order_line', (db) =>
  db
    .update(lines)
    .set({ status: 'ACTIVE', mdn: sql`${sql.placeholder('mdn')}`, activatedAt: sql`${sql.placeholder('activatedAt')}`, carrierRejection: null, updatedAt: sql`now()` })
    .where(and(eq(lines.id, sql.placeholder('id')), eq(lines.status, 'PENDING')))
    .returning({ id: lines.id }),
);

/** `mdn`: the number the carrier gave (or the ported one); null only when the carrier named none. */
export type LineActivation = { line: LineRow; mdn: string | null; activatedAt: Date };

/**
 * The carrier activated these lines: Pending -> Active with the number it gave (or the ported one) and
 * when, audited. Each update names Pending, so a line already activated (a repeated callback, a poll
 * racing a callback) is left as it is. Answers the ids of the lines it activated.
 */
export async function activateOrderLines(tx: Tx, audit: AuditContext, activations: LineActivation[]): Promise<string[]> {
  const activated: LineActivation[] = [];
  for (const activation of activations) {
    const { line, mdn, activatedAt } = activation;
    if (!canTransition(LINE_TRANSITIONS, line.status, 'ACTIVE')) continue;
    const [row] = await activateLine(tx, { id: line.id, mdn, activatedAt: activatedAt.toISOString() });
    if (row) activated.push(activation);
  }
  await recordAudits(
    tx,
    audit,
    activated.map(({ line, mdn, activatedAt }) => ({
      entityType: 'line',
      entityId: line.id,
      action: 'activate',
      before: { status: line.status, mdn: line.mdn, carrierRejection: line.carrierRejection },
      after: { status: 'ACTIVE', mdn, activatedAt: activatedAt.toISOString(), carrierRejection: null },
    })),
  );
  return activated.map(({ line }) => line.id);
}
