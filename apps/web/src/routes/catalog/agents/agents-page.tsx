import type { TAgent } from '@linedesk/domain';
import { Stack, Text } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useCatalogOptions } from '../../../hooks/api/catalog';
import { CatalogListPage } from '../common/catalog-list-page';
import { NoneText, type CatalogColumn } from '../common/catalog-table';
import { useDrawerState } from '../common/use-drawer-state';
import { AgentDrawer } from './agent-drawer';

export function AgentsPage() {
  const drawer = useDrawerState('agents');
  // Parent agents are shown by name; the list itself only carries the parent's code.
  const agents = useCatalogOptions('agents');
  const nameOf = (code: string) => agents.data?.find((agent) => agent.code === code)?.name ?? code;

  const columns: CatalogColumn<TAgent>[] = [
    {
      header: 'Parent agent',
      wrap: true,
      cell: (agent) => (agent.parentCode ? <Text fz="sm">{nameOf(agent.parentCode)}</Text> : <NoneText />),
    },
    {
      header: 'Contact',
      cell: (agent) =>
        agent.email || agent.phone ? (
          <Stack gap={0}>
            {agent.email && <Text fz="sm">{agent.email}</Text>}
            {agent.phone && (
              <Text fz="xs" c="dimmed">
                {agent.phone}
              </Text>
            )}
          </Stack>
        ) : (
          <NoneText />
        ),
    },
    {
      header: 'Sales people',
      align: 'right',
      cell: (agent) => <Text fz="sm">{agent.salesPersonUserIds.length}</Text>,
    },
  ];

  return (
    <CatalogListPage
      entity="agents"
      title="Agents"
      description="Dealers and stores that sell lines, and the users who sell for each of them."
      icon={IconBuildingStore}
      columns={columns}
      onCreate={drawer.openCreate}
      onEdit={drawer.openEdit}
    >
      <AgentDrawer drawer={drawer} />
    </CatalogListPage>
  );
}
