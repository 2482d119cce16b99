import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

/** What a query or mutation may say in its `meta` about how the app treats its failures. */
export type AppMeta = {
  /** A 401 from this call is handled by its caller (signing out), not as "your session has ended". */
  skipSessionExpired?: boolean;
};

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: AppMeta;
    mutationMeta: AppMeta;
  }
}

export const SKIP_SESSION_EXPIRED: AppMeta = { skipSessionExpired: true };

/**
 * One client for the whole app. Any call that comes back UNAUTHENTICATED means the session ended
 * (expired, revoked by an admin, signed out elsewhere), so the app hands over to `onSessionExpired`;
 * unless the call's `meta` says its caller deals with that itself.
 */
export function createAppQueryClient(onSessionExpired: () => void): QueryClient {
  const handleError = (error: unknown, meta: AppMeta | undefined) => {
    if (meta?.skipSessionExpired) return;
    if (isApiError(error) && error.isUnauthenticated) onSessionExpired();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handleError(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _variables, _context, mutation) => handleError(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; network blips and 5xx might.
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
