import { INVENTORY_KIND_LABELS, INVENTORY_KINDS, INVENTORY_STATUS_LABELS, INVENTORY_STATUSES, STOCK_SEARCH_MIN_LENGTH, type TStockItem } from '@linedesk/domain';
import { Button, Kbd, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconBarcode, IconFileImport, IconFilterOff, IconPackages } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useState, type KeyboardEvent } from 'react';
import { carrierFilterOptions, ListPage, ListSearchInput } from '../../../components/common/list-page';
import { StateMessage } from '../../../components/common/status-state';
import { useCurrentUser } from '../../../components/layout/current-user';
import { isSearchableStockQuery, NO_STOCK_FILTERS, STOCK_PAGE_SIZE, useStockChoices, useStockItems, type StockFilters } from '../../../hooks/api/inventory';
import { handleSearchBoxKey, TYPING_PAUSE_MS, useResultPicker } from '../../../hooks/use-result-picker';
import { canAccess, STOCK_ROLES } from '../../../lib/access';
import { oneOfOrAll } from '../../../lib/search-params';
import { StockItemsTable } from './stock-items-table';

type Props = {
  /** The filters as the address keeps them, so a view of stock can be bookmarked, shared and gone back to. */
  filters: StockFilters;
  /** `replace`: typing replaces the address instead of adding to history. */
  onFiltersChange: (next: StockFilters, options?: { replace?: boolean }) => void;
};

