import type {
  TCardInput,
  TCreateOrderInput,
  TCreateOrderResult,
  TCustomerProfileInput,
  TCustomerSearchResult,
  TDraftSummary,
  TDuplicateCandidate,
  TDuplicateProbeInput,
  TFinalStepInput,
  TNamesAndAddressesInput,
  TPackageOffer,
  TProfileFieldSettings,
  TWizardCarrier,
  TWizardDraft,
  TWizardLineInput,
  TWizardLineType,
  TWizardPackage,
  TWizardProfileChoices,
  TWizardStartInput,
  WizardOrderType,
} from '@linedesk/domain';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, apiRequest, isApiError } from '../../lib/api-client';
import { auditKeys } from './audit';

/** A sales person the Customer Profile can name: any active user. */
export type TSalesPerson = { id: string; name: string; email: string };
/** What the ZIP reference answers: the city and state a 5-digit ZIP belongs to. */
export type TZipInfo = { zip: string; city: string; state: string };

export const wizardKeys = {
  all: ['wizard'] as const,
  drafts: () => [...wizardKeys.all, 'drafts'] as const,
  draft: (id: string) => [...wizardKeys.all, 'draft', id] as const,
  duplicates: (id: string) => [...wizardKeys.all, 'draft', id, 'duplicates'] as const,
  probe: (probe: TDuplicateProbeInput) => [...wizardKeys.all, 'probe', probe] as const,
  catalog: () => [...wizardKeys.all, 'catalog'] as const,
  carriers: () => [...wizardKeys.catalog(), 'carriers'] as const,
  lineTypes: (carrierCode: string, orderType: WizardOrderType) => [...wizardKeys.catalog(), 'line-types', carrierCode, orderType] as const,
  packages: (carrierCode: string, lineTypeCode: string, orderType: WizardOrderType) =>
    [...wizardKeys.catalog(), 'packages', carrierCode, lineTypeCode, orderType] as const,
  offer: (carrierCode: string, packageCode: string, orderType: WizardOrderType) => [...wizardKeys.catalog(), 'offer', carrierCode, packageCode, orderType] as const,
  profileChoices: () => [...wizardKeys.catalog(), 'profile-choices'] as const,
  profileFields: () => [...wizardKeys.all, 'profile-fields'] as const,
  salesPeople: () => [...wizardKeys.all, 'sales-people'] as const,
  zip: (zip: string) => [...wizardKeys.all, 'zip', zip] as const,
  parents: (q: string) => [...wizardKeys.all, 'parents', q] as const,
};

const draftPath = (id: string) => `/api/wizard/drafts/${id}`;

/* ---------- Drafts ---------- */

/** One draft as the server holds it now: every step's saved data, completion and charges. */
export function draftQueryOptions(id: string) {
  return queryOptions({
    queryKey: wizardKeys.draft(id),
    queryFn: ({ signal }) => api.get<TWizardDraft>(draftPath(id), undefined, signal),
    staleTime: 0,
  });
}

export function useDraft(id: string) {
  return useQuery(draftQueryOptions(id));
}

export function useDrafts() {
  return useQuery({
    queryKey: wizardKeys.drafts(),
    queryFn: ({ signal }) => api.get<TDraftSummary[]>('/api/wizard/drafts', undefined, signal),
    staleTime: 0,
  });
}

/** After any change the server answers with the whole draft: it replaces the cached one. */
function storeDraft(queryClient: QueryClient, draft: TWizardDraft) {
  queryClient.setQueryData(wizardKeys.draft(draft.id), draft);
  void queryClient.invalidateQueries({ queryKey: wizardKeys.drafts() });
  void queryClient.invalidateQueries({ queryKey: wizardKeys.duplicates(draft.id) });
  void queryClient.invalidateQueries({ queryKey: auditKeys.all });
}

export function useCreateDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TWizardDraft>('/api/wizard/drafts', {}),
    onSuccess: (draft) => storeDraft(queryClient, draft),
  });
}

