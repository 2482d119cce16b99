import { Group, NativeSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useCatalogOptions, type CatalogListFilters } from '../../../hooks/api/catalog';
import { StatusFilterSelect } from '../../../components/common/status-filter-select';

type Props = {
  value: CatalogListFilters;
  onChange: (next: CatalogListFilters) => void;
  /** e.g. "Search products"; the box's visible label. */
  searchLabel: string;
  withCarrierFilter?: boolean;
};

export function CatalogFilters({ value, onChange, searchLabel, withCarrierFilter = false }: Props) {
  const carriers = useCatalogOptions('carriers', '', withCarrierFilter);
  const carrierOptions = [
    { value: '', label: 'All carriers' },
    ...(carriers.data ?? []).map((carrier) => ({ value: carrier.code, label: carrier.name })),
  ];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label={searchLabel}
        placeholder="Name or code"
        type="search"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value.search}
        onChange={(event) => onChange({ ...value, search: event.currentTarget.value })}
        w={{ base: '100%', sm: 280 }}
      />
      {withCarrierFilter && (
        <NativeSelect
          label="Carrier"
          data={carrierOptions}
          value={value.carrierCode}
          onChange={(event) => onChange({ ...value, carrierCode: event.currentTarget.value })}
          w={{ base: '100%', xs: 200 }}
        />
      )}
      <StatusFilterSelect value={value.status} onChange={(status) => onChange({ ...value, status })} w={{ base: '100%', xs: 160 }} />
    </Group>
  );
}
