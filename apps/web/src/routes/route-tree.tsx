import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { RequireRole } from '../components/common/require-role';
import { AppLayout } from '../components/layout/app-layout';
import { sessionQueryOptions } from '../hooks/api/auth';
import { ADMIN_ONLY } from '../lib/access';
import { safeRedirectTarget } from '../lib/safe-redirect';
import { AccountPage } from './account/account-page';
import { AuditPage } from './audit/audit-page';
import { SignInPage } from './auth/sign-in-page';
import { AgentsPage } from './catalog/agents/agents-page';
import { BillProfilesPage } from './catalog/bill-profiles/bill-profiles-page';
import { CarrierEditorPage } from './catalog/carriers/carrier-editor-page';
import { CarriersPage } from './catalog/carriers/carriers-page';
import { ImportExportPage } from './catalog/import-export/import-export-page';
import { LdRatePlansPage } from './catalog/ld-rate-plans/ld-rate-plans-page';
import { LineTypesPage } from './catalog/line-types/line-types-page';
import { PackageEditorPage } from './catalog/packages/package-editor-page';
import { PackagesPage } from './catalog/packages/packages-page';
import { ProductsPage } from './catalog/products/products-page';
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

/** Every catalog screen is for admins; the guard sits once on the parent. */
const catalogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'catalog',
  component: () => (
    <RequireRole roles={ADMIN_ONLY}>
      <Outlet />
    </RequireRole>
  ),
});

// "Catalog" itself is a menu group, not a page: its address opens the first screen.
const catalogIndexRoute = createRoute({
  getParentRoute: () => catalogRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/catalog/carriers', replace: true });
  },
});

const catalogPage = <TPath extends string>(path: TPath, component: () => ReactNode) =>
  createRoute({ getParentRoute: () => catalogRoute, path, component });

const carriersRoute = catalogPage('carriers', CarriersPage);
const carrierNewRoute = catalogPage('carriers/new', () => <CarrierEditorPage id={null} />);
const carrierEditRoute = createRoute({ getParentRoute: () => catalogRoute, path: 'carriers/$carrierId', component: CarrierEditRoute });
const packagesRoute = catalogPage('packages', PackagesPage);
const packageNewRoute = createRoute({
  getParentRoute: () => catalogRoute,
  path: 'packages/new',
  validateSearch: (search: Record<string, unknown>): { carrierCode?: string } =>
    typeof search.carrierCode === 'string' ? { carrierCode: search.carrierCode } : {},
  component: PackageNewRoute,
});
const packageEditRoute = createRoute({ getParentRoute: () => catalogRoute, path: 'packages/$packageId', component: PackageEditRoute });
const productsRoute = catalogPage('products', ProductsPage);
const lineTypesRoute = catalogPage('line-types', LineTypesPage);
const ldRatePlansRoute = catalogPage('ld-rate-plans', LdRatePlansPage);
const billProfilesRoute = catalogPage('bill-profiles', BillProfilesPage);
const agentsRoute = catalogPage('agents', AgentsPage);
const importExportRoute = catalogPage('import-export', ImportExportPage);

// Keyed by id: moving from one record to another starts a fresh form.
function CarrierEditRoute() {
  const { carrierId } = carrierEditRoute.useParams();
  return <CarrierEditorPage key={carrierId} id={carrierId} />;
}

function PackageNewRoute() {
  const { carrierCode } = packageNewRoute.useSearch();
  return <PackageEditorPage id={null} carrierCode={carrierCode} />;
}

function PackageEditRoute() {
  const { packageId } = packageEditRoute.useParams();
  return <PackageEditorPage key={packageId} id={packageId} />;
}

const accountRoute = createRoute({ getParentRoute: () => appRoute, path: 'account', component: AccountPage });

// Catches unknown paths inside the signed-in shell, so a mistyped address keeps the menu.
const notFoundRoute = createRoute({ getParentRoute: () => appRoute, path: '$', component: NotFoundPage });

export const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    homeRoute,
    catalogRoute.addChildren([
      catalogIndexRoute,
      carriersRoute,
      carrierNewRoute,
      carrierEditRoute,
      packagesRoute,
      packageNewRoute,
      packageEditRoute,
      productsRoute,
      lineTypesRoute,
      ldRatePlansRoute,
      billProfilesRoute,
      agentsRoute,
      importExportRoute,
    ]),
    usersRoute,
    auditRoute,
    accountRoute,
    notFoundRoute,
  ]),
]);
