import type { TPackage } from '@linedesk/domain';
import { Text } from '@mantine/core';
import { IconBoxMultiple } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useCatalogOptions } from '../../../hooks/api/catalog';
import { CatalogListPage } from '../common/catalog-list-page';
import { Money, type CatalogColumn } from '../common/catalog-table';

export function PackagesPage() {
  const navigate = useNavigate();
  const carriers = useCatalogOptions('carriers');
  const lineTypes = useCatalogOptions('line-types');
  const carrierName = (code: string) => carriers.data?.find((carrier) => carrier.code === code)?.name ?? code;
  const lineTypeName = (code: string) => lineTypes.data?.find((lineType) => lineType.code === code)?.name ?? code;

  const columns: CatalogColumn<TPackage>[] = [
    { header: 'Carrier', cell: (pkg) => <Text fz="sm">{carrierName(pkg.carrierCode)}</Text> },
    {
      header: 'Line types',
      wrap: true,
      cell: (pkg) => (
        <Text fz="sm" lineClamp={2} miw={120} maw={260}>
          {pkg.lineTypeCodes.map(lineTypeName).join(', ')}
        </Text>
      ),
    },
    { header: 'Monthly', align: 'right', cell: (pkg) => <Money cents={pkg.monthlyCents} /> },
    { header: 'Activation', align: 'right', cell: (pkg) => <Money cents={pkg.activationFeeCents} /> },
    { header: 'Products', align: 'right', cell: (pkg) => <Text fz="sm">{pkg.products.length}</Text> },
  ];

  return (
    <CatalogListPage
      entity="packages"
      title="Packages"
      description="What agents sell on a line: a carrier’s products bundled with a price, for chosen line and order types."
      icon={IconBoxMultiple}
      columns={columns}
      onCreate={(filters) => void navigate({ to: '/catalog/packages/new', search: filters.carrierCode ? { carrierCode: filters.carrierCode } : {} })}
      onEdit={(pkg) => void navigate({ to: '/catalog/packages/$packageId', params: { packageId: pkg.id } })}
      withCarrierFilter
    />
  );
}
