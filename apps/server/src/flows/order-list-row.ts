import type { TOrderListRow } from '@linedesk/domain';
import type { DbOrTx } from '../db/client.js';
import { findCustomerSummaries, type CustomerSummary } from '../modules/customers/use-cases/find-customer-summaries.js';
import type { OrderRow } from '../modules/orders/use-cases/get-order.js';

/** The customers of these orders (each once), for `orderListRow`. */
export function findOrderCustomers(db: DbOrTx, orders: readonly OrderRow[]): Promise<CustomerSummary[]> {
  return findCustomerSummaries({ db, ids: [...new Set(orders.map((order) => order.customerId))] });
}

/** An order as the lists show it (the Orders queue, Fallout): its number, type, status, carrier and customer. */
export function orderListRow(order: OrderRow, customers: readonly CustomerSummary[]): TOrderListRow {
  const customer = customers.find((c) => c.id === order.customerId);
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    orderType: order.orderType,
    status: order.status,
    carrierCode: order.carrierCode,
    carrierName: order.carrierName,
    accountNumber: customer?.accountNumber ?? '',
    customerName: customer?.displayName ?? 'Unknown customer',
    updatedAt: order.updatedAt.toISOString(),
  };
}
