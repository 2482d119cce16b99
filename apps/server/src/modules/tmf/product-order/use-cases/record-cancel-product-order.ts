import type { Tx } from '../../../../db/client.js';
import { recordAudit, type AuditContext } from '../../../audit/record-audit.js';
import { tmfCancelProductOrders } from '../product-order.schema.js';

/** Audit entity type of cancelProductOrder requests. */
export const CANCEL_PRODUCT_ORDER_ENTITY = 'cancel_product_order';

export type NewCancelProductOrder = {
  productOrderId: string;
  cancellationReason: string | null;
  requestedCancellationDate: Date | null;
  state: 'done' | 'terminatedWithError';
  stateReason: string | null;
  effectiveCancellationDate: Date | null;
};

/** Keeps a cancelProductOrder request and how it ended, audited (`cancel_product_order` create); answers its id. */
export async function recordCancelProductOrder(tx: Tx, audit: AuditContext, input: NewCancelProductOrder): Promise<string> {
  const [row] = await tx
    .insert(tmfCancelProductOrders)
    .values({ ...input, createdByLabel: audit.actorLabel })
    .returning({ id: tmfCancelProductOrders.id });
  await recordAudit(tx, audit, {
    entityType: CANCEL_PRODUCT_ORDER_ENTITY,
    entityId: row!.id,
    action: 'create',
    after: { productOrderId: input.productOrderId, state: input.state, stateReason: input.stateReason, cancellationReason: input.cancellationReason },
  });
  return row!.id;
}
