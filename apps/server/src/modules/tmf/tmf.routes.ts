import { ADMIN_ONLY, SELLERS } from '../../http/access.js';
import type { App, AppContext } from '../../http/app-context.js';
import { registerCustomerRoutes } from './customer/customer.routes.js';
import { registerTmfEventListener } from './events/tmf-audit-listener.js';
import { registerTmfHubAdminRoutes, registerTmfHubRoutes } from './events/tmf-hub.routes.js';
import { registerProductCatalogRoutes } from './product-catalog/product-catalog.routes.js';
import { registerProductOrderRoutes } from './product-order/product-order.routes.js';
import { registerProductInventoryRoutes } from './product-inventory/product-inventory.routes.js';
import { registerResourceInventoryRoutes } from './resource-inventory/resource-inventory.routes.js';

/**
 * The TM Forum Open API face under /tmf-api: each API registers its routes here (one line each).
 * Every route declares `config: { access }` like the /api routes; conventions live in `kernel/`.
 */
export function registerTmfRoutes(app: App, context: AppContext): void {
  registerProductCatalogRoutes(app, context);
  registerCustomerRoutes(app, context);
  registerProductOrderRoutes(app, context);
  registerProductInventoryRoutes(app, context);
  registerResourceInventoryRoutes(app, context);
  // Event hubs: who may subscribe to an API's events is who may change (or, read-only ones, manage) its resources.
  registerTmfHubRoutes(app, context, { apiPath: 'customerManagement/v4', access: SELLERS });
  registerTmfHubRoutes(app, context, { apiPath: 'productOrderingManagement/v4', access: SELLERS });
  registerTmfHubRoutes(app, context, { apiPath: 'productInventory/v4', access: SELLERS });
  registerTmfHubRoutes(app, context, { apiPath: 'resourceInventoryManagement/v4', access: ['admin', 'inventory'] });
  registerTmfHubRoutes(app, context, { apiPath: 'productCatalogManagement/v4', access: ADMIN_ONLY });
  // Administration > Integrations: every API's hubs at once (/api/tmf-hubs).
  registerTmfHubAdminRoutes(app, context);
  // This server's audited changes become events of those hubs (the worker process registers it too).
  registerTmfEventListener();
}
