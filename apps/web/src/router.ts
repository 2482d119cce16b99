import { notifications } from '@mantine/notifications';
import { createRouter, parseSearchWith, stringifySearchWith } from '@tanstack/react-router';
import { authKeys } from './hooks/api/auth';
import { createAppQueryClient } from './lib/query-client';
import { parseSearchValue } from './lib/search-params';
import { LoadingState } from './components/common/status-state';
import { routeTree } from './routes/route-tree';

export const queryClient = createAppQueryClient(handleSessionExpired);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // Route guards read the query cache, so the router's own cache would only go stale.
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: LoadingState,
  scrollRestoration: true,
  // A long number typed or linked in the address (`?q=8901…`) is read as the text it is, every digit kept.
  parseSearch: parseSearchWith(parseSearchValue),
  stringifySearch: stringifySearchWith(JSON.stringify, parseSearchValue),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

// Several queries usually fail together when a session ends; only the first one acts.
let handlingExpiry = false;

/** A call came back UNAUTHENTICATED: forget the session and ask the user to sign in again, then return here. */
function handleSessionExpired() {
  const location = router.state.location;
  if (handlingExpiry || location.pathname === '/sign-in') return;
  handlingExpiry = true;
  queryClient.setQueryData(authKeys.session(), null);
  notifications.show({
    id: 'session-expired',
    color: 'yellow',
    title: 'Your session has ended',
    message: 'Sign in again to continue where you left off.',
  });
  void router
    .navigate({ to: '/sign-in', search: { redirect: location.href }, replace: true })
    .then(() => queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] }))
    .finally(() => {
      handlingExpiry = false;
    });
}
