import { canTransition, LINE_STATUS_LABELS, LINE_TRANSITIONS } from '@linedesk/domain';
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';
import { lines } from '../orders.schema.js';
import type { LineRow } from './get-order.js';

/**
 * Cancels an order's lines, audited with the reason. Their identifiers are cleared, since the items go
 * back to stock; the audit keeps what each line held.
 */
export async function cancelOrderLines(tx: Tx, audit: AuditContext, options: { lines: LineRow[]; reason: string }): Promise<void> {
  const stuck = options.lines.find((line) => line.status !== 'CANCELLED' && !canTransition(LINE_TRANSITIONS, line.status, 'CANCELLED'));
  if (stuck) throw new AppError('INVALID_TRANSITION', `Line ${stuck.position + 1} is ${LINE_STATUS_LABELS[stuck.status]} and cannot be cancelled`);
  const open = options.lines.filter((line) => line.status !== 'CANCELLED');
  if (open.length === 0) return;
  await tx
    .update(lines)
    .set({ status: 'CANCELLED', identifiers: [], updatedAt: new Date() })
    .where(inArray(lines.id, open.map((line) => line.id)));
  await recordAudits(
    tx,
    audit,
    open.map((line) => ({
      entityType: 'line',
      entityId: line.id,
      action: 'cancel',
      before: { status: line.status, ...Object.fromEntries(line.identifiers.map((i) => [i.kind, i.value])) },
      after: { status: 'CANCELLED', reason: options.reason },
    })),
  );
}
