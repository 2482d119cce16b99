import type { TChangePasswordInput, TSessionInfo, TSignInInput } from '@linedesk/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api-client';
import { SKIP_SESSION_EXPIRED } from '../../lib/query-client';
import { auditKeys } from './audit';

export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
};

/**
 * The signed-in session, or null when nobody is signed in. A 401 here is an answer, not an error.
 * It is never refetched in the background: an expired session shows up as a 401 on the next call,
 * which the query client turns into a trip to the sign-in page.
 */
export function sessionQueryOptions() {
  return queryOptions({
    queryKey: authKeys.session(),
    queryFn: async ({ signal }): Promise<TSessionInfo | null> => {
      try {
        return await api.get<TSessionInfo>('/api/auth/session', undefined, signal);
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TSignInInput) => api.post<TSessionInfo>('/api/auth/sign-in', input),
    onSuccess: (session) => {
      // Nothing cached for a previous user may leak into this one's screens.
      queryClient.clear();
      queryClient.setQueryData(authKeys.session(), session);
    },
  });
}

/**
 * Signing out of a session that already ended answers 401: that is signed out, not a "session
 * ended" surprise, so the global handler stays out of it and the caller lands on sign-in itself.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/sign-out'),
    meta: SKIP_SESSION_EXPIRED,
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TChangePasswordInput) => api.post<void>('/api/auth/password', input),
    // The change is in the audit trail (the home page's recent activity, the audit log).
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}
