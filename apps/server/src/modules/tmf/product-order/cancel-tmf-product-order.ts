import type { TTmfCancelProductOrderCreate } from '@linedesk/domain';
import type { Db } from '../../../db/client.js';
import { cancelOrderIn } from '../../../flows/cancel-order.js';
import { AppError } from '../../../http/app-error.js';
import type { AuditContext } from '../../audit/record-audit.js';
import { createOnce } from '../kernel/idempotency.js';
import { findRejectedProductOrders } from './use-cases/find-rejected-product-orders.js';
import { recordCancelProductOrder } from './use-cases/record-cancel-product-order.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Refusals of Cancel that end the request with an error rather than the HTTP call. */
const REFUSALS = new Set(['NOT_FOUND', 'INVALID_TRANSITION', 'RULE_VIOLATED']);

/**
 * POST cancelProductOrder: cancels the order through Cancel (flows/cancel-order.ts) when LineDesk allows it —
 * before it went to the carrier — and the request is `done`; otherwise it is kept `terminatedWithError` with
 * the reason Cancel gave. The cancel and the request land together, audited. Answers the request's id.
 */
export async function cancelTmfProductOrder(options: {
  db: Db;
  audit: AuditContext;
  body: TTmfCancelProductOrderCreate;
  /** `Idempotency-Key`: the same key and body answer the request the first one made, and nothing is cancelled twice. */
  idempotency?: { scope: string | null; key: string | null };
  now?: () => Date;
}): Promise<string> {
  const { db, audit, body } = options;
  const productOrderId = body.productOrder.id.trim();
  const reason = body.cancellationReason?.trim() || 'Cancelled through the API';
  const idempotency = { scope: options.idempotency?.scope ?? null, key: options.idempotency?.key ?? null, resourceType: 'cancelProductOrder', body };
  const result = await db.transaction((tx) => createOnce(tx, idempotency, async () => {
    let stateReason: string | null = null;
    if (!UUID.test(productOrderId)) stateReason = 'No product order with this id';
    else if ((await findRejectedProductOrders({ db: tx, ids: [productOrderId.toLowerCase()] })).length) {
      stateReason = 'This productOrder was rejected: no order was made, so there is nothing to cancel';
    } else {
      try {
        await tx.transaction((savepoint) => cancelOrderIn(savepoint, { audit, orderId: productOrderId.toLowerCase(), reason }));
      } catch (error) {
        if (!(error instanceof AppError) || !REFUSALS.has(error.code)) throw error;
        stateReason = error.code === 'NOT_FOUND' ? 'No product order with this id' : error.reason;
      }
    }
    return recordCancelProductOrder(tx, audit, {
      productOrderId: UUID.test(productOrderId) ? productOrderId.toLowerCase() : productOrderId,
      cancellationReason: body.cancellationReason?.trim() || null,
      requestedCancellationDate: body.requestedCancellationDate ? new Date(body.requestedCancellationDate) : null,
      state: stateReason ? 'terminatedWithError' : 'done',
      stateReason,
      effectiveCancellationDate: stateReason ? null : (options.now?.() ?? new Date()),
    });
  }));
  return result.id;
}
