import { Button, Center, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { Page, PageHeader } from '../../components/common/page';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../components/common/status-state';
import { useAuditLog, type AuditFilters } from '../../hooks/api/audit';
import { AuditTable } from './audit-table';

const NO_FILTERS: AuditFilters = { entityType: '', action: '' };

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [debounced] = useDebouncedValue(filters, 300);
  const audit = useAuditLog(debounced);
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  const isFiltered = Boolean(filters.entityType || filters.action);

  return (
    <Page size={1400}>
      <PageHeader title="Audit Log" description="Every change made in LineDesk: who made it, when, and what it changed. Newest first." />
      <Group gap="sm" align="flex-end" justify="space-between" wrap="wrap">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Entity type"
            placeholder="e.g. user"
            value={filters.entityType}
            onChange={(event) => setFilters({ ...filters, entityType: event.currentTarget.value })}
            w={{ base: '100%', xs: 200 }}
          />
          <TextInput
            label="Action"
            placeholder="e.g. sign_in"
            value={filters.action}
            onChange={(event) => setFilters({ ...filters, action: event.currentTarget.value })}
            w={{ base: '100%', xs: 200 }}
          />
          {isFiltered && (
            <Button variant="subtle" onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </Button>
          )}
        </Group>
        {audit.isFetching && !audit.isPending && !audit.isFetchingNextPage && <Loader size="xs" aria-label="Updating list" />}
      </Group>

      {audit.isPending ? (
        <Panel>
          <LoadingState label="Loading the audit log" />
        </Panel>
      ) : audit.isError && entries.length === 0 ? (
        <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
      ) : entries.length === 0 ? (
        <Panel>
          <StateMessage icon={<IconHistory size={24} />} title={isFiltered ? 'No entries match these filters' : 'Nothing recorded yet'}>
            {isFiltered
              ? 'Filters match the exact entity type and action code, such as "user" or "sign_in".'
              : 'Changes made in LineDesk will be listed here.'}
          </StateMessage>
        </Panel>
      ) : (
        <Stack gap="sm">
          <Panel>
            <AuditTable entries={entries} />
          </Panel>
          {audit.isFetchNextPageError && <ErrorAlert error={audit.error} title="Could not load more entries" />}
          <Center>
            {audit.hasNextPage ? (
              <Button variant="default" loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
                Load more
              </Button>
            ) : (
              <Text fz="sm" c="dimmed">
                {entries.length === 1 ? 'Showing the only entry' : `Showing all ${entries.length} entries`}
              </Text>
            )}
          </Center>
        </Stack>
      )}
    </Page>
  );
}
