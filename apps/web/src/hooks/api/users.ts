import type { Role, TCreateUserInput, TUpdateUserInput, TUser } from '@linedesk/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { StatusFilter } from '../../lib/status-filter';
import { auditKeys } from './audit';
import { authKeys } from './auth';

export type UserListFilters = { search: string; role: Role | ''; status: StatusFilter };

/** No filter at all: every user, active or not. The list starts here, and "Clear filters" returns here. */
export const ALL_USERS: UserListFilters = { search: '', role: '', status: 'all' };

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filters: UserListFilters) => [...userKeys.lists(), filters] as const,
};

export function useUsers(filters: UserListFilters) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<TUser[]>('/api/users', { search: filters.search.trim(), role: filters.role, status: filters.status }, signal),
    // Keeps the table on screen while a new filter loads instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateUserInput) => api.post<TUser>('/api/users', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: TUpdateUserInput }) => api.patch<TUser>(`/api/users/${id}`, changes),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      // An admin may have renamed themselves; the header shows the session's name.
      void queryClient.invalidateQueries({ queryKey: authKeys.session() });
    },
  });
}
