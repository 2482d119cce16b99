import { ORDER_AGE_LABELS, ORDER_AGES, ORDER_STATUS_LABELS, ORDER_STATUSES, type TOrderQueueRow } from '@linedesk/domain';
import { Button, Kbd, NativeSelect } from '@mantine/core';
import { IconFilterOff, IconPlus, IconReceipt, IconSearch } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, type KeyboardEvent } from 'react';
import { carrierFilterOptions, ListPage, ListSearchInput } from '../../../components/common/list-page';
import { StateMessage } from '../../../components/common/status-state';
import { useCurrentUser } from '../../../components/layout/current-user';
import {
  NO_ORDER_FILTERS,
  ORDER_QUEUE_PAGE_SIZE,
  ORDER_SEARCH_MIN_LENGTH,
  useOrderQueue,
  type OrderQueueFilters,
} from '../../../hooks/api/orders';
import { useWizardCarriers } from '../../../hooks/api/wizard';
import { handleSearchBoxKey, useAddressSearchText, useResultPicker } from '../../../hooks/use-result-picker';
import { canAccess, SIGN_UP_ROLES } from '../../../lib/access';
import { oneOfOrAll } from '../../../lib/search-params';
import { OrderQueueTable } from './order-queue-table';

type Props = {
  /** The filters as the address keeps them, so a view of the queue can be bookmarked, shared and gone back to. */
  filters: OrderQueueFilters;
  /** `replace`: typing in the search box replaces the address instead of adding to history. */
  onFiltersChange: (next: OrderQueueFilters, options?: { replace?: boolean }) => void;
};

/** Orders: every order in one queue, filtered by status, carrier and age, searched by number or identifier. */
export function OrdersQueuePage({ filters, onFiltersChange }: Props) {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const ids = { hint: useId(), status: useId() };
  const carriers = useWizardCarriers();

  // The search box keeps what is typed; the address gets it after a pause (or at once on Enter, as a scanner ends).
  const search = useAddressSearchText(filters.q, (q) => onFiltersChange({ ...filters, q, page: 1 }, { replace: true }));
  const text = search.text;

  const queue = useOrderQueue(filters);
  const isSearching = filters.q.length >= ORDER_SEARCH_MIN_LENGTH;
  const rows = queue.data?.rows;
  const total = queue.data?.total ?? 0;
  const isFiltered = Boolean(filters.status || filters.carrierCode || filters.olderThan || isSearching);

  // Which row Enter in the search box opens: the first, until the arrow keys pick another.
  const { activeIndex, activeRow, onArrowKey } = useResultPicker(rows, isSearching);

  const open = (row: TOrderQueueRow) => void navigate({ to: '/orders/$orderId', params: { orderId: row.id } });
  const change = (patch: Partial<OrderQueueFilters>) => onFiltersChange({ ...filters, page: 1, ...patch });
  const clear = () => {
    search.clear();
    onFiltersChange(NO_ORDER_FILTERS);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) =>
    handleSearchBoxKey(event, { committed: filters.q, flush: search.flush, activeRow, stale: queue.isPlaceholderData, open, onArrowKey });

  const tooShort = text.trim().length > 0 && text.trim().length < ORDER_SEARCH_MIN_LENGTH;

  return (
    <ListPage
      title="Orders"
      description="Every order, newest first. Open one to assign its Inventory and send it to the carrier."
      actions={
        canAccess(user.role, SIGN_UP_ROLES) && (
          <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} aria-hidden />}>
            Create New
          </Button>
        )
      }
      filters={
        <>
          <ListSearchInput
            label="Search orders"
            placeholder="Order or account number, MDN, IMEI, ICCID…"
            searching={queue.isFetching && isSearching}
            value={text}
            onChange={(event) => search.change(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            aria-describedby={`${ids.hint} ${ids.status}`}
            w={{ base: '100%', md: 340 }}
          />
          <NativeSelect
            label="Status"
            data={[{ value: '', label: 'All statuses' }, ...ORDER_STATUSES.map((status) => ({ value: status, label: ORDER_STATUS_LABELS[status] }))]}
            value={filters.status}
            onChange={(event) => change({ status: oneOfOrAll(ORDER_STATUSES, event.currentTarget.value) })}
            w={{ base: '100%', xs: 160 }}
          />
          <NativeSelect
            label="Carrier"
            data={carrierFilterOptions(carriers.data, filters.carrierCode)}
            value={filters.carrierCode}
            onChange={(event) => change({ carrierCode: event.currentTarget.value })}
            w={{ base: '100%', xs: 190 }}
          />
          <NativeSelect
            label="Age"
            data={[{ value: '', label: 'Any age' }, ...ORDER_AGES.map((age) => ({ value: age, label: ORDER_AGE_LABELS[age] }))]}
            value={filters.olderThan}
            onChange={(event) => change({ olderThan: oneOfOrAll(ORDER_AGES, event.currentTarget.value) })}
            w={{ base: '100%', xs: 170 }}
          />
        </>
      }
      showClear={Boolean(isFiltered || text)}
      onClear={clear}
      hint={{
        id: ids.hint,
        text: tooShort ? (
          `Type at least ${ORDER_SEARCH_MIN_LENGTH} characters to search.`
        ) : (
          <>
            Scan a device or SIM into the box to find its order. <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> pick a result,{' '}
            <Kbd size="xs">Enter</Kbd> opens it.
          </>
        ),
      }}
      // How many orders match, and which one Enter opens.
      status={{ id: ids.status, announce: activeRow && rows && rows.length > 1 ? ` Enter opens ${activeRow.orderNumber}, ${activeRow.customerName}.` : '' }}
      list={queue}
      loadingLabel="Loading orders"
      errorTitle="Could not load the orders"
      empty={() => <EmptyQueue filters={filters} isFiltered={isFiltered} canSignUp={canAccess(user.role, SIGN_UP_ROLES)} onClear={clear} />}
      summary={(data) => summary(data.total, filters, isFiltered)}
      table={(data) => <OrderQueueTable rows={data.rows} showMatchedOn={isSearching} activeIndex={activeIndex} onOpen={open} stale={queue.isPlaceholderData} />}
      pager={{
        label: 'Pages of orders',
        pageSize: ORDER_QUEUE_PAGE_SIZE,
        page: filters.page,
        onChange: (page) => onFiltersChange({ ...filters, page }),
        text: (
          <>
            Orders {(filters.page - 1) * ORDER_QUEUE_PAGE_SIZE + 1}–{Math.min(total, filters.page * ORDER_QUEUE_PAGE_SIZE)} of {total}
          </>
        ),
      }}
    />
  );
}

