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
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api-client';
import type { StatusFilter } from '../../lib/status-filter';
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

/** `carrierCode` only narrows products and packages; empty means every carrier. */
export type CatalogListFilters = { search: string; status: StatusFilter; carrierCode: string };

/** No filter at all: every record of a kind, active or not. A list starts here, and "Clear filters" returns here. */
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

/** One record as stored now. An editor must start from it, not from a list loaded minutes ago. */
export function catalogRecordQuery<E extends CatalogEntity>(entity: E, id: string) {
  return queryOptions({
    queryKey: catalogKeys.detail(entity, id),
    queryFn: ({ signal }) => api.get<CatalogView<E>>(`${pathOf(entity)}/${id}`, undefined, signal),
    staleTime: 0,
  });
}

export function useCatalogRecord<E extends CatalogEntity>(entity: E, id: string | null) {
  return useQuery({ ...catalogRecordQuery(entity, id ?? ''), enabled: id !== null });
}

/** Asks the server for the record as stored now (never the cache): what a drawer, a toggle or a reload starts from. */
export function fetchFreshRecord<E extends CatalogEntity>(queryClient: QueryClient, entity: E, id: string): Promise<CatalogView<E>> {
  return queryClient.fetchQuery({ ...catalogRecordQuery(entity, id), staleTime: 0 });
}

/** What a person is told when their save lost the race: the record is reloaded for them to check. */
export const CONFLICT_MESSAGE = 'Changed by someone else since you opened it — reloaded; check and save again';

/** True when a save was refused because the record changed since the copy it was made from. */
export function isConflict(error: unknown): boolean {
  return isApiError(error) && error.isConflict;
}

/**
 * Creates (no id) or replaces (id) a record; nothing is ever deleted, deactivating is a save too.
 * A replace names the `updatedAt` of the copy it was made from (`If-Match`), so the server refuses
 * it (409 CONFLICT) instead of silently overwriting someone else's save.
 */
export function useSaveCatalogRecord<E extends CatalogEntity>(entity: E) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: { id: null; input: CatalogInput<E> } | { id: string; updatedAt: string; input: CatalogInput<E> }) =>
      save.id === null
        ? api.post<CatalogView<E>>(pathOf(entity), save.input)
        : api.put<CatalogView<E>>(`${pathOf(entity)}/${save.id}`, save.input, { 'if-match': save.updatedAt }),
    onSuccess: () => {
      // Records point at each other by code (packages at carriers and products…): refresh them all.
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
    onError: (error) => {
      // What is on screen is out of date: lists and records are fetched again.
      if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
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
