import { Table, Text, VisuallyHidden, type TableProps } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { formatDateTime, formatRelative } from '../../lib/format';

/** A column's heading; `hidden`: named for screen readers only (a column of row actions). */
export type DataTableColumn = { label: string; align?: 'right'; style?: CSSProperties; hidden?: boolean };

type Props = Omit<TableProps, 'children' | 'aria-label'> & {
  /** The table's accessible name. */
  label: string;
  columns: readonly (DataTableColumn | string | false)[];
  minWidth: number;
  /** A results list: the previous results, still showing (faded) while the next ones load. */
  stale?: boolean;
  children: ReactNode;
};

/** A table that scrolls sideways on narrow screens: its name, its column headers, and its rows. */
export function DataTable({ label, columns, minWidth, stale, children, ...table }: Props) {
  return (
    <div className="ld-table-wrap" style={stale === undefined ? undefined : { opacity: stale ? 0.6 : 1, transition: 'opacity 120ms ease' }}>
      <Table aria-label={label} style={{ minWidth }} {...table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => {
              if (column === false) return null;
              const { label: heading, align, style, hidden } = typeof column === 'string' ? { label: column } : column;
              return (
                <Table.Th key={heading} scope="col" ta={align} style={style}>
                  {hidden ? <VisuallyHidden>{heading}</VisuallyHidden> : heading}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </div>
  );
}

/** A results table's rows, and what opens one. */
export type ResultsTableProps<T> = {
  rows: T[];
  /** Enter in the search box opens this row (`null`: none, or no search box). */
  activeIndex: number | null;
  onOpen: (row: T) => void;
  /** The previous results, still showing while the next ones load. */
  stale: boolean;
};

/**
 * A row the mouse opens anywhere on it; keyboard users get the link in it (or Enter in the search box).
 * `active`: the row Enter in the search box opens, marked so it can be seen.
 */
export function ClickableRow({ onOpen, active, style, children }: { onOpen: () => void; active?: boolean; style?: CSSProperties; children: ReactNode }) {
  return (
    <Table.Tr className="ld-clickable-row" data-active={active || undefined} onClick={onOpen} style={style}>
      {children}
    </Table.Tr>
  );
}

/** A row's moment: the date and time, and how long ago under it. */
export function WhenCell({ at }: { at: string }) {
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }}>
      <Text component="time" dateTime={at} fz="sm" display="block">
        {formatDateTime(at)}
      </Text>
      <Text fz="xs" c="dimmed">
        {formatRelative(at)}
      </Text>
    </Table.Td>
  );
}
