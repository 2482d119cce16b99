import { ORDER_TYPE_LABELS, type TOrderQueueRow } from '@linedesk/domain';
import { Badge, Table, Text, Tooltip } from '@mantine/core';
import { OrderStatusBadge } from '../../../components/common/badges';
import { DataTable } from '../../../components/common/data-table';
import { RouterAnchor } from '../../../components/common/router-anchor';
import { formatDateTime, formatRelative } from '../../../lib/format';

type Props = {
  rows: TOrderQueueRow[];
  /** Searching: a column says what each order matched on. */
  showMatchedOn: boolean;
  /** Enter in the search box opens this row. */
  activeIndex: number | null;
  onOpen: (row: TOrderQueueRow) => void;
  /** The previous results, still showing while the next ones load. */
  stale: boolean;
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
        // The whole row is a mouse target; keyboard users get the order link in it (or Enter in the search box).
        <Table.Tr key={row.id} className="ld-clickable-row" data-active={index === activeIndex || undefined} onClick={() => onOpen(row)}>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <RouterAnchor
              to="/orders/$orderId"
              params={{ orderId: row.id }}
              className="ld-mono"
              fw={600}
              fz="sm"
              onClick={(event) => event.stopPropagation()}
            >
              {row.orderNumber}
            </RouterAnchor>
          </Table.Td>
          <Table.Td miw={180}>
            <Text fz="sm" fw={600}>
              {row.customerName}
            </Text>
            <Text className="ld-mono" c="dimmed">
              {row.accountNumber}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text fz="sm">{row.carrierName}</Text>
          </Table.Td>
          <Table.Td>
            <Text fz="sm">{ORDER_TYPE_LABELS[row.orderType]}</Text>
          </Table.Td>
          <Table.Td>
            <OrderStatusBadge status={row.status} />
          </Table.Td>
          <Table.Td ta="right">
            <Text fz="sm" className="ld-num">
              {row.lineCount}
            </Text>
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Tooltip label={formatDateTime(row.createdAt)} openDelay={300} withinPortal>
              <Text component="time" dateTime={row.createdAt} fz="sm" display="block">
                {formatRelative(row.createdAt)}
              </Text>
            </Tooltip>
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
        </Table.Tr>
      ))}
    </DataTable>
  );
}