export function useDiscardDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>('DELETE', draftPath(id)),
    onSuccess: (_nothing, id) => {
      queryClient.removeQueries({ queryKey: wizardKeys.draft(id) });
      void queryClient.invalidateQueries({ queryKey: wizardKeys.drafts() });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

/** A change to one draft: PUT or POST a step, answered with the whole draft. */
function useDraftChange<V>(draftId: string, send: (variables: V) => Promise<TWizardDraft>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (draft) => storeDraft(queryClient, draft),
    onError: (error) => {
      // Gone, expired or already submitted: what is cached is out of date.
      if (isApiError(error) && (error.status === 404 || error.code === 'INVALID_TRANSITION')) {
        void queryClient.invalidateQueries({ queryKey: wizardKeys.draft(draftId) });
      }
    },
  });
}

export function useSaveStart(draftId: string) {
  return useDraftChange(draftId, (input: TWizardStartInput) => api.put<TWizardDraft>(`${draftPath(draftId)}/start`, input));
}

export function useSaveProfile(draftId: string) {
  return useDraftChange(draftId, (input: TCustomerProfileInput) => api.put<TWizardDraft>(`${draftPath(draftId)}/profile`, input));
}

export function useSaveNames(draftId: string) {
  return useDraftChange(draftId, (input: TNamesAndAddressesInput) => api.put<TWizardDraft>(`${draftPath(draftId)}/names`, input));
}

/** Adds a line (no id) or replaces a saved one. */
export function useSaveLine(draftId: string) {
  return useDraftChange(draftId, ({ lineId, input }: { lineId: string | null; input: TWizardLineInput }) =>
    lineId === null
      ? api.post<TWizardDraft>(`${draftPath(draftId)}/lines`, input)
      : api.put<TWizardDraft>(`${draftPath(draftId)}/lines/${lineId}`, input),
  );
}

export function useDeleteLine(draftId: string) {
  return useDraftChange(draftId, (lineId: string) => apiRequest<TWizardDraft>('DELETE', `${draftPath(draftId)}/lines/${lineId}`));
}

export function useCopyLine(draftId: string) {
  return useDraftChange(draftId, (lineId: string) => api.post<TWizardDraft>(`${draftPath(draftId)}/lines/${lineId}/copy`, {}));
}

export function useSaveFinal(draftId: string) {
  return useDraftChange(draftId, (input: TFinalStepInput) => api.put<TWizardDraft>(`${draftPath(draftId)}/final`, input));
}

/** The card goes to the payment gateway through the server; a decline is a 422 on `body.number`. */
export function useSetCardPayment(draftId: string) {
  return useDraftChange(draftId, (card: TCardInput) => api.post<TWizardDraft>(`${draftPath(draftId)}/payment-card`, card));
}

