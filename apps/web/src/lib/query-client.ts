import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

/**
 * One client for the whole app. Any call that comes back UNAUTHENTICATED means the session ended
 * (expired, revoked by an admin, signed out elsewhere), so the app hands over to `onSessionExpired`.
 */
export function createAppQueryClient(onSessionExpired: () => void): QueryClient {
  const handleError = (error: unknown) => {
    if (isApiError(error) && error.isUnauthenticated) onSessionExpired();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
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