/** Inventory > Items: every device, SIM and eSIM profile, searched by any identifier or part of one. */
export function StockItemsPage({ filters, onFiltersChange }: Props) {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const ids = { hint: useId(), status: useId() };
  const choices = useStockChoices();

  // Typed text stays in the boxes; the address gets it after a pause (or at once on Enter, as a scanner ends).
  const [text, setText] = useState({ q: filters.q, model: filters.model });
  const [synced, setSynced] = useState({ q: filters.q, model: filters.model });
  if (filters.q !== synced.q || filters.model !== synced.model) {
    setSynced({ q: filters.q, model: filters.model });
    setText({ q: filters.q, model: filters.model });
  }
  const commit = useDebouncedCallback((next: { q: string; model: string }) => {
    setSynced({ q: next.q.trim(), model: next.model.trim() });
    onFiltersChange({ ...filters, q: next.q.trim(), model: next.model.trim(), page: 1 }, { replace: true });
  }, TYPING_PAUSE_MS);

  const list = useStockItems(filters);
  const rows = list.data?.rows;
  const total = list.data?.total ?? 0;
  const isSearching = isSearchableStockQuery(filters.q);
  const isFiltered = Boolean(isSearching || filters.kind || filters.status || filters.carrierCode || filters.location || filters.model);

  const { activeIndex, activeRow, onArrowKey } = useResultPicker(rows, isSearching);

  const open = (item: TStockItem) => void navigate({ to: '/inventory/items/$itemId', params: { itemId: item.id } });
  const change = (patch: Partial<StockFilters>) => onFiltersChange({ ...filters, page: 1, ...patch });
  const clear = () => {
    commit.cancel();
    setText({ q: '', model: '' });
    onFiltersChange(NO_STOCK_FILTERS);
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) =>
    handleSearchBoxKey(event, { committed: filters.q, flush: () => commit.flush(), activeRow, stale: list.isPlaceholderData, open, onArrowKey });

  const tooShort = text.q.trim().length > 0 && !isSearchableStockQuery(text.q);
  const locationOptions = [{ value: '', label: 'All locations' }, ...(choices.data?.locations ?? []).map((location) => ({ value: location, label: location }))];
  if (filters.location && !locationOptions.some((option) => option.value === filters.location)) locationOptions.push({ value: filters.location, label: filters.location });
  const canKeepStock = canAccess(user.role, STOCK_ROLES);

  return (
    <ListPage
      title="Inventory"
      description="Devices, SIMs and eSIM profiles in stock. Scan or type any identifier, or part of one, to find an item."
      actions={
        canKeepStock && (
          <>
            <Button component={Link} to="/inventory/import" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
              Import CSV
            </Button>
            <Button component={Link} to="/inventory/receive" leftSection={<IconBarcode size={16} aria-hidden />}>
              Receive
            </Button>
          </>
        )
      }
      filters={
        <>
          <ListSearchInput
            label="Search by identifier"
            placeholder="IMEI, ICCID, EID… or a few digits"
            autoFocus
            searching={list.isFetching && isSearching}
            value={text.q}
            onChange={(event) => {
              const next = { ...text, q: event.currentTarget.value };
              setText(next);
              commit(next);
            }}
            onKeyDown={onSearchKeyDown}
            aria-describedby={`${ids.hint} ${ids.status}`}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            w={{ base: '100%', md: 300 }}
          />
          <TextInput
            label="Make or model"
            placeholder="e.g. Aurora X5"
            autoComplete="off"
            value={text.model}
            onChange={(event) => {
              const next = { ...text, model: event.currentTarget.value };
              setText(next);
              commit(next);
            }}
            w={{ base: '100%', xs: 170 }}
          />
          <NativeSelect
            label="Kind"
            data={[{ value: '', label: 'All kinds' }, ...INVENTORY_KINDS.map((kind) => ({ value: kind, label: INVENTORY_KIND_LABELS[kind] }))]}
            value={filters.kind}
            onChange={(event) => change({ kind: oneOfOrAll(INVENTORY_KINDS, event.currentTarget.value) })}
            w={{ base: '100%', xs: 130 }}
          />
          <NativeSelect
            label="Status"
            data={[{ value: '', label: 'All statuses' }, ...INVENTORY_STATUSES.map((status) => ({ value: status, label: INVENTORY_STATUS_LABELS[status] }))]}
            value={filters.status}
            onChange={(event) => change({ status: oneOfOrAll(INVENTORY_STATUSES, event.currentTarget.value) })}
            w={{ base: '100%', xs: 140 }}
          />
          <NativeSelect
            label="Carrier"
            data={carrierFilterOptions(choices.data?.carriers, filters.carrierCode)}
            value={filters.carrierCode}
            onChange={(event) => change({ carrierCode: event.currentTarget.value })}
            w={{ base: '100%', xs: 150 }}
          />
          <NativeSelect label="Location" data={locationOptions} value={filters.location} onChange={(event) => change({ location: event.currentTarget.value })} w={{ base: '100%', xs: 150 }} />
        </>
      }
      showClear={Boolean(isFiltered || text.q || text.model)}
      onClear={clear}
      hint={{
        id: ids.hint,
        text: tooShort ? (
          `Type at least ${STOCK_SEARCH_MIN_LENGTH} characters of an identifier to search.`
        ) : (
          <>
            Scan a barcode into the box, or type a few of its digits. <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> pick an item,{' '}
            <Kbd size="xs">Enter</Kbd> opens it.
          </>
        ),
      }}
      status={{
        id: ids.status,
        announce: activeRow && rows && rows.length > 1 ? ` Enter opens ${activeRow.identifiers[0]?.label ?? ''} ${activeRow.identifiers[0]?.display ?? ''}.` : '',
      }}
      list={list}
      loadingLabel="Loading stock"
      errorTitle="Could not load the stock"
      empty={() =>
        isFiltered ? (
          <StateMessage
            icon={<IconFilterOff size={24} />}
            color="gray"
            title={isSearching ? `No item matches “${filters.q}”` : 'No items match these filters'}
            action={
              <Button variant="light" onClick={clear}>
                Clear filters
              </Button>
            }
          >
            {isSearching ? 'Check the digits, or search by fewer of them.' : 'Try another kind, status, carrier or location.'}
          </StateMessage>
        ) : (
          <StateMessage
            icon={<IconPackages size={24} />}
            title="No stock yet"
            action={
              canKeepStock && (
                <Button component={Link} to="/inventory/receive" variant="light" leftSection={<IconBarcode size={16} aria-hidden />}>
                  Receive
                </Button>
              )
            }
          >
            Devices, SIMs and eSIM profiles appear here once they are received, one by one by scanning or from a CSV file.
          </StateMessage>
        )
      }
      summary={(data) => summary(data.total, data.totalCapped, filters, isFiltered)}
      table={(data) => <StockItemsTable rows={data.rows} activeIndex={activeIndex} onOpen={open} stale={list.isPlaceholderData} />}
      pager={{
        label: 'Pages of stock items',
        pageSize: STOCK_PAGE_SIZE,
        page: filters.page,
        onChange: (page) => onFiltersChange({ ...filters, page }),
        text: (
          <>
            Items {((filters.page - 1) * STOCK_PAGE_SIZE + 1).toLocaleString()}–{Math.min(total, filters.page * STOCK_PAGE_SIZE).toLocaleString()} of{' '}
            {list.data?.totalCapped ? 'more than ' : ''}
            {total.toLocaleString()}
          </>
        ),
      }}
    />
  );
}

function summary(total: number, capped: boolean, filters: StockFilters, isFiltered: boolean): string {
  const count = `${capped ? 'More than ' : ''}${total.toLocaleString()} ${total === 1 && !capped ? 'item' : 'items'}`;
  const match = total === 1 && !capped ? 'matches' : 'match';
  if (isSearchableStockQuery(filters.q)) return `${count} ${match} “${filters.q}”.`;
  return isFiltered ? `${count} ${match} these filters.` : `${count} in stock records.`;
}
