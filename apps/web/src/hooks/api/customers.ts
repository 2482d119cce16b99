import type { OrderStatus, TCustomerAccount, TCustomerSearchResult } from '@linedesk/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** The server refuses shorter searches; the page does not ask. */
export const CUSTOMER_SEARCH_MIN_LENGTH = 2;
/** At most this many matches come back: enough to scan, few enough that refining beats scrolling. */
export const CUSTOMER_SEARCH_LIMIT = 50;

export const customerKeys = {
  all: ['customers'] as const,
  searches: () => [...customerKeys.all, 'search'] as const,
  search: (q: string) => [...customerKeys.searches(), q] as const,
  details: () => [...customerKeys.all, 'detail'] as const,
  detail: (id: string) => [...customerKeys.details(), id] as const,
};

/** Customers > Search: accounts matching a name, number, phone, email or address; nothing below 2 characters. */
export function useCustomerSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: customerKeys.search(query),
    queryFn: ({ signal }) => api.get<TCustomerSearchResult[]>('/api/customers', { q: query, limit: CUSTOMER_SEARCH_LIMIT }, signal),
    enabled: query.length >= CUSTOMER_SEARCH_MIN_LENGTH,
    // The previous results stay on screen while the next ones load, instead of a flashing spinner.
    placeholderData: keepPreviousData,
  });
}

/** The order statuses in which an order is at its carrier: the account page follows it until it comes back. */
const AT_CARRIER: readonly OrderStatus[] = ['SENT', 'IN_PROGRESS'];

/**
 * One account with its contacts, addresses, payment methods, lines and orders. While any of its orders
 * is at the carrier it is read again every 2 s, so lines turn Active with their numbers without a reload.
 */
export function useCustomerAccount(id: string) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => api.get<TCustomerAccount>(`/api/customers/${encodeURIComponent(id)}`, undefined, signal),
    refetchInterval: (query) => (query.state.data?.orders.some((order) => AT_CARRIER.includes(order.status)) ? 2_000 : false),
  });
}
