import { ORDER_TYPE_LABELS, type TFalloutRow } from '@linedesk/domain';
import { Badge, Table, Text } from '@mantine/core';
import { ClickableRow, DataTable, type ResultsTableProps } from '../../../components/common/data-table';
import { RelativeTime } from '../../../components/common/relative-time';
import { OrderCarrierCell, OrderCustomerCell, OrderNumberCell, OrderStatusCell } from '../order-list-cells';

/** Orders that need a look: what went wrong with each, when it was last sent and last changed. */
export function FalloutTable({ rows, onOpen, stale }: Omit<ResultsTableProps<TFalloutRow>, 'activeIndex'>) {
  return (
    <DataTable
      label="Fallout"
      columns={['Order', 'Account', 'Carrier', 'Status', { label: 'Problem', style: { minWidth: 260 } }, 'Last sent', 'Updated']}
      minWidth={1060}
      stale={stale}
      highlightOnHover
      horizontalSpacing="sm"
      verticalSpacing={10}
    >
      {rows.map((row) => (
        <ClickableRow key={row.id} onOpen={() => onOpen(row)} style={{ verticalAlign: 'top' }}>
          <OrderNumberCell row={row}>
            <Text fz="xs" c="dimmed">
              {ORDER_TYPE_LABELS[row.orderType]}
            </Text>
          </OrderNumberCell>
          <OrderCustomerCell row={row} miw={170} />
          <OrderCarrierCell row={row} />
          <OrderStatusCell row={row} />
          <Table.Td>
            {/* The code, unless the problem's words already give it. */}
            {row.errorCode && !row.problem.includes(row.errorCode) && (
              <Badge variant="outline" color="red" radius="sm" tt="none" fw={600} className="ld-mono" mb={4}>
                {row.errorCode}
              </Badge>
            )}
            <Text fz="sm" c={row.status === 'ERROR' ? 'red.9' : undefined} style={{ overflowWrap: 'anywhere' }}>
              {row.problem}
            </Text>
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            {row.lastSentAt ? (
              <RelativeTime iso={row.lastSentAt} block />
            ) : (
              <Text fz="sm" c="dimmed">
                Never
              </Text>
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <RelativeTime iso={row.updatedAt} block />
          </Table.Td>
        </ClickableRow>
      ))}
    </DataTable>
  );
}
