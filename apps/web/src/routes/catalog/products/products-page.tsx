import { PRODUCT_KIND_LABELS, type TProduct } from '@linedesk/domain';
import { Badge, Text } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useState } from 'react';
import { useCatalogOptions } from '../../../hooks/api/catalog';
import { CatalogListPage } from '../common/catalog-list-page';
import { Money, type CatalogColumn } from '../common/catalog-table';
import { useDrawerState } from '../common/use-drawer-state';
import { ProductDrawer } from './product-drawer';

export function ProductsPage() {
  const drawer = useDrawerState('products');
  // A product created while the list is narrowed to one carrier starts on that carrier.
  const [defaultCarrierCode, setDefaultCarrierCode] = useState('');
  const carriers = useCatalogOptions('carriers');
  const carrierName = (code: string) => carriers.data?.find((carrier) => carrier.code === code)?.name ?? code;

  const columns: CatalogColumn<TProduct>[] = [
    { header: 'Carrier', cell: (product) => <Text fz="sm">{carrierName(product.carrierCode)}</Text> },
    {
      header: 'Kind',
      cell: (product) => (
        <Badge variant="light" color="gray" radius="sm" tt="none" fw={600}>
          {PRODUCT_KIND_LABELS[product.kind]}
        </Badge>
      ),
    },
    { header: 'Monthly', align: 'right', cell: (product) => <Money cents={product.monthlyCents} /> },
    { header: 'One-time', align: 'right', cell: (product) => <Money cents={product.oneTimeCents} /> },
    { header: 'Taxable', cell: (product) => <Text fz="sm">{product.isTaxable ? 'Yes' : 'No'}</Text> },
  ];

  return (
    <CatalogListPage
      entity="products"
      title="Products"
      description="Plans, features, equipment and fees each carrier sells, with the code the carrier knows them by."
      icon={IconPackage}
      columns={columns}
      onCreate={(filters) => {
        setDefaultCarrierCode(filters.carrierCode);
        drawer.openCreate();
      }}
      onEdit={drawer.openEdit}
      withCarrierFilter
    >
      <ProductDrawer drawer={drawer} defaultCarrierCode={defaultCarrierCode} />
    </CatalogListPage>
  );
}
