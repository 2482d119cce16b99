import { Button, Group, Loader, Stack, Text, TextInput, VisuallyHidden, type TextInputProps } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ListPager, pageCount } from './list-pager';
import { Page, PageHeader } from './page';
import { ErrorAlert, LoadingState, Panel } from './status-state';

type Props<TData extends { rows: readonly unknown[]; total: number }> = {
  title: string;
  description: string;
  actions?: ReactNode;
  /** The filter inputs, in one row that wraps; Clear filters follows them while `showClear`. */
  filters: ReactNode;
  showClear: boolean;
  onClear: () => void;
  /** Under the filters: what the search box takes and which keys work (`id` describes the box). */
  hint?: { id: string; text: ReactNode };
  /** Read out at each change: how many rows match (`summary`), then `announce` (which one Enter opens); `id` describes the inputs. */
  status: { id: string; announce?: string };
  list: UseQueryResult<TData>;
  /** "Loading stock" */
  loadingLabel: string;
  /** "Could not load the stock" */
  errorTitle: string;
  /** What shows in place of the table when no row matches. */
  empty: (data: TData) => ReactNode;
  /** "12 orders match these filters.", over the table. */
  summary: (data: TData) => string;
  table: (data: TData) => ReactNode;
  /** Under the table: which rows show ("Orders 51–100 of 240"), and the pages. */
  pager: { label: string; pageSize: number; page: number; onChange: (page: number) => void; text: ReactNode };
};

/** A page of one paged list: its title, the filters, the rows that match them (or why none), and the pages. */
export function ListPage<TData extends { rows: readonly unknown[]; total: number }>(props: Props<TData>) {
  const { list, hint, status, pager } = props;
  return (
    <Page size={1400}>
      <PageHeader title={props.title} description={props.description} actions={props.actions} />
      <Stack gap="xs">
        <Group gap="sm" align="flex-start" wrap="wrap">
          {props.filters}
          {props.showClear && (
            <Button variant="subtle" mt={25} leftSection={<IconFilterOff size={16} aria-hidden />} onClick={props.onClear}>
              Clear filters
            </Button>
          )}
        </Group>
        {hint && (
          <Text id={hint.id} fz="xs" c="dimmed">
            {hint.text}
          </Text>
        )}
        {/* Always in the page, so screen readers hear each change. */}
        <VisuallyHidden id={status.id} role="status">
          {list.isFetching || !list.data ? '' : props.summary(list.data)}
          {status.announce ?? ''}
        </VisuallyHidden>
      </Stack>

      {list.isPending ? (
        <Panel>
          <LoadingState label={props.loadingLabel} />
        </Panel>
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} title={props.errorTitle} />
      ) : list.data.rows.length === 0 ? (
        <Panel>{props.empty(list.data)}</Panel>
      ) : (
        <Stack gap="xs">
          <Text fz="sm" c="dimmed">
            {props.summary(list.data)}
          </Text>
          <Panel>{props.table(list.data)}</Panel>
          <ListPager label={pager.label} pages={pageCount(list.data.total, pager.pageSize)} page={pager.page} onChange={pager.onChange}>
            {pager.text}
          </ListPager>
        </Stack>
      )}
    </Page>
  );
}

/** A list's search box: searches as you type (or scan), with a spinner while a search is on its way. */
export function ListSearchInput({ searching, ...input }: Omit<TextInputProps, 'type' | 'leftSection' | 'rightSection'> & { searching: boolean }) {
  return (
    <TextInput
      type="search"
      autoComplete="off"
      spellCheck={false}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={searching ? <Loader size="xs" aria-label="Searching" /> : null}
      {...input}
    />
  );
}

/** A carrier filter's choices: every carrier, and one in the address the list no longer offers (still shows as chosen). */
export function carrierFilterOptions(carriers: readonly { code: string; name: string }[] | undefined, current: string) {
  const options = [{ value: '', label: 'All carriers' }, ...(carriers ?? []).map((carrier) => ({ value: carrier.code, label: carrier.name }))];
  if (current && !options.some((option) => option.value === current)) options.push({ value: current, label: current });
  return options;
}
