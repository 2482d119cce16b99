import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { RequireRole } from '../components/common/require-role';
import { AppLayout } from '../components/layout/app-layout';
import { sessionQueryOptions } from '../hooks/api/auth';
import { ADMIN_ONLY } from '../lib/access';
import { safeRedirectTarget } from '../lib/safe-redirect';
import { AccountPage } from './account/account-page';
import { AuditPage } from './audit/audit-page';
import { SignInPage } from './auth/sign-in-page';
import { NotFoundPage } from './errors/not-found-page';
import { RouteError } from './errors/route-error';
import { HomePage } from './home/home-page';
import { UsersPage } from './users/users-page';

export type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  errorComponent: RouteError,
  notFoundComponent: NotFoundPage,
});

type SignInSearch = { redirect?: string };

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions());
    if (session) throw redirect({ href: safeRedirectTarget(search.redirect), replace: true });
  },
  component: SignInPage,
});

/** Every page below needs a session; without one the visitor is sent to sign in and brought back after. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions());
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href }, replace: true });
  },
  component: AppLayout,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'users',
  component: () => (
    <RequireRole roles={ADMIN_ONLY}>
      <UsersPage />
    </RequireRole>
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'audit',
  component: () => (
    <RequireRole roles={ADMIN_ONLY}>
      <AuditPage />
    </RequireRole>
  ),
});

const accountRoute = createRoute({ getParentRoute: () => appRoute, path: 'account', component: AccountPage });

// Catches unknown paths inside the signed-in shell, so a mistyped address keeps the menu.
const notFoundRoute = createRoute({ getParentRoute: () => appRoute, path: '$', component: NotFoundPage });

export const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([homeRoute, usersRoute, auditRoute, accountRoute, notFoundRoute]),
]);
