import type { TOrderHistoryEntry } from '@linedesk/domain';
import { Text } from '@mantine/core';
import { HistoryTable, type HistoryColumn } from '../../../components/common/history-table';
import { ErrorAlert, LoadingState } from '../../../components/common/status-state';
import { useOrderHistory } from '../../../hooks/api/orders';

const COLUMNS: readonly HistoryColumn<TOrderHistoryEntry>[] = [
  { label: 'Who', nowrap: true, cell: (entry) => <Text fz="sm">{entry.actor}</Text> },
  {
    label: 'Subject',
    cell: (entry) => (
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {entry.subject}
      </Text>
    ),
  },
  {
    label: 'Action',
    cell: (entry) => (
      <Text fz="sm" fw={500}>
        {entry.action}
      </Text>
    ),
  },
  {
    label: 'Summary',
    miw: 260,
    cell: (entry) => (
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {entry.summary}
      </Text>
    ),
  },
];

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
  return (
    <HistoryTable
      entries={history.data}
      label="History"
      minWidth={860}
      columns={COLUMNS}
      empty="Status changes and every change to this order, its lines and their inventory are listed here, with who made them and when."
    />
  );
}
