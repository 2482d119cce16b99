import { formatCents } from '@linedesk/domain';
import { ActionIcon, Button, Group, Menu, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDots, IconPencil, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { StatusBadge } from '../../../components/common/badges';

/** One column of a list. Cells stay on one line unless `wrap` (long text such as descriptions). */
export type CatalogColumn<T> = { header: string; cell: (record: T) => ReactNode; align?: 'left' | 'right'; wrap?: boolean };

const NOWRAP = { whiteSpace: 'nowrap' } as const;

type Row = { id: string; code: string; name: string; isActive: boolean };

type Props<T extends Row> = {
  label: string;
  records: T[];
  columns: CatalogColumn<T>[];
  onEdit: (record: T) => void;
  onToggleStatus: (record: T) => void;
  pendingId: string | null;
};

/** Name and code first, the entity's own columns, status, then the row actions. */
export function CatalogTable<T extends Row>({ label, records, columns, onEdit, onToggleStatus, pendingId }: Props<T>) {
  return (
    <div className="ld-table-wrap">
      <Table aria-label={label} highlightOnHover horizontalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column.header} scope="col" ta={column.align}>
                {column.header}
              </Table.Th>
            ))}
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            // The whole row is a mouse target; keyboard users get the buttons in it.
            <Table.Tr key={record.id} className="ld-clickable-row" onClick={() => onEdit(record)}>
              <Table.Td>
                <NameCell name={record.name} code={record.code} />
              </Table.Td>
              {columns.map((column) => (
                <Table.Td key={column.header} ta={column.align} style={column.wrap ? undefined : NOWRAP}>
                  {column.cell(record)}
                </Table.Td>
              ))}
              <Table.Td style={NOWRAP}>
                <StatusBadge isActive={record.isActive} />
              </Table.Td>
              <Table.Td style={{ ...NOWRAP, width: 1 }}>
                <Group gap={4} justify="flex-end" wrap="nowrap" onClick={(event) => event.stopPropagation()}>
                  <Button
                    variant="subtle"
                    size="xs"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={`Edit ${record.name}`}
                    onClick={() => onEdit(record)}
                  >
                    Edit
                  </Button>
                  {/* Status changes are rarer than edits: one menu keeps the row narrow and leaves room for more. */}
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${record.name}`} loading={pendingId === record.id}>
                        <IconDots size={16} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        color={record.isActive ? 'red' : undefined}
                        leftSection={record.isActive ? <IconPlayerPause size={14} aria-hidden /> : <IconPlayerPlay size={14} aria-hidden />}
                        onClick={() => onToggleStatus(record)}
                      >
                        {record.isActive ? 'Deactivate' : 'Activate'}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

export function NameCell({ name, code }: { name: string; code: string }) {
  // A minimum width here (not on the cell, which tables ignore) keeps short names on one line.
  return (
    <Stack gap={0} miw={190}>
      <Text fz="sm" fw={600}>
        {name}
      </Text>
      <Text className="ld-mono" c="dimmed">
        {code}
      </Text>
    </Stack>
  );
}

/** A dimmed dash for an empty cell, so blank never reads as "still loading". */
export function NoneText({ children = '—' }: { children?: ReactNode }) {
  return (
    <Text fz="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** A price cell: tabular figures so columns of amounts line up; zero reads as a dash. */
export function Money({ cents }: { cents: number }) {
  if (cents === 0) return <NoneText />;
  return (
    <Text fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatCents(cents)}
    </Text>
  );
}
