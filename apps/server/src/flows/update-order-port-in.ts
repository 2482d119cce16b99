import type { TOrderDetail, TPortInUpdateData } from '@linedesk/domain';
import type { Db } from '../db/client.js';
import type { AuditContext } from '../modules/audit/record-audit.js';
import { updateLinePortIn } from '../modules/orders/use-cases/update-line-port-in.js';
import type { SecretBox } from '../security/secret-box.js';
import { getOrderPage } from './get-order-page.js';
import { lastSendErrorCode } from './order-carrier-state.js';

/**
 * Edit port-in: a port-in line's account at the current carrier corrected with the customer (after the
 * carrier refused the port, or before the order is sent), in one transaction; answers the order page,
 * from which the agent sends the order again.
 */
export async function updateOrderPortIn(options: {
  db: Db;
  secrets: SecretBox;
  audit: AuditContext;
  orderId: string;
  lineId: string;
  input: TPortInUpdateData;
}): Promise<TOrderDetail> {
  const { db, orderId } = options;
  await db.transaction((tx) =>
    updateLinePortIn(tx, options.audit, {
      secrets: options.secrets,
      orderId,
      lineId: options.lineId,
      input: options.input,
      lastSendError: (order) => lastSendErrorCode(tx, order),
    }),
  );
  return getOrderPage({ db, orderId });
}
