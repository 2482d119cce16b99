import type { TCarrierMessage, TFalloutPage, TOrderDetail } from '@linedesk/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, apiRequest, isApiError } from '../../lib/api-client';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { auditKeys } from './audit';
import { customerKeys } from './customers';
import { inventoryKeys } from './inventory';
import { afterOrderChange, AWAITING_CARRIER_REFETCH_MS, orderKeys } from './orders';

const orderPath = (id: string) => `/api/orders/${encodeURIComponent(id)}`;

/**
 * Whether a failed Send may have reached the server anyway: no answer (the connection dropped), an
 * answer that is not LineDesk's, or the server failing. Sending again then must carry the same
 * Idempotency-Key, so the order goes to the carrier once whatever happened the first time.
 */
function mayHaveBeenSent(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status >= 500 || error.code === 'BAD_RESPONSE';
}

/**
 * Send: the order goes to its carrier (Ready → Sent; Error → Sent again after the agent fixed it).
 * Each click is one intent with its own Idempotency-Key, made when the click starts; when the answer
 * is lost (a network error, a 5xx) the next click is a retry of the same intent and reuses the key,
 * so a second Send can never send the order twice. A definite answer (the order, or a refusal) ends it.
 */
export function useSendOrder(orderId: string) {
  const queryClient = useQueryClient();
  const intent = useRef<string | null>(null);
  const mutation = useMutation({
    mutationFn: (idempotencyKey: string) =>
      apiRequest<TOrderDetail>('POST', `${orderPath(orderId)}/send`, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (order) => {
      intent.current = null;
      afterOrderChange(queryClient, order);
    },
    onError: (error) => {
      if (!mayHaveBeenSent(error)) intent.current = null;
      // Refused (someone else sent or changed it) or unanswered (it may have been sent): show the order as it now is.
      void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
    },
  });
  const send = () => {
    intent.current ??= newIdempotencyKey();
    mutation.mutate(intent.current);
  };
  // After a lost answer the button says so: the next click retries the same Send.
  return { ...mutation, send, answerLost: mutation.isError && mayHaveBeenSent(mutation.error) };
}

/** The requests sent to the carrier for the order and what came back, oldest first; read again every 2 s while the order is at the carrier. */
export function useCarrierMessages(orderId: string, awaitingCarrier: boolean) {
  return useQuery({
    queryKey: orderKeys.carrierMessages(orderId),
    queryFn: ({ signal }) => api.get<TCarrierMessage[]>(`${orderPath(orderId)}/carrier-messages`, undefined, signal),
    refetchInterval: awaitingCarrier ? AWAITING_CARRIER_REFETCH_MS : false,
    staleTime: 0,
  });
}

/**
 * The order changed while the page was open (the carrier answered, a poll moved it on): what depends on
 * it is read again — its History and Carrier Messages, the queues, the account, the stock it activated.
 * The order itself is already fresh: it is what noticed.
 */
export function useFollowOrderChanges(order: TOrderDetail) {
  const queryClient = useQueryClient();
  const seen = useRef(order.updatedAt);
  const { id, updatedAt, customer } = order;
  useEffect(() => {
    if (seen.current === updatedAt) return;
    seen.current = updatedAt;
    void queryClient.invalidateQueries({ queryKey: orderKeys.history(id) });
    void queryClient.invalidateQueries({ queryKey: orderKeys.carrierMessages(id) });
    void queryClient.invalidateQueries({ queryKey: orderKeys.queues() });
    void queryClient.invalidateQueries({ queryKey: orderKeys.fallouts() });
    void queryClient.invalidateQueries({ queryKey: customerKeys.detail(customer.id) });
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    void queryClient.invalidateQueries({ queryKey: inventoryKeys.all });
  }, [queryClient, id, updatedAt, customer.id]);
}

/** Orders > Fallout's filters as the address keeps them; empty means "any" (the stuck age: the setting). */
export type FalloutFilters = { carrierCode: string; stuckMinutes: number | null; page: number };

export const NO_FALLOUT_FILTERS: FalloutFilters = { carrierCode: '', stuckMinutes: null, page: 1 };

/** Rows per page of the fallout list. */
export const FALLOUT_PAGE_SIZE = 50;

/** Orders > Fallout: orders the carrier refused, and orders at the carrier past the stuck age. */
export function useFallout(filters: FalloutFilters) {
  return useQuery({
    queryKey: [...orderKeys.fallouts(), filters] as const,
    queryFn: ({ signal }) =>
      api.get<TFalloutPage>(
        '/api/orders/fallout',
        {
          carrierCode: filters.carrierCode,
          stuckMinutes: filters.stuckMinutes,
          limit: FALLOUT_PAGE_SIZE,
          offset: (filters.page - 1) * FALLOUT_PAGE_SIZE,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
    // Fallout is a work list: what the carrier does meanwhile shows up without a reload.
    refetchInterval: 30_000,
  });
}
