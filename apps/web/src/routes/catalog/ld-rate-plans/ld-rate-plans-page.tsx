import { formatMillicents, type TLdRatePlan } from '@linedesk/domain';
import { Text } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { CatalogListPage } from '../common/catalog-list-page';
import { NoneText, type CatalogColumn } from '../common/catalog-table';
import { useDrawerState } from '../common/use-drawer-state';
import { LdRatePlanDrawer } from './ld-rate-plan-drawer';

const COLUMNS: CatalogColumn<TLdRatePlan>[] = [
  {
    header: 'Domestic',
    align: 'right',
    cell: (plan) => <Text fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMillicents(plan.domesticPerMinuteMillicents)}/min</Text>,
  },
  {
    header: 'International',
    wrap: true,
    cell: (plan) =>
      plan.internationalRates.length > 0 ? (
        <Text fz="sm" lineClamp={2} miw={220} maw={480}>
          {plan.internationalRates.length} {plan.internationalRates.length === 1 ? 'country' : 'countries'}:{' '}
          {plan.internationalRates.map((rate) => rate.countryName).join(', ')}
        </Text>
      ) : (
        <NoneText>None</NoneText>
      ),
  },
];

export function LdRatePlansPage() {
  const drawer = useDrawerState('ld-rate-plans');
  return (
    <CatalogListPage
      entity="ld-rate-plans"
      title="Long Distance Rates"
      description="Per-minute rate plans for domestic and international calls; packages point at one of them."
      icon={IconWorld}
      columns={COLUMNS}
      onCreate={drawer.openCreate}
      onEdit={drawer.openEdit}
    >
      <LdRatePlanDrawer drawer={drawer} />
    </CatalogListPage>
  );
}
