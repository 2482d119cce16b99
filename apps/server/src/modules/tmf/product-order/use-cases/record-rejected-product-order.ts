import type { TFieldError } from '@linedesk/domain';
import type { Tx } from '../../../../db/client.js';
import { recordAudit, type AuditContext } from '../../../audit/record-audit.js';
import { tmfRejectedProductOrders } from '../product-order.schema.js';

/** Audit entity type of the TMF622 requests that could not become an order (rendered as productOrders in state `rejected`). */
export const REJECTED_PRODUCT_ORDER_ENTITY = 'rejected_product_order';

/** Keeps a productOrder request LineDesk could not make an order of, with why, audited; answers its id. */
export async function recordRejectedProductOrder(
  tx: Tx,
  audit: AuditContext,
  input: { payload: Record<string, unknown>; reasons: TFieldError[]; externalId: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(tmfRejectedProductOrders)
    .values({ payload: input.payload, reasons: input.reasons, externalId: input.externalId, createdByLabel: audit.actorLabel })
    .returning({ id: tmfRejectedProductOrders.id });
  await recordAudit(tx, audit, {
    entityType: REJECTED_PRODUCT_ORDER_ENTITY,
    entityId: row!.id,
    action: 'create',
    after: { state: 'rejected', externalId: input.externalId, reasons: input.reasons.map((r) => `${r.field}: ${r.message}`) },
  });
  return row!.id;
}
