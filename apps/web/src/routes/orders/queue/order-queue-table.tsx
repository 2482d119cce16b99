import { ORDER_TYPE_LABELS, type TOrderQueueRow } from '@linedesk/domain';
import { Badge, Table, Text } from '@mantine/core';
import { ClickableRow, DataTable, type ResultsTableProps } from '../../../components/common/data-table';
import { RelativeTime } from '../../../components/common/relative-time';
import { OrderCarrierCell, OrderCustomerCell, OrderNumberCell, OrderStatusCell } from '../order-list-cells';

type Props = ResultsTableProps<TOrderQueueRow> & {
  /** Searching: a column says what each order matched on. */
  showMatchedOn: boolean;
};

export function OrderQueueTable({ rows, showMatchedOn, activeIndex, onOpen, stale }: Props) {
  return (
    <DataTable
      label="Orders"
      columns={['Order', 'Account', 'Carrier', 'Type', 'Status', { label: 'Lines', align: 'right' }, 'Created', showMatchedOn && 'Matched on']}
      minWidth={1040}
      stale={stale}
      highlightOnHover
      horizontalSpacing="sm"
      verticalSpacing={10}
    >
      {rows.map((row, index) => (
        <ClickableRow key={row.id} active={index === activeIndex} onOpen={() => onOpen(row)}>
          <OrderNumberCell row={row} />
          <OrderCustomerCell row={row} miw={180} />
          <OrderCarrierCell row={row} />
          <Table.Td>
            <Text fz="sm">{ORDER_TYPE_LABELS[row.orderType]}</Text>
          </Table.Td>
          <OrderStatusCell row={row} />
          <Table.Td ta="right">
            <Text fz="sm" className="ld-num">
              {row.lineCount}
            </Text>
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <RelativeTime iso={row.createdAt} block />
            <Text fz="xs" c="dimmed">
              by {row.createdBy}
            </Text>
          </Table.Td>
          {showMatchedOn && (
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {row.matchedOn ? (
                <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500}>
                  {row.matchedOn}
                </Badge>
              ) : (
                <Text fz="sm" c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
          )}
        </ClickableRow>
      ))}
    </DataTable>
  );
}
