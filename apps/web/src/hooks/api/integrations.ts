import type { TApiCustomerDefaults, TTmfHubView } from '@linedesk/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../lib/api-client';
import { auditKeys } from './audit';

const DEFAULTS_PATH = '/api/settings/api-customer-defaults';

export const integrationKeys = {
  all: ['integrations'] as const,
  customerDefaults: () => [...integrationKeys.all, 'api-customer-defaults'] as const,
  hubs: () => [...integrationKeys.all, 'tmf-hubs'] as const,
};

/** Admin: the carrier, bill profile and bill method of customers created through the TM Forum API (TMF629). */
export function useApiCustomerDefaults() {
  return useQuery({
    queryKey: integrationKeys.customerDefaults(),
    queryFn: ({ signal }) => api.get<TApiCustomerDefaults>(DEFAULTS_PATH, undefined, signal),
  });
}

/** Saves all three at once; the server answers with what it saved. */
export function useSaveApiCustomerDefaults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (defaults: TApiCustomerDefaults) => api.put<TApiCustomerDefaults>(DEFAULTS_PATH, defaults),
    onSuccess: (saved) => {
      queryClient.setQueryData(integrationKeys.customerDefaults(), saved);
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

/** Admin: every event subscription (hub) of every TM Forum API, newest first, with its deliveries. */
export function useTmfHubs() {
  return useQuery({
    queryKey: integrationKeys.hubs(),
    queryFn: ({ signal }) => api.get<TTmfHubView[]>('/api/tmf-hubs', undefined, signal),
    // Deliveries move on their own (the worker sends and retries them): keep the counts fresh.
    refetchInterval: 30_000,
  });
}

export function useUnsubscribeHub() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>('DELETE', `/api/tmf-hubs/${encodeURIComponent(id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: integrationKeys.hubs() });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}
