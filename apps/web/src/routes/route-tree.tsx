import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { RequireRole } from '../components/common/require-role';
import { AppLayout } from '../components/layout/app-layout';
import { sessionQueryOptions } from '../hooks/api/auth';
import { ADMIN_ONLY, STOCK_ROLES } from '../lib/access';
import { safeRedirectTarget } from '../lib/safe-redirect';
import { AccountPage } from './account/account-page';
import { ApiKeysPage } from './api-keys/api-keys-page';
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
import { CustomerAccountPage } from './customers/account/customer-account-page';
import { CustomerSearchPage } from './customers/search/customer-search-page';
import { DraftsPage } from './customers/wizard/drafts-page';
import { NewCustomerPage } from './customers/wizard/new-customer-page';
import { WizardResumePage, WizardStepPage } from './customers/wizard/wizard-page';
import { NotFoundPage } from './errors/not-found-page';
import { FalloutPage } from './orders/fallout/fallout-page';
import { parseFalloutSearch, toFalloutFilters, toFalloutSearch, type FalloutSearch } from './orders/fallout/fallout-search';
import { OrderPage } from './orders/order/order-page';
import { OrdersQueuePage } from './orders/queue/orders-queue-page';
import { parseOrderQueueSearch, toOrderQueueFilters, toOrderQueueSearch, type OrderQueueSearch } from './orders/queue/order-queue-search';
import { RouteError } from './errors/route-error';
import { HomePage } from './home/home-page';
import { ImportPage } from './inventory/import/import-page';
import { StockItemPage } from './inventory/item/stock-item-page';
import { StockItemsPage } from './inventory/items/stock-items-page';
import { parseStockSearch, toStockFilters, toStockSearch, type StockSearch } from './inventory/items/stock-search';
import { ReceivePage } from './inventory/receive/receive-page';
import { TacsPage } from './inventory/tacs/tacs-page';
import { CustomerProfileSettingsPage } from './settings/customer-profile-settings-page';
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

// Administration > Integrations: API keys, event subscriptions and the API customer defaults.
const apiKeysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'integrations',
  component: () => (
    <RequireRole roles={ADMIN_ONLY}>
      <ApiKeysPage />
    </RequireRole>
  ),
});

// The page's address before it held more than the keys.
const oldApiKeysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'api-keys',
  beforeLoad: () => {
    throw redirect({ to: '/integrations', replace: true });
  },
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

/** Customers > Search: every role may search and view accounts. The query lives in the address (`?q=`). */
const customerSearchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'customers',
  validateSearch: (search: Record<string, unknown>): { q?: string } => {
    // The router reads `?q=3125550101` as a number: a search is always text.
    const q = typeof search.q === 'string' || typeof search.q === 'number' ? String(search.q) : '';
    return q ? { q } : {};
  },
  component: CustomerSearchRoute,
});

/** One account. `?created=ORD-…` is set by the wizard's Create Order, for the confirmation. */
const customerAccountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'customers/$customerId',
  validateSearch: (search: Record<string, unknown>): { created?: string } =>
    typeof search.created === 'string' && /^ORD-[A-Z0-9-]{1,40}$/i.test(search.created) ? { created: search.created } : {},
  component: CustomerAccountRoute,
});

function CustomerSearchRoute() {
  const { q = '' } = customerSearchRoute.useSearch();
  const navigate = customerSearchRoute.useNavigate();
  // Each pause in typing replaces the address instead of adding to history: Back leaves the search.
  return <CustomerSearchPage q={q} onQueryChange={(next) => void navigate({ search: next ? { q: next } : {}, replace: true })} />;
}

// Keyed by id: moving from one account to another (a parent link) starts fresh.
function CustomerAccountRoute() {
  const { customerId } = customerAccountRoute.useParams();
  const { created } = customerAccountRoute.useSearch();
  const navigate = customerAccountRoute.useNavigate();
  return (
    <CustomerAccountPage
      key={customerId}
      customerId={customerId}
      createdOrder={created ?? null}
      onDismissCreated={() => void navigate({ search: {}, replace: true })}
    />
  );
}

/** Orders: the queue every role may see; its filters live in the address (`?status=READY&carrier=NWM&age=1D&q=…&page=2`). */
const ordersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'orders',
  validateSearch: (search: Record<string, unknown>): OrderQueueSearch => parseOrderQueueSearch(search),
  component: OrdersRoute,
});

/** One order: Account > Services and Workflow > Orders > Options > View Details, or a row of the queue. */
const orderRoute = createRoute({ getParentRoute: () => appRoute, path: 'orders/$orderId', component: OrderRoute });

