import type { TOrderListRow } from '@linedesk/domain';
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { OrderStatusBadge } from '../../components/common/badges';
import { RouterAnchor } from '../../components/common/router-anchor';

/*
 * The cells an order has in every list of orders (the Orders queue, Fallout), so that an order reads the
 * same in each.
 */

/** The order number, linking to the order (a click on it opens the order, not the row's own click), and what goes under it. */
export function OrderNumberCell({ row, children }: { row: TOrderListRow; children?: ReactNode }) {
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }}>
      <RouterAnchor to="/orders/$orderId" params={{ orderId: row.id }} className="ld-mono" fw={600} fz="sm" onClick={(event) => event.stopPropagation()}>
        {row.orderNumber}
      </RouterAnchor>
      {children}
    </Table.Td>
  );
}

/** The customer's name over their account number. */
export function OrderCustomerCell({ row, miw }: { row: TOrderListRow; miw: number }) {
  return (
    <Table.Td miw={miw}>
      <Text fz="sm" fw={600}>
        {row.customerName}
      </Text>
      <Text className="ld-mono" c="dimmed">
        {row.accountNumber}
      </Text>
    </Table.Td>
  );
}

export function OrderCarrierCell({ row }: { row: TOrderListRow }) {
  return (
    <Table.Td>
      <Text fz="sm">{row.carrierName}</Text>
    </Table.Td>
  );
}

export function OrderStatusCell({ row }: { row: TOrderListRow }) {
  return (
    <Table.Td>
      <OrderStatusBadge status={row.status} />
    </Table.Td>
  );
}
