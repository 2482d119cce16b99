import type { TStockHistoryEntry } from '@linedesk/domain';
import { Text } from '@mantine/core';
import { HistoryTable, type HistoryColumn } from '../../../components/common/history-table';

const COLUMNS: readonly HistoryColumn<TStockHistoryEntry>[] = [
  { label: 'Who', cell: (entry) => <Text fz="sm">{entry.actor}</Text> },
  {
    label: 'Action',
    cell: (entry) => (
      <Text fz="sm" fw={500}>
        {entry.action}
      </Text>
    ),
  },
  {
    label: 'Change',
    miw: 220,
    cell: (entry) => (
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {entry.summary || '—'}
      </Text>
    ),
  },
  {
    label: 'Reason',
    miw: 180,
    cell: (entry) => (
      <Text fz="sm" c={entry.reason ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
        {entry.reason ?? '—'}
      </Text>
    ),
  },
];

/** The item's audited changes: when, who, what, and the reason given. */
export function ItemHistory({ history }: { history: TStockHistoryEntry[] }) {
  return (
    <HistoryTable
      entries={history}
      label="Item history"
      minWidth={760}
      columns={COLUMNS}
      empty="Receiving, status changes, edits and orders that reserve the item are listed here."
    />
  );
}
