import type { TAuditPage } from '@linedesk/domain';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export type AuditFilters = { entityType: string; action: string };

const PAGE_SIZE = 50;

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filters: AuditFilters) => [...auditKeys.lists(), filters] as const,
  mine: (limit: number) => [...auditKeys.all, 'mine', limit] as const,
};

/** The whole trail, newest first, one page at a time (keyset paging on `nextBefore`). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<TAuditPage>(
        '/api/audit',
        { entityType: filters.entityType.trim(), action: filters.action.trim(), before: pageParam, limit: PAGE_SIZE },
        signal,
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The signed-in user's own recent actions, for the home page. */
export function useMyActivity(limit = 10) {
  return useQuery({
    queryKey: auditKeys.mine(limit),
    queryFn: ({ signal }) => api.get<TAuditPage>('/api/audit/mine', { limit }, signal),
  });
}