/** Orders > Fallout, every role: orders in Error or stuck at the carrier (`?carrier=NWM&stuck=45&page=2`). */
const falloutRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'orders/fallout',
  validateSearch: (search: Record<string, unknown>): FalloutSearch => parseFalloutSearch(search),
  component: FalloutRoute,
});

function FalloutRoute() {
  const search = falloutRoute.useSearch();
  const navigate = falloutRoute.useNavigate();
  return (
    <FalloutPage
      filters={toFalloutFilters(search)}
      onFiltersChange={(next, options) => void navigate({ search: toFalloutSearch(next), replace: options?.replace ?? false })}
    />
  );
}

function OrdersRoute() {
  const search = ordersRoute.useSearch();
  const navigate = ordersRoute.useNavigate();
  return (
    <OrdersQueuePage
      filters={toOrderQueueFilters(search)}
      onFiltersChange={(next, options) => void navigate({ search: toOrderQueueSearch(next), replace: options?.replace ?? false })}
    />
  );
}

// Keyed by id: moving from one order to another starts fresh (the scan results belong to one order).
function OrderRoute() {
  const { orderId } = orderRoute.useParams();
  return <OrderPage key={orderId} orderId={orderId} />;
}

/** Inventory > Items: every role searches and views stock; its filters live in the address (`/inventory/items?q=…&status=AVAILABLE&page=2`). */
const inventoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'inventory/items',
  validateSearch: (search: Record<string, unknown>): StockSearch => parseStockSearch(search),
  component: InventoryRoute,
});
// "Inventory" itself is a menu group: its address opens Items.
const inventoryIndexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'inventory',
  beforeLoad: () => {
    throw redirect({ to: '/inventory/items', replace: true });
  },
});
const stockItemRoute = createRoute({ getParentRoute: () => appRoute, path: 'inventory/items/$itemId', component: StockItemRoute });
const stockKeeperPage = <TPath extends string>(path: TPath, component: () => ReactNode) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component: () => <RequireRole roles={STOCK_ROLES}>{component()}</RequireRole>,
  });
const receiveRoute = stockKeeperPage('inventory/receive', () => <ReceivePage />);
const stockImportRoute = stockKeeperPage('inventory/import', () => <ImportPage />);
const tacsRoute = stockKeeperPage('inventory/tacs', () => <TacsPage />);

function InventoryRoute() {
  const search = inventoryRoute.useSearch();
  const navigate = inventoryRoute.useNavigate();
  return (
    <StockItemsPage
      filters={toStockFilters(search)}
      onFiltersChange={(next, options) => void navigate({ search: toStockSearch(next), replace: options?.replace ?? false })}
    />
  );
}

// Keyed by id: moving from one item to another starts fresh.
function StockItemRoute() {
  const { itemId } = stockItemRoute.useParams();
  return <StockItemPage key={itemId} itemId={itemId} />;
}

/** Installation settings are for admins; "Settings" itself opens its first page. */
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings',
  component: () => (
    <RequireRole roles={ADMIN_ONLY}>
      <Outlet />
    </RequireRole>
  ),
});
const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/settings/customer-profile', replace: true });
  },
});
const customerProfileSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'customer-profile',
  component: CustomerProfileSettingsPage,
});

/** Customers > Create New: the New Customer Wizard. The address names the draft and its step, so any reload resumes it. */
const customerNewRoute = createRoute({ getParentRoute: () => appRoute, path: 'customers/new', component: NewCustomerPage });
const wizardResumeRoute = createRoute({ getParentRoute: () => appRoute, path: 'customers/new/$draftId', component: WizardResumePage });
const wizardStepRoute = createRoute({ getParentRoute: () => appRoute, path: 'customers/new/$draftId/$step', component: WizardStepPage });
const customerDraftsRoute = createRoute({ getParentRoute: () => appRoute, path: 'customers/drafts', component: DraftsPage });

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
    customerSearchRoute,
    customerAccountRoute,
    customerNewRoute,
    wizardResumeRoute,
    wizardStepRoute,
    customerDraftsRoute,
    ordersRoute,
    falloutRoute,
    orderRoute,
    inventoryIndexRoute,
    inventoryRoute,
    stockItemRoute,
    receiveRoute,
    stockImportRoute,
    tacsRoute,
    settingsRoute.addChildren([settingsIndexRoute, customerProfileSettingsRoute]),
    usersRoute,
    apiKeysRoute,
    oldApiKeysRoute,
    auditRoute,
    accountRoute,
    notFoundRoute,
  ]),
]);
