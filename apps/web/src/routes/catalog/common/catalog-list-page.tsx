import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, type TablerIcon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Page, PageHeader } from '../../../components/common/page';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../../components/common/status-state';
import { ALL_RECORDS, useCatalogList, type CatalogEntity, type CatalogListFilters, type CatalogView } from '../../../hooks/api/catalog';
import { CATALOG_NOUNS, capitalize, countOf } from '../../../lib/catalog-records';
import { CatalogFilters } from './catalog-filters';
import { CatalogTable, type CatalogColumn } from './catalog-table';
import { useStatusToggle } from './status-toggle';

type Props<E extends CatalogEntity> = {
  entity: E;
  title: string;
  description: string;
  icon: TablerIcon;
  columns: CatalogColumn<CatalogView<E>>[];
  /** Gets the list's filters, so a new record can start from them (e.g. the chosen carrier). */
  onCreate: (filters: CatalogListFilters) => void;
  onEdit: (record: CatalogView<E>) => void;
  withCarrierFilter?: boolean;
  /** The create/edit drawer, when the page has one. */
  children?: ReactNode;
};

/** One list screen for every kind of catalog record: filters, count, states, table, status toggle. */
export function CatalogListPage<E extends CatalogEntity>(props: Props<E>) {
  const { entity, title, description, icon: Icon, columns, onCreate, onEdit, withCarrierFilter, children } = props;
  const noun = CATALOG_NOUNS[entity];
  const [filters, setFilters] = useState<CatalogListFilters>(ALL_RECORDS);
  // Typing waits for a pause before asking the server; the selects apply at once.
  const [debouncedSearch] = useDebouncedValue(filters.search, 250);
  const list = useCatalogList(entity, { ...filters, search: debouncedSearch });
  const status = useStatusToggle(entity);
  const isFiltered = filters.search.trim() !== '' || filters.status !== 'all' || filters.carrierCode !== '';
  const createLabel = `Create ${noun.one}`;

  return (
    <Page size={1400}>
      <PageHeader
        title={title}
        description={description}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onCreate(filters)}>
            {createLabel}
          </Button>
        }
      />
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <CatalogFilters
            value={filters}
            onChange={setFilters}
            searchLabel={`Search ${noun.many}`}
            withCarrierFilter={withCarrierFilter}
          />
          <Group gap={8} mih={36}>
            {list.isFetching && !list.isPending && <Loader size="xs" aria-label="Updating list" />}
            {list.data && (
              <Text fz="sm" c="dimmed" aria-live="polite">
                {countOf(list.data.length, noun)}
                {filters.status === 'all' && list.data.length > 0 && ` · ${list.data.filter((record) => record.isActive).length} active`}
              </Text>
            )}
          </Group>
        </Group>
        {list.isPending ? (
          <Panel>
            <LoadingState label={`Loading ${noun.many}`} />
          </Panel>
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <Panel>
            {isFiltered ? (
              <StateMessage
                icon={<Icon size={24} />}
                title={`No ${noun.many} match these filters`}
                action={
                  <Button variant="light" onClick={() => setFilters(ALL_RECORDS)}>
                    Clear filters
                  </Button>
                }
              >
                Try a different name or code, or widen the filters.
              </StateMessage>
            ) : (
              <StateMessage
                icon={<Icon size={24} />}
                title={`No ${noun.many} yet`}
                action={
                  <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onCreate(filters)}>
                    {createLabel}
                  </Button>
                }
              >
                {capitalize(noun.many)} you create appear here. You can also bring a whole catalog in from Import / Export.
              </StateMessage>
            )}
          </Panel>
        ) : (
          <Panel>
            <CatalogTable
              label={title}
              records={list.data}
              columns={columns}
              onEdit={onEdit}
              onToggleStatus={status.toggle}
              pendingId={status.pendingId}
            />
          </Panel>
        )}
      </Stack>
      {status.modal}
      {children}
    </Page>
  );
}
