import { Badge, Button, Group, Loader, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPackageImport } from '@tabler/icons-react';
import { DataTable } from '../../../components/common/data-table';
import { RouterAnchor } from '../../../components/common/router-anchor';
import { Panel, StateMessage } from '../../../components/common/status-state';
import { AccountSection } from '../../customers/account/account-section';
import { IdentifierLines, InventoryStatusBadge, MakeModel } from '../inventory-parts';
import type { ReceivedEntry } from './use-receive-queue';

/** This visit's scans, newest first: each received item, or why it was refused. */
export function ReceivedList({ entries, onClear }: { entries: ReceivedEntry[]; onClear: () => void }) {
  const received = entries.filter((entry) => entry.state === 'received').length;
  const refused = entries.filter((entry) => entry.state === 'refused').length;
  if (entries.length === 0) {
    return (
      <Panel>
        <StateMessage icon={<IconPackageImport size={24} />} title="Nothing scanned yet">
          Each item you scan is listed here as it goes into stock, with anything that stopped it.
        </StateMessage>
      </Panel>
    );
  }
  return (
    <AccountSection
      title="Scanned"
      description="Newest first. A refused scan can be scanned again once it is fixed."
      flush
      aside={
        <Group gap="xs">
          <Badge color="green" variant="light" radius="sm" tt="none">
            {received} received
          </Badge>
          {refused > 0 && (
            <Badge color="red" variant="light" radius="sm" tt="none">
              {refused} refused
            </Badge>
          )}
          <Button size="compact-sm" variant="subtle" onClick={onClear}>
            Clear list
          </Button>
        </Group>
      }
    >
      <DataTable label="Scanned items" columns={['Scanned', 'Result', 'Item', 'Status']} minWidth={820} verticalSpacing="sm" horizontalSpacing="md">
        {entries.map((entry) => (
          <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }} data-state={entry.state}>
            <Table.Td>
              {entry.state === 'received' ? (
                <RouterAnchor to="/inventory/items/$itemId" params={{ itemId: entry.item.id }} fz="sm" underline="hover">
                  <IdentifierLines identifiers={entry.item.identifiers} />
                </RouterAnchor>
              ) : (
                entry.identifiers.map((value) => (
                  <Text key={value} fz="sm" className="ld-mono">
                    {value}
                  </Text>
                ))
              )}
            </Table.Td>
            <Table.Td miw={260}>
              {entry.state === 'sending' && (
                <Group gap={6}>
                  <Loader size="xs" aria-hidden />
                  <Text fz="sm" c="dimmed">
                    Receiving…
                  </Text>
                </Group>
              )}
              {entry.state === 'received' && (
                <Group gap={6} wrap="nowrap">
                  <IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
                  <Text fz="sm">Received</Text>
                </Group>
              )}
              {entry.state === 'refused' && (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                  <Text fz="sm" c="red.8" role="alert">
                    {entry.message}
                  </Text>
                </Group>
              )}
            </Table.Td>
            <Table.Td>{entry.state === 'received' ? <MakeModel item={entry.item} /> : null}</Table.Td>
            <Table.Td>{entry.state === 'received' ? <InventoryStatusBadge status={entry.item.status} /> : null}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </AccountSection>
  );
}
