import { ORDER_TYPE_LABELS, type TFalloutRow } from '@linedesk/domain';
import { Badge, Table, Text, Tooltip } from '@mantine/core';
import { OrderStatusBadge } from '../../../components/common/badges';
import { DataTable } from '../../../components/common/data-table';
import { RouterAnchor } from '../../../components/common/router-anchor';
import { formatDateTime, formatRelative } from '../../../lib/format';

type Props = {
  rows: TFalloutRow[];
  onOpen: (row: TFalloutRow) => void;
  /** The previous page, still showing while the next one loads. */
  stale: boolean;
};

/** Orders that need a look: what went wrong with each, when it was last sent and last changed. */
export function FalloutTable({ rows, onOpen, stale }: Props) {
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
        // The whole row is a mouse target; keyboard users get the order link in it.
        <Table.Tr key={row.id} className="ld-clickable-row" onClick={() => onOpen(row)} style={{ verticalAlign: 'top' }}>
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
            <Text fz="xs" c="dimmed">
              {ORDER_TYPE_LABELS[row.orderType]}
            </Text>
          </Table.Td>
          <Table.Td miw={170}>
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
            <OrderStatusBadge status={row.status} />
          </Table.Td>
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
              <Moment at={row.lastSentAt} />
            ) : (
              <Text fz="sm" c="dimmed">
                Never
              </Text>
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Moment at={row.updatedAt} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Moment({ at }: { at: string }) {
  return (
    <Tooltip label={formatDateTime(at)} openDelay={300} withinPortal>
      <Text component="time" dateTime={at} fz="sm" display="block">
        {formatRelative(at)}
      </Text>
    </Tooltip>
  );
}
