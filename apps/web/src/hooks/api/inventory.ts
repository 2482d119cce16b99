import type {
  IdentifierKind,
  InventoryKind,
  InventoryStatus,
  TReceiveStockItem,
  TStockChoices,
  TStockImportReport,
  TStockItem,
  TStockItemDetail,
  TStockPage,
  TStockStatusChange,
  TTac,
  TTacInput,
  TUpdateStockItem,
} from '@linedesk/domain';
import { STOCK_SEARCH_MIN_LENGTH } from '@linedesk/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../lib/api-client';

/** Inventory > Items' filters as the address keeps them; empty means "any". */
export type StockFilters = {
  q: string;
  kind: InventoryKind | '';
  status: InventoryStatus | '';
  carrierCode: string;
  location: string;
  model: string;
  page: number;
};

export const NO_STOCK_FILTERS: StockFilters = { q: '', kind: '', status: '', carrierCode: '', location: '', model: '', page: 1 };

/** Rows per page of the Items list. */
export const STOCK_PAGE_SIZE = 50;

export const inventoryKeys = {
  all: ['inventory'] as const,
  lists: () => [...inventoryKeys.all, 'items'] as const,
  list: (filters: StockFilters) => [...inventoryKeys.lists(), filters] as const,
  details: () => [...inventoryKeys.all, 'item'] as const,
  detail: (id: string) => [...inventoryKeys.details(), id] as const,
  choices: () => [...inventoryKeys.all, 'choices'] as const,
  tacs: () => [...inventoryKeys.all, 'tacs'] as const,
};

const itemPath = (id: string) => `/api/inventory/items/${encodeURIComponent(id)}`;

/** True when `q` is long enough for the server to search by (a fragment of 3 or more characters, separators aside). */
export function isSearchableStockQuery(q: string): boolean {
  return q.replace(/[\s\-./]/g, '').length >= STOCK_SEARCH_MIN_LENGTH;
}

/** Inventory > Items: newest first, searched by identifier and filtered. */
export function useStockItems(filters: StockFilters) {
  const q = filters.q.trim();
  return useQuery({
    queryKey: inventoryKeys.list({ ...filters, q }),
    queryFn: ({ signal }) =>
      api.get<TStockPage>(
        '/api/inventory/items',
        {
          q: isSearchableStockQuery(q) ? q : undefined,
          kind: filters.kind,
          status: filters.status,
          carrierCode: filters.carrierCode,
          location: filters.location,
          model: filters.model.trim(),
          limit: STOCK_PAGE_SIZE,
          offset: (filters.page - 1) * STOCK_PAGE_SIZE,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One item with its identifiers, the status changes open to it and its history. */
export function useStockItem(id: string) {
  return useQuery({
    queryKey: inventoryKeys.detail(id),
    queryFn: ({ signal }) => api.get<TStockItemDetail>(itemPath(id), undefined, signal),
  });
}

/** Carriers, agents and locations to choose from on the Inventory screens. */
export function useStockChoices() {
  return useQuery({
    queryKey: inventoryKeys.choices(),
    queryFn: ({ signal }) => api.get<TStockChoices>('/api/inventory/choices', undefined, signal),
    staleTime: 60_000,
  });
}

/** Stock changed: every list, and the item itself when one is named, is read again. */
function useStockChanged() {
  const queryClient = useQueryClient();
  return (item?: TStockItem) => {
    void queryClient.invalidateQueries({ queryKey: inventoryKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: inventoryKeys.choices() });
    if (item) void queryClient.invalidateQueries({ queryKey: inventoryKeys.detail(item.id) });
  };
}

export function useReceiveStockItem() {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: (input: TReceiveStockItem) => api.post<TStockItem>('/api/inventory/items', input),
    onSuccess: (item) => changed(item),
  });
}

export function useUpdateStockItem(id: string) {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: (input: TUpdateStockItem) => api.patch<TStockItem>(itemPath(id), input),
    onSuccess: (item) => changed(item),
  });
}

export function useChangeStockStatus(id: string) {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: (change: TStockStatusChange) => api.post<TStockItem>(`${itemPath(id)}/status`, change),
    onSuccess: (item) => changed(item),
  });
}

/** Inventory > Import CSV: the file's text goes as it is; the server reads and checks every row. */
export function useImportStock() {
  const changed = useStockChanged();
  return useMutation({
    mutationFn: (file: { fileName: string; csv: string }) => api.post<TStockImportReport>('/api/inventory/imports', file),
    onSuccess: () => changed(),
  });
}

export function useTacs() {
  return useQuery({
    queryKey: inventoryKeys.tacs(),
    queryFn: ({ signal }) => api.get<TTac[]>('/api/inventory/tacs', undefined, signal),
  });
}

/** A make or model from the TAC table can change what any device shows: lists and items are read again. */
function useTacsChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: inventoryKeys.tacs() });
    void queryClient.invalidateQueries({ queryKey: inventoryKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: inventoryKeys.details() });
  };
}

/** Creates an entry (`existing` null) or replaces an existing entry's make and model. */
export function useSaveTac() {
  const changed = useTacsChanged();
  return useMutation({
    mutationFn: ({ existing, input }: { existing: string | null; input: TTacInput }) =>
      existing === null ? api.post<TTac>('/api/inventory/tacs', input) : api.put<TTac>(`/api/inventory/tacs/${encodeURIComponent(existing)}`, input),
    onSuccess: () => changed(),
  });
}

export function useDeleteTac() {
  const changed = useTacsChanged();
  return useMutation({
    mutationFn: (tac: string) => apiRequest<void>('DELETE', `/api/inventory/tacs/${encodeURIComponent(tac)}`),
    onSuccess: () => changed(),
  });
}

/** What `/api/inventory/lookup` says of a scanned value. */
export type TIdentifierLookup = {
  kind: IdentifierKind;
  value: string;
  display: string;
  notes: string[];
  stock: { status: InventoryStatus; carrierCode: string; make: string | null; model: string | null } | null;
  device: { make: string | null; model: string | null; source: 'ITEM' | 'TAC' | null } | null;
};

/** Classifies one scanned value and finds it in stock and in the TAC table (Receive's make and model prefill). */
export function lookUpIdentifier(value: string, expect: readonly IdentifierKind[] = []): Promise<TIdentifierLookup> {
  return api.get<TIdentifierLookup>('/api/inventory/lookup', { value, expect: expect.join(',') });
}
