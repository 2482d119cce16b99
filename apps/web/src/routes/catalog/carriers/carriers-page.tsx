import { ORDER_TYPE_LABELS, type TCarrier } from '@linedesk/domain';
import { Badge, Group, Text } from '@mantine/core';
import { IconAntenna } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { CatalogListPage } from '../common/catalog-list-page';
import type { CatalogColumn } from '../common/catalog-table';

const COLUMNS: CatalogColumn<TCarrier>[] = [
  {
    header: 'Order types',
    wrap: true,
    cell: (carrier) => (
      <Text fz="sm" miw={220} maw={300}>
        {carrier.orderTypes.map((type) => ORDER_TYPE_LABELS[type]).join(', ')}
      </Text>
    ),
  },
  {
    header: 'Provisioning',
    cell: (carrier) => (
      <Group gap={6} wrap="nowrap">
        <Badge variant="light" color={carrier.provisioning.adapter === 'manual' ? 'gray' : 'teal'} radius="sm" tt="none" fw={600}>
          {carrier.provisioning.adapter === 'manual' ? 'Manual' : 'Carrier gateway'}
        </Badge>
        {carrier.flowThrough && (
          <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500}>
            Flow-through
          </Badge>
        )}
      </Group>
    ),
  },
  { header: 'Numbers by', cell: (carrier) => <Text fz="sm">{carrier.numberAssignment === 'ZIP' ? 'ZIP code' : 'Area code'}</Text> },
];

export function CarriersPage() {
  const navigate = useNavigate();
  return (
    <CatalogListPage
      entity="carriers"
      title="Carriers"
      description="The networks you sell on: what each accepts, what it needs on a line, and how orders reach it."
      icon={IconAntenna}
      columns={COLUMNS}
      onCreate={() => void navigate({ to: '/catalog/carriers/new' })}
      onEdit={(carrier) => void navigate({ to: '/catalog/carriers/$carrierId', params: { carrierId: carrier.id } })}
    />
  );
}
