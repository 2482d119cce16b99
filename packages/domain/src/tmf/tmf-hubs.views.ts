import { z } from 'zod';

/** The TM Forum APIs with an event hub, by path, and what an admin calls each. */
export const TMF_HUB_API_NAMES: Record<string, string> = {
  'customerManagement/v4': 'TMF629 Customer',
  'productOrderingManagement/v4': 'TMF622 Product Ordering',
  'productCatalogManagement/v4': 'TMF620 Product Catalog',
  'productInventory/v4': 'TMF637 Product Inventory',
  'resourceInventoryManagement/v4': 'TMF639 Resource Inventory',
};

/** The name of a hub's API (`TMF622 Product Ordering`); the path itself for one this list does not know. */
export function tmfHubApiName(api: string): string {
  return TMF_HUB_API_NAMES[api] ?? api;
}

/**
 * Admin (`GET /api/tmf-hubs`): an event subscription made through `POST /tmf-api/<api>/hub`, with how its
 * deliveries stand: events waiting to be sent (or retried), events given up after the last try, and the
 * latest error its callback gave.
 */
export const ZTmfHubView = z.object({
  id: z.string(),
  /** The API's path: `productOrderingManagement/v4`. */
  api: z.string(),
  /** What an admin calls the API: `TMF622 Product Ordering`. */
  apiName: z.string(),
  callback: z.string(),
  /** The subscriber's filter as given; null for every event of the API. */
  query: z.string().nullable(),
  createdAt: z.string(),
  /** The user's email or `API key <name>`. */
  createdBy: z.string(),
  deliveries: z.object({
    waiting: z.number().int(),
    failed: z.number().int(),
    lastError: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
  }),
});
export type TTmfHubView = z.output<typeof ZTmfHubView>;
