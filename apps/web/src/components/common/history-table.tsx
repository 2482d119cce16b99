import { Table } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { DataTable, WhenCell } from './data-table';
import { StateMessage } from './status-state';

export type HistoryColumn<T> = { label: string; miw?: number; nowrap?: boolean; cell: (entry: T) => ReactNode };

type Props<T> = {
  entries: readonly T[];
  /** The table's accessible name. */
  label: string;
  minWidth: number;
  /** The columns after When. */
  columns: readonly HistoryColumn<T>[];
  /** What will be listed, said while there is nothing yet. */
  empty: ReactNode;
};

/** A record's audited changes, newest first: When, then the given columns; "No history yet" while there are none. */
export function HistoryTable<T extends { id: string; at: string }>({ entries, label, minWidth, columns, empty }: Props<T>) {
  if (entries.length === 0) {
    return (
      <StateMessage icon={<IconHistory size={24} />} color="gray" title="No history yet">
        {empty}
      </StateMessage>
    );
  }
  return (
    <DataTable label={label} columns={['When', ...columns.map((column) => column.label)]} minWidth={minWidth} verticalSpacing="sm" horizontalSpacing="md">
      {entries.map((entry) => (
        <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
          <WhenCell at={entry.at} />
          {columns.map((column) => (
            <Table.Td key={column.label} miw={column.miw} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
              {column.cell(entry)}
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
