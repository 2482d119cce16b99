import type { TCustomerSearchResult } from '@linedesk/domain';
import { Button, Group, Kbd, Loader, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconSearch, IconUserQuestion, IconUsersGroup } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, type KeyboardEvent } from 'react';
import { Page, PageHeader } from '../../../components/common/page';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../../components/common/status-state';
import { useCurrentUser } from '../../../components/layout/current-user';
import { CUSTOMER_SEARCH_LIMIT, CUSTOMER_SEARCH_MIN_LENGTH, useCustomerSearch } from '../../../hooks/api/customers';
import { handleSearchBoxKey, useAddressSearchText, useResultPicker } from '../../../hooks/use-result-picker';
import { canAccess, SIGN_UP_ROLES } from '../../../lib/access';
import { CustomerResultsTable } from './customer-results-table';

type Props = {
  /** The search as the address keeps it (`?q=`), so a search can be bookmarked, shared and gone back to. */
  q: string;
  onQueryChange: (q: string) => void;
};

/** Customers > Search: one box, searching as you type; Enter or a click opens the account. */
export function CustomerSearchPage({ q, onQueryChange }: Props) {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const ids = { hint: useId(), active: useId(), table: useId() };
  const box = useAddressSearchText(q, onQueryChange);
  const text = box.text;

  const search = useCustomerSearch(q);
  const isSearchable = q.length >= CUSTOMER_SEARCH_MIN_LENGTH;
  const results = isSearchable ? search.data : undefined;
  // Which row Enter opens; back to the first whenever new results arrive.
  const { activeIndex, activeRow: activeResult, onArrowKey } = useResultPicker(results);

  const open = (customer: TCustomerSearchResult) =>
    void navigate({ to: '/customers/$customerId', params: { customerId: customer.id } });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) =>
    handleSearchBoxKey(event, { committed: q, flush: box.flush, activeRow: activeResult, stale: search.isPlaceholderData, open, onArrowKey });

  const tooShort = text.trim().length > 0 && text.trim().length < CUSTOMER_SEARCH_MIN_LENGTH;

  return (
    <Page size={1400}>
      <PageHeader
        title="Customers"
        description="Find an account by name, account number, phone number, email or address."
        actions={
          canAccess(user.role, SIGN_UP_ROLES) && (
            <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} aria-hidden />}>
              Create New
            </Button>
          )
        }
      />
      <Stack gap="xs">
        <TextInput
          label="Search customers"
          placeholder="e.g. Rivera, ACC-100042, (312) 555-0101, jane@example.com"
          type="search"
          size="md"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          leftSection={<IconSearch size={18} aria-hidden />}
          rightSection={search.isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
          value={text}
          onChange={(event) => box.change(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${ids.hint} ${ids.active}`}
          maw={720}
        />
        <Group gap={6} id={ids.hint} c="dimmed" fz="xs">
          {tooShort ? (
            <Text fz="xs" c="dimmed">
              Type at least {CUSTOMER_SEARCH_MIN_LENGTH} characters to search.
            </Text>
          ) : (
            <Text fz="xs" c="dimmed">
              <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> pick a result, <Kbd size="xs">Enter</Kbd> opens it.
            </Text>
          )}
        </Group>
        {/* Always in the page, so screen readers hear each change: how many matched, and which one Enter opens. */}
        <VisuallyHidden id={ids.active} role="status">
          {statusText(search.isFetching ? undefined : results, q)}
          {activeResult && results && results.length > 1 ? ` Enter opens ${activeResult.accountNumber}, ${activeResult.displayName}.` : ''}
        </VisuallyHidden>
      </Stack>

      {!isSearchable ? (
        <Panel>
          <StateMessage icon={<IconUsersGroup size={24} />} title="Search for a customer">
            Type part of a name, an account number, a phone or line number, an email address or a street. Results appear as you
            type.
          </StateMessage>
        </Panel>
      ) : search.isPending ? (
        <Panel>
          <LoadingState label="Searching customers" />
        </Panel>
      ) : search.isError ? (
        <ErrorAlert error={search.error} onRetry={() => void search.refetch()} title="Could not search customers" />
      ) : search.data.length === 0 ? (
        <Panel>
          <StateMessage icon={<IconUserQuestion size={24} />} color="gray" title={`No customers match “${q}”`}>
            Check the spelling, or try an account number, a phone number or an email address instead.
          </StateMessage>
        </Panel>
      ) : (
        <Stack gap="xs">
          <Text fz="sm" c="dimmed">
            {resultSummary(search.data.length, q)}
          </Text>
          <Panel>
            <CustomerResultsTable
              id={ids.table}
              results={search.data}
              activeIndex={activeIndex}
              onOpen={open}
              stale={search.isPlaceholderData}
            />
          </Panel>
        </Stack>
      )}
    </Page>
  );
}

function statusText(results: TCustomerSearchResult[] | undefined, q: string): string {
  if (!results) return '';
  return results.length === 0 ? `No customers match “${q}”.` : `${resultSummary(results.length, q)}.`;
}

function resultSummary(count: number, q: string): string {
  if (count >= CUSTOMER_SEARCH_LIMIT) return `Showing the first ${count} matches for “${q}”. Add more of the name or number to narrow them down.`;
  return count === 1 ? `1 customer matches “${q}”` : `${count} customers match “${q}”`;
}
