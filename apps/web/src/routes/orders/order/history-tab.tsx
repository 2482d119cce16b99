import { Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { ErrorAlert, LoadingState, StateMessage } from '../../../components/common/status-state';
import { useOrderHistory } from '../../../hooks/api/orders';
import { formatDateTime, formatRelative } from '../../../lib/format';

/** Every status change and audited action on the order, its lines and its stock: who, when, what. */
export function HistoryTab({ orderId }: { orderId: string }) {
  const history = useOrderHistory(orderId);
  if (history.isPending) return <LoadingState label="Loading the history" />;
  if (history.isError) {
    return (
      <div style={{ padding: 'var(--mantine-spacing-lg)' }}>
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} title="Could not load the history" />
      </div>
    );
  }
  if (history.data.length === 0) {
    return (
      <StateMessage icon={<IconHistory size={24} />} color="gray" title="No history yet">
        Status changes and every change to this order, its lines and their inventory are listed here, with who made them and when.
      </StateMessage>
    );
  }
  return (
    <div className="ld-table-wrap">
      <Table aria-label="History" verticalSpacing="sm" horizontalSpacing="md" style={{ minWidth: 860 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Subject</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Summary</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data.map((entry) => (
            <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text component="time" dateTime={entry.at} fz="sm" display="block">
                  {formatDateTime(entry.at)}
                </Text>
                <Text fz="xs" c="dimmed">
                  {formatRelative(entry.at)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text fz="sm">{entry.actor}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {entry.subject}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {entry.action}
                </Text>
              </Table.Td>
              <Table.Td miw={260}>
                <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {entry.summary}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
