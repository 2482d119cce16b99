import { BILL_METHOD_LABELS, type TBillProfile } from '@linedesk/domain';
import { Badge, Group, Text } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { CatalogListPage } from '../common/catalog-list-page';
import { NoneText, type CatalogColumn } from '../common/catalog-table';
import { useDrawerState } from '../common/use-drawer-state';
import { BillProfileDrawer } from './bill-profile-drawer';

const COLUMNS: CatalogColumn<TBillProfile>[] = [
  { header: 'Bill method', cell: (profile) => <Text fz="sm">{BILL_METHOD_LABELS[profile.defaultBillMethod]}</Text> },
  {
    header: 'Payment terms',
    cell: (profile) => <Text fz="sm">{profile.termsDays === 0 ? 'Due on receipt' : `Net ${profile.termsDays} days`}</Text>,
  },
  {
    header: 'Default for',
    cell: (profile) =>
      profile.isDefaultResidential || profile.isDefaultBusiness ? (
        <Group gap={4}>
          {profile.isDefaultResidential && <DefaultBadge>Residential</DefaultBadge>}
          {profile.isDefaultBusiness && <DefaultBadge>Business</DefaultBadge>}
        </Group>
      ) : (
        <NoneText />
      ),
  },
];

function DefaultBadge({ children }: { children: string }) {
  return (
    <Badge variant="light" color="brand" radius="sm" tt="none" fw={600}>
      {children}
    </Badge>
  );
}

export function BillProfilesPage() {
  const drawer = useDrawerState('bill-profiles');
  return (
    <CatalogListPage
      entity="bill-profiles"
      title="Bill Profiles"
      description="How accounts are billed: bill method and payment terms, and which profile new accounts start with."
      icon={IconFileInvoice}
      columns={COLUMNS}
      onCreate={drawer.openCreate}
      onEdit={drawer.openEdit}
    >
      <BillProfileDrawer drawer={drawer} />
    </CatalogListPage>
  );
}