export function useCreateOrder(draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateOrderInput) => api.post<TCreateOrderResult>(`${draftPath(draftId)}/create-order`, input),
    onSuccess: () => {
      // The draft is submitted now: its duplicate check is over (the server refuses it).
      queryClient.removeQueries({ queryKey: wizardKeys.duplicates(draftId) });
      void queryClient.invalidateQueries({ queryKey: wizardKeys.draft(draftId), exact: true });
      void queryClient.invalidateQueries({ queryKey: wizardKeys.drafts() });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

/* ---------- Duplicates ---------- */

/** Existing customers that look like the one on this draft (everything saved so far). */
export function useDraftDuplicates(draftId: string, enabled = true) {
  return useQuery({
    queryKey: wizardKeys.duplicates(draftId),
    queryFn: ({ signal }) => api.get<TDuplicateCandidate[]>(`${draftPath(draftId)}/duplicates`, undefined, signal),
    enabled,
    staleTime: 0,
  });
}

/** Existing customers that look like what is typed right now (a read, sent as POST for its body). */
export function useDuplicateProbe(probe: TDuplicateProbeInput | null) {
  return useQuery({
    queryKey: wizardKeys.probe(probe ?? {}),
    queryFn: ({ signal }) => apiRequest<TDuplicateCandidate[]>('POST', '/api/customers/duplicates', { body: probe, signal }),
    enabled: probe !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/* ---------- What the wizard reads from the catalog ---------- */

export function useWizardCarriers() {
  return useQuery({
    queryKey: wizardKeys.carriers(),
    queryFn: ({ signal }) => api.get<TWizardCarrier[]>('/api/catalog/wizard/carriers', undefined, signal),
  });
}

export function useWizardLineTypes(carrierCode: string | null, orderType: WizardOrderType | null) {
  return useQuery({
    queryKey: wizardKeys.lineTypes(carrierCode ?? '', orderType ?? 'NEW'),
    queryFn: ({ signal }) => api.get<TWizardLineType[]>('/api/catalog/wizard/line-types', { carrierCode, orderType }, signal),
    enabled: carrierCode !== null && orderType !== null,
  });
}

export function packagesQueryOptions(carrierCode: string, lineTypeCode: string, orderType: WizardOrderType) {
  return queryOptions({
    queryKey: wizardKeys.packages(carrierCode, lineTypeCode, orderType),
    queryFn: ({ signal }) => api.get<TWizardPackage[]>('/api/catalog/wizard/packages', { carrierCode, lineTypeCode, orderType }, signal),
  });
}

export function useWizardPackages(carrierCode: string | null, lineTypeCode: string | null, orderType: WizardOrderType | null) {
  return useQuery({
    ...packagesQueryOptions(carrierCode ?? '', lineTypeCode ?? '', orderType ?? 'NEW'),
    enabled: carrierCode !== null && lineTypeCode !== null && orderType !== null,
  });
}

export function offerQueryOptions(carrierCode: string, packageCode: string, orderType: WizardOrderType) {
  return queryOptions({
    queryKey: wizardKeys.offer(carrierCode, packageCode, orderType),
    queryFn: ({ signal }) => api.get<TPackageOffer>('/api/catalog/wizard/offer', { carrierCode, packageCode, orderType }, signal),
  });
}

export function usePackageOffer(carrierCode: string | null, packageCode: string | null, orderType: WizardOrderType | null) {
  return useQuery({
    ...offerQueryOptions(carrierCode ?? '', packageCode ?? '', orderType ?? 'NEW'),
    enabled: carrierCode !== null && packageCode !== null && orderType !== null,
  });
}

export function useProfileChoices() {
  return useQuery({
    queryKey: wizardKeys.profileChoices(),
    queryFn: ({ signal }) => api.get<TWizardProfileChoices>('/api/catalog/wizard/profile-choices', undefined, signal),
  });
}

export function useProfileFieldSettings() {
  return useQuery({
    queryKey: wizardKeys.profileFields(),
    queryFn: ({ signal }) => api.get<TProfileFieldSettings>('/api/wizard/profile-fields', undefined, signal),
  });
}

export function useSalesPeople() {
  return useQuery({
    queryKey: wizardKeys.salesPeople(),
    queryFn: ({ signal }) => api.get<TSalesPerson[]>('/api/users/sales-people', undefined, signal),
  });
}

/** The city and state of a 5-digit ZIP; null when the reference does not know it (404). */
export function zipQueryOptions(zip: string) {
  return queryOptions({
    queryKey: wizardKeys.zip(zip),
    queryFn: async ({ signal }): Promise<TZipInfo | null> => {
      try {
        return await api.get<TZipInfo>(`/api/reference/zip/${zip}`, undefined, signal);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

export function useZipLookup(zip: string) {
  return useQuery({ ...zipQueryOptions(zip), enabled: /^\d{5}$/.test(zip) });
}

/** Parent accounts matching what is typed, for a Child account's parent. */
export function useParentAccountSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: wizardKeys.parents(query),
    queryFn: ({ signal }) => api.get<TCustomerSearchResult[]>('/api/customers', { q: query, accountType: 'PARENT', limit: 10 }, signal),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
  });
}
