import type {
  ORDER_AGES,
  OrderStatus,
  TCancelOrderRequest,
  TOrderDetail,
  TOrderHistoryEntry,
  TOrderQueuePage,
  TOrderScanRequest,
  TOrderScanResult,
  TPortInUpdate,
} from '@linedesk/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../lib/api-client';
import { auditKeys } from './audit';
import { customerKeys } from './customers';
import { inventoryKeys } from './inventory';

export type OrderAge = (typeof ORDER_AGES)[number];

/** The Orders queue's filters as the address keeps them; empty means "any". */
export type OrderQueueFilters = { status: OrderStatus | ''; carrierCode: string; olderThan: OrderAge | ''; q: string; page: number };

export const NO_ORDER_FILTERS: OrderQueueFilters = { status: '', carrierCode: '', olderThan: '', q: '', page: 1 };

/** Rows per page of the queue: a screenful to work through, and the server's default. */
export const ORDER_QUEUE_PAGE_SIZE = 50;
/** The server refuses shorter searches; the page does not ask. */
export const ORDER_SEARCH_MIN_LENGTH = 2;

export const orderKeys = {
  all: ['orders'] as const,
  queues: () => [...orderKeys.all, 'queue'] as const,
  queue: (filters: OrderQueueFilters) => [...orderKeys.queues(), filters] as const,
  details: () => [...orderKeys.all, 'detail'] as const,
  detail: (id: string) => [...orderKeys.details(), id] as const,
  history: (id: string) => [...orderKeys.all, 'history', id] as const,
  carrierMessages: (id: string) => [...orderKeys.all, 'carrier-messages', id] as const,
  fallouts: () => [...orderKeys.all, 'fallout'] as const,
};

/** While an order is at the carrier (Sent or In progress), its page asks again this often. */
export const AWAITING_CARRIER_REFETCH_MS = 2_000;

const orderPath = (id: string) => `/api/orders/${encodeURIComponent(id)}`;

/** Orders > the queue: every order, newest first, narrowed by status, carrier, age and a search. */
export function useOrderQueue(filters: OrderQueueFilters) {
  const q = filters.q.trim();
  return useQuery({
    queryKey: orderKeys.queue({ ...filters, q }),
    queryFn: ({ signal }) =>
      api.get<TOrderQueuePage>(
        '/api/orders',
        {
          status: filters.status,
          carrierCode: filters.carrierCode,
          olderThan: filters.olderThan,
          // Below the minimum the server refuses the search: the queue shows unsearched instead.
          q: q.length >= ORDER_SEARCH_MIN_LENGTH ? q : undefined,
          limit: ORDER_QUEUE_PAGE_SIZE,
          offset: (filters.page - 1) * ORDER_QUEUE_PAGE_SIZE,
        },
        signal,
      ),
    // The previous page stays on screen while the next one loads, instead of a flashing spinner.
    placeholderData: keepPreviousData,
  });
}

/**
 * One order with its lines, their products and what each line has and still needs. While the order is
 * at the carrier it is read again every 2 s, so Sent turns In progress and Complete without a reload.
 */
export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => api.get<TOrderDetail>(orderPath(id), undefined, signal),
    refetchInterval: (query) => (query.state.data?.awaitingCarrier ? AWAITING_CARRIER_REFETCH_MS : false),
  });
}

/** Every status change and audited action on the order, its lines and its stock, newest first. */
export function useOrderHistory(id: string) {
  return useQuery({
    queryKey: orderKeys.history(id),
    queryFn: ({ signal }) => api.get<TOrderHistoryEntry[]>(`${orderPath(id)}/history`, undefined, signal),
    staleTime: 0,
  });
}

/**
 * After a change to an order: the answer is the order as it now is, so the page shows it at once;
 * its history, the queue, the account's Orders tab and the stock lists are read again when next shown.
 */
export function afterOrderChange(queryClient: QueryClient, order: TOrderDetail) {
  queryClient.setQueryData(orderKeys.detail(order.id), order);
  void queryClient.invalidateQueries({ queryKey: orderKeys.history(order.id) });
  void queryClient.invalidateQueries({ queryKey: orderKeys.carrierMessages(order.id) });
  void queryClient.invalidateQueries({ queryKey: orderKeys.queues() });
  void queryClient.invalidateQueries({ queryKey: orderKeys.fallouts() });
  void queryClient.invalidateQueries({ queryKey: customerKeys.detail(order.customer.id) });
  void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  // Items reserved or put back change status in Inventory too.
  void queryClient.invalidateQueries({ queryKey: inventoryKeys.all });
}

/** Scan or paste onto the order: one identifier or a whole list, to the next line that needs it or to `lineId`. */
export function useScanInventory(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TOrderScanRequest) => api.post<TOrderScanResult>(`${orderPath(orderId)}/inventory`, input),
    onSuccess: (result) => afterOrderChange(queryClient, result.order),
  });
}

/** What to take off a line: a stock item by its id, or any identifier by its line and value (the customer's own device has no item). */
export type UnassignTarget = { itemId: string } | { lineId: string; value: string };

/** Takes an item off its line: a stock item goes back to Available, the customer's own device is simply removed. */
export function useUnassignInventory(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: UnassignTarget) =>
      apiRequest<TOrderDetail>(
        'DELETE',
        'itemId' in target
          ? `${orderPath(orderId)}/inventory/${encodeURIComponent(target.itemId)}`
          : `${orderPath(orderId)}/lines/${encodeURIComponent(target.lineId)}/identifiers/${encodeURIComponent(target.value)}`,
      ),
    onSuccess: (order) => afterOrderChange(queryClient, order),
  });
}

export function useCancelOrder(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCancelOrderRequest) => api.post<TOrderDetail>(`${orderPath(orderId)}/cancel`, input),
    onSuccess: (order) => afterOrderChange(queryClient, order),
  });
}

/** Edit port-in: corrects a port-in line's account at the current carrier (a PIN left out stays as it is on file). */
export function useUpdatePortIn(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lineId, input }: { lineId: string; input: TPortInUpdate }) =>
      api.put<TOrderDetail>(`${orderPath(orderId)}/lines/${encodeURIComponent(lineId)}/port-in`, input),
    onSuccess: (order) => afterOrderChange(queryClient, order),
  });
}
