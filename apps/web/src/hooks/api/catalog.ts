import type {
  TAgent,
  TAgentInput,
  TBillProfile,
  TBillProfileInput,
  TCarrier,
  TCarrierInput,
  TCatalogDocument,
  TCatalogDocumentInput,
  TLdRatePlan,
  TLdRatePlanInput,
  TLineType,
  TLineTypeInput,
  TPackage,
  TPackageInput,
  TProduct,
  TProductInput,
} from '@linedesk/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { auditKeys } from './audit';

/** Each catalog API path with what it answers (view) and what it takes (input). */
export type CatalogEntityMap = {
  'bill-profiles': { view: TBillProfile; input: TBillProfileInput };
  agents: { view: TAgent; input: TAgentInput };
  'line-types': { view: TLineType; input: TLineTypeInput };
  'ld-rate-plans': { view: TLdRatePlan; input: TLdRatePlanInput };
  carriers: { view: TCarrier; input: TCarrierInput };
  products: { view: TProduct; input: TProductInput };
  packages: { view: TPackage; input: TPackageInput };
};
export type CatalogEntity = keyof CatalogEntityMap;
export type CatalogView<E extends CatalogEntity> = CatalogEntityMap[E]['view'];
export type CatalogInput<E extends CatalogEntity> = CatalogEntityMap[E]['input'];

export type CatalogStatusFilter = 'active' | 'inactive' | 'all';
/** `carrierCode` only narrows products and packages; empty means every carrier. */
export type CatalogListFilters = { search: string; status: CatalogStatusFilter; carrierCode: string };

export const ALL_RECORDS: CatalogListFilters = { search: '', status: 'all', carrierCode: '' };

export type ImportSummary = { created: number; updated: number; unchanged: number };

export const catalogKeys = {
  all: ['catalog'] as const,
  entity: (entity: CatalogEntity) => [...catalogKeys.all, entity] as const,
  lists: (entity: CatalogEntity) => [...catalogKeys.entity(entity), 'list'] as const,
  list: (entity: CatalogEntity, filters: CatalogListFilters) => [...catalogKeys.lists(entity), filters] as const,
  detail: (entity: CatalogEntity, id: string) => [...catalogKeys.entity(entity), 'detail', id] as const,
};

const pathOf = (entity: CatalogEntity) => `/api/catalog/${entity}`;

export function useCatalogList<E extends CatalogEntity>(entity: E, filters: CatalogListFilters) {
  return useQuery({
    queryKey: catalogKeys.list(entity, filters),
    queryFn: ({ signal }) =>
      api.get<CatalogView<E>[]>(
        pathOf(entity),
        { search: filters.search.trim(), status: filters.status, carrierCode: filters.carrierCode },
        signal,
      ),
    // Keeps the table on screen while a new filter loads instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}

/**
 * Every record of a kind, active or not, for the selects of other forms: a form must still be
 * able to show the inactive record it already points at.
 */
export function useCatalogOptions<E extends CatalogEntity>(entity: E, carrierCode = '', enabled = true) {
  return useQuery({
    queryKey: catalogKeys.list(entity, { ...ALL_RECORDS, carrierCode }),
    queryFn: ({ signal }) => api.get<CatalogView<E>[]>(pathOf(entity), { status: 'all', carrierCode }, signal),
    enabled,
  });
}

export function useCatalogRecord<E extends CatalogEntity>(entity: E, id: string | null) {
  return useQuery({
    queryKey: catalogKeys.detail(entity, id ?? ''),
    queryFn: ({ signal }) => api.get<CatalogView<E>>(`${pathOf(entity)}/${id}`, undefined, signal),
    enabled: id !== null,
    // An editor must start from what is stored now, not from a list loaded minutes ago.
    staleTime: 0,
  });
}

/** Creates (no id) or replaces (id) a record; nothing is ever deleted, deactivating is a save too. */
export function useSaveCatalogRecord<E extends CatalogEntity>(entity: E) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: CatalogInput<E> }) =>
      id === null ? api.post<CatalogView<E>>(pathOf(entity), input) : api.put<CatalogView<E>>(`${pathOf(entity)}/${id}`, input),
    onSuccess: () => {
      // Records point at each other by code (packages at carriers and products…): refresh them all.
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

/** The whole catalog as one document; fetched on demand, never cached. */
export function useExportCatalog() {
  return useMutation({ mutationFn: () => api.get<TCatalogDocument>('/api/catalog/export') });
}

export function useImportCatalog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (document: TCatalogDocumentInput) => api.post<ImportSummary>('/api/catalog/import', document),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}
