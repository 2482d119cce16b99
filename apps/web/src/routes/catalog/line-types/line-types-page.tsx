import type { TLineType } from '@linedesk/domain';
import { Text } from '@mantine/core';
import { IconDeviceMobile } from '@tabler/icons-react';
import { CatalogListPage } from '../common/catalog-list-page';
import { NoneText, type CatalogColumn } from '../common/catalog-table';
import { useDrawerState } from '../common/use-drawer-state';
import { LineTypeDrawer } from './line-type-drawer';

const COLUMNS: CatalogColumn<TLineType>[] = [
  {
    header: 'Description',
    wrap: true,
    cell: (lineType) =>
      lineType.description ? (
        <Text fz="sm" lineClamp={2} miw={220} maw={420}>
          {lineType.description}
        </Text>
      ) : (
        <NoneText />
      ),
  },
  {
    header: 'Properties',
    wrap: true,
    cell: (lineType) =>
      lineType.properties.length > 0 ? (
        <Text fz="sm" lineClamp={2} miw={160} maw={320}>
          {lineType.properties.map((property) => property.label).join(', ')}
        </Text>
      ) : (
        <NoneText>None</NoneText>
      ),
  },
  { header: 'Display order', align: 'right', cell: (lineType) => <Text fz="sm">{lineType.displayOrder}</Text> },
];

export function LineTypesPage() {
  const drawer = useDrawerState('line-types');
  return (
    <CatalogListPage
      entity="line-types"
      title="Line Types"
      description="Kinds of line sold (smartphone, tablet, watch…) and what the order wizard asks for on each."
      icon={IconDeviceMobile}
      columns={COLUMNS}
      onCreate={drawer.openCreate}
      onEdit={drawer.openEdit}
    >
      <LineTypeDrawer drawer={drawer} />
    </CatalogListPage>
  );
}
