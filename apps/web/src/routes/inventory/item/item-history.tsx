import type { TStockHistoryEntry } from '@linedesk/domain';
import { Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { StateMessage } from '../../../components/common/status-state';
import { formatDateTime, formatRelative } from '../../../lib/format';

/** The item's audited changes: when, who, what, and the reason given. */
export function ItemHistory({ history }: { history: TStockHistoryEntry[] }) {
  if (history.length === 0) {
    return (
      <StateMessage icon={<IconHistory size={24} />} color="gray" title="No history yet">
        Receiving, status changes, edits and orders that reserve the item are listed here.
      </StateMessage>
    );
  }
  return (
    <div className="ld-table-wrap">
      <Table aria-label="Item history" verticalSpacing="sm" horizontalSpacing="md" style={{ minWidth: 760 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Change</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((entry) => (
            <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text component="time" dateTime={entry.at} fz="sm" display="block">
                  {formatDateTime(entry.at)}
                </Text>
                <Text fz="xs" c="dimmed">
                  {formatRelative(entry.at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{entry.actor}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={500}>
                  {entry.action}
                </Text>
              </Table.Td>
              <Table.Td miw={220}>
                <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {entry.summary || '—'}
                </Text>
              </Table.Td>
              <Table.Td miw={180}>
                <Text fz="sm" c={entry.reason ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                  {entry.reason ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
