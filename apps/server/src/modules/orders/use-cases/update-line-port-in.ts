import { portInEditRefusal, type OrderStatus, type TPortInUpdateData } from '@linedesk/domain';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { lines, orders, type PortInRecord } from '../orders.schema.js';
import { getOrder } from './get-order.js';

/** The port-in fields an agent may correct; the number and the address stay as sold. */
const EDITABLE = ['currentCarrier', 'accountNumber', 'authorizedSigner', 'accountName'] as const;

/**
 * Corrects a port-in line's account at the current carrier (after the carrier refused the port, or before
 * it is sent), with the order locked: only on a port-in line still Pending of an order whose inventory can
 * still change (Pending, Ready, Error), else 409 with the reason. A new PIN is sealed; none keeps the PIN on
 * file. The carrier's refusal of the line no longer stands and is cleared. Audited on the line, the PIN and
 * the account number only as changed. Answers whether anything changed (the same details again change nothing).
 */
export async function updateLinePortIn(
  tx: Tx,
  audit: AuditContext,
  options: { secrets: SecretBox; orderId: string; lineId: string; input: TPortInUpdateData; lastSendError(order: { id: string; status: OrderStatus }): Promise<string | null> },
): Promise<{ changed: boolean }> {
  const { secrets, orderId, lineId, input } = options;
  const { order, lines: orderLines } = await getOrder({ db: tx, orderId, lock: true });
  const line = orderLines.find((candidate) => candidate.id === lineId);
  if (!line) throw new AppError('NOT_FOUND', 'No such line on this order');
  const refusal = portInEditRefusal({ status: order.status, carrierErrorCode: await options.lastSendError(order) }, { position: line.position, status: line.status, isPortIn: line.portIn !== null });
  if (refusal) throw new AppError(line.portIn ? 'INVALID_TRANSITION' : 'CONFLICT', refusal);
  const current = line.portIn!;

  const pin = input.pin ?? null;
  const next: PortInRecord = {
    ...current,
    ...Object.fromEntries(EDITABLE.map((field) => [field, input[field]])),
    pinSealed: pin === null ? current.pinSealed : secrets.seal(pin),
  };
  const changedFields = EDITABLE.filter((field) => next[field] !== current[field]);
  if (changedFields.length === 0 && pin === null) return { changed: false };

  const now = new Date();
  await tx
    .update(lines)
    .set({ portIn: next, carrierRejection: null, updatedAt: now })
    .where(and(eq(lines.id, line.id), eq(lines.status, 'PENDING')));
  await tx.update(orders).set({ updatedAt: now }).where(eq(orders.id, order.id));
  // Sealed values only, and the audit shows a secret as "[redacted]" whatever it is given: the trail says the PIN changed, never what it is.
  const pick = (record: PortInRecord) => Object.fromEntries(changedFields.map((field) => [field, record[field]]));
  await recordAudit(tx, audit, {
    entityType: 'line',
    entityId: line.id,
    action: 'edit_port_in',
    before: { ...pick(current), ...(pin === null ? {} : { pin: current.pinSealed }), carrierRejection: line.carrierRejection },
    after: { ...pick(next), ...(pin === null ? {} : { pin: next.pinSealed }), carrierRejection: null },
  });
  return { changed: true };
}