function EmptyQueue({ filters, isFiltered, canSignUp, onClear }: { filters: OrderQueueFilters; isFiltered: boolean; canSignUp: boolean; onClear: () => void }) {
  if (filters.q.length >= ORDER_SEARCH_MIN_LENGTH) {
    return (
      <StateMessage
        icon={<IconSearch size={24} />}
        color="gray"
        title={`No orders match “${filters.q}”`}
        action={
          <Button variant="light" onClick={onClear}>
            Clear filters
          </Button>
        }
      >
        Search by an order or account number (or part of one, such as 200001), a line&apos;s phone number, or a device&apos;s IMEI, MEID or ESN
        or a SIM&apos;s ICCID{filters.status || filters.carrierCode || filters.olderThan ? ', or clear the other filters' : ''}.
      </StateMessage>
    );
  }
  if (isFiltered) {
    return (
      <StateMessage
        icon={<IconFilterOff size={24} />}
        color="gray"
        title="No orders match these filters"
        action={
          <Button variant="light" onClick={onClear}>
            Clear filters
          </Button>
        }
      >
        Try another status, carrier or age, or clear the filters to see every order.
      </StateMessage>
    );
  }
  return (
    <StateMessage
      icon={<IconReceipt size={24} />}
      title="No orders yet"
      action={
        canSignUp && (
          <Button component={Link} to="/customers/new" variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
            Create New
          </Button>
        )
      }
    >
      Orders are made by the New Customer Wizard&apos;s Create Order. {canSignUp ? 'Sign a customer up with Customers › Create New.' : 'They appear here as soon as an agent creates one.'}
    </StateMessage>
  );
}

function summary(total: number, filters: OrderQueueFilters, isFiltered: boolean): string {
  const count = total === 1 ? '1 order' : `${total} orders`;
  const match = total === 1 ? 'matches' : 'match';
  if (filters.q.length >= ORDER_SEARCH_MIN_LENGTH) return `${count} ${match} “${filters.q}”.`;
  return isFiltered ? `${count} ${match} these filters.` : `${count} in all.`;
}
