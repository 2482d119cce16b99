import { TMF_CANCEL_PRODUCT_ORDER_PATH, TMF_PRODUCT_ORDER_PATH, type TTmfCancelProductOrder } from '@linedesk/domain';
import { tmfHref, type TmfRenderContext } from '../kernel/tmf-context.js';
import { findCancelProductOrders } from './use-cases/find-cancel-product-orders.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * cancelProductOrder requests by id, in the order asked (ids of none left out): `done` with the date the
 * order was cancelled, or `terminatedWithError` with why it could not be (`stateReason`). Used by the API and the events.
 */
export async function renderCancelProductOrders(ctx: TmfRenderContext, ids: string[]): Promise<TTmfCancelProductOrder[]> {
  const rows = await findCancelProductOrders({ db: ctx.db, ids });
  return rows.map((row) => ({
    id: row.id,
    href: tmfHref(ctx.baseUrl, TMF_CANCEL_PRODUCT_ORDER_PATH, row.id),
    '@type': 'CancelProductOrder',
    productOrder: {
      id: row.productOrderId,
      ...(UUID.test(row.productOrderId) ? { href: tmfHref(ctx.baseUrl, TMF_PRODUCT_ORDER_PATH, row.productOrderId) } : {}),
      '@referredType': 'ProductOrder',
    },
    ...(row.cancellationReason ? { cancellationReason: row.cancellationReason } : {}),
    ...(row.requestedCancellationDate ? { requestedCancellationDate: row.requestedCancellationDate.toISOString() } : {}),
    ...(row.effectiveCancellationDate ? { effectiveCancellationDate: row.effectiveCancellationDate.toISOString() } : {}),
    state: row.state,
    ...(row.stateReason ? { stateReason: row.stateReason } : {}),
    creationDate: row.createdAt.toISOString(),
  }));
}
