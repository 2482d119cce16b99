import type { TCarrierMessage } from '@linedesk/domain';
import type { DbOrTx } from '../db/client.js';
import { getOrder } from '../modules/orders/use-cases/get-order.js';
import { listCarrierMessages } from '../modules/provisioning/use-cases/list-carrier-messages.js';

/** The order's Carrier Messages tab, oldest first; 404 for an order that does not exist. */
export async function listOrderCarrierMessages(options: { db: DbOrTx; orderId: string }): Promise<TCarrierMessage[]> {
  const { order } = await getOrder({ db: options.db, orderId: options.orderId });
  return listCarrierMessages({ db: options.db, orderId: order.id });
}
