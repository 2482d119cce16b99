import {
  catalogLifecycleStatusOf,
  CUSTOMER_STATUSES,
  customerStatusOf,
  INVENTORY_STATUSES,
  LINE_STATUSES,
  ORDER_STATUSES,
  productOrderStateOf,
  productStatusOf,
  resourceStatesOf,
} from '@linedesk/domain';
import type { DbOrTx } from '../../../db/client.js';
import { findOrdersWithLines } from '../../orders/use-cases/find-orders-with-lines.js';
import { renderCustomers } from '../customer/render-customers.js';
import type { TmfRenderContext } from '../kernel/tmf-context.js';
import { renderProductOfferings, renderProductSpecifications } from '../product-catalog/render-catalog.js';
import { renderProducts } from '../product-inventory/render-products.js';
import { renderCancelProductOrders } from '../product-order/render-cancel-product-orders.js';
import { renderProductOrders } from '../product-order/render-product-orders.js';
import { renderResources } from '../resource-inventory/render-resources.js';
import { TMF_EVENT_TYPES, type TmfEventApi } from './tmf-event-apis.js';

/** The kinds of TMF event LineDesk derives from its audit trail (each API names them `<Resource><Kind>Event`). */
export type TmfEventKind = 'Create' | 'AttributeValueChange' | 'StateChange' | 'Delete';

type Resource = Record<string, unknown>;

/**
 * Where the events of one kind of audited record go: the TMF API and resource that show it, how to render
 * it (the same renderer as the API's GET), and how a state the audit row announces shows on the resource.
 */
export type TmfEventSource = {
  /** The audit rows' `entityType`. */
  entityType: string;
  api: TmfEventApi;
  /** The resource's name: the key under `event` and the last segment of its path (`productOrder`). */
  resource: string;
  /** Its collection path, for hrefs: `productOrderingManagement/v4/productOrder`. */
  resourcePath: string;
  /** Event names start with it: `ProductOrder` → ProductOrderStateChangeEvent. */
  eventPrefix: string;
  /** `@type` (and `@baseType`) of a resource that can no longer be rendered (deleted). */
  type: string;
  baseType?: string;
  render(ctx: TmfRenderContext, ids: string[]): Promise<Resource[]>;
  /**
   * The audit field holding the record's state, and the resource fields that state shows as (null for a
   * value it does not know). Events announce the state a change moved the record to, not its current one,
   * so an event delivered late still tells each state in turn.
   */
  state?: { auditField: string; fieldsOf(value: unknown): Resource | null };
  /**
   * For a resource shown through another record's change (a line's product, when its order is sent): the
   * ids of the resources a row of `entityType` concerns, read when the events fan out; and the only event
   * kinds such a row makes of them.
   */
  expand?: { idsOf(db: DbOrTx, entityId: string): Promise<string[]>; kinds: readonly TmfEventKind[] };
};

const has = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
const renderer = <T>(render: (ctx: TmfRenderContext, ids: string[]) => Promise<T[]>) => render as unknown as TmfEventSource['render'];

/** Catalog records are active or not: `lifecycleStatus` Active or Retired. */
const catalogState: NonNullable<TmfEventSource['state']> = {
  auditField: 'isActive',
  fieldsOf: (value) => (typeof value === 'boolean' ? { lifecycleStatus: catalogLifecycleStatusOf(value) } : null),
};
/** Audit rows that carry the TMF state itself (a cancelProductOrder's `done`, a rejected request's `rejected`). */
const tmfState: NonNullable<TmfEventSource['state']> = { auditField: 'state', fieldsOf: (value) => (typeof value === 'string' ? { state: value } : null) };

/** The TMF resource a source shows as: its API, name, path, event names and `@type` (its name capitalised, unless told), and its renderer. */
type ShownAs = Pick<TmfEventSource, 'api' | 'resource' | 'resourcePath' | 'eventPrefix' | 'type' | 'baseType' | 'render'>;
function shownAs<T>(api: TmfEventApi, resource: string, render: (ctx: TmfRenderContext, ids: string[]) => Promise<T[]>, types: { type?: string; baseType?: string } = {}): ShownAs {
  const eventPrefix = `${resource.charAt(0).toUpperCase()}${resource.slice(1)}`;
  return { api, resource, resourcePath: `${api}/${resource}`, eventPrefix, type: types.type ?? eventPrefix, ...(types.baseType ? { baseType: types.baseType } : {}), render: renderer(render) };
}
const CUSTOMER = shownAs('customerManagement/v4', 'customer', renderCustomers);
const PRODUCT_ORDER = shownAs('productOrderingManagement/v4', 'productOrder', renderProductOrders);
const CANCEL_PRODUCT_ORDER = shownAs('productOrderingManagement/v4', 'cancelProductOrder', renderCancelProductOrders);
const PRODUCT = shownAs('productInventory/v4', 'product', renderProducts);
const RESOURCE = shownAs('resourceInventoryManagement/v4', 'resource', renderResources, { type: 'PhysicalResource', baseType: 'Resource' });
const PRODUCT_OFFERING = shownAs('productCatalogManagement/v4', 'productOffering', renderProductOfferings);
const PRODUCT_SPECIFICATION = shownAs('productCatalogManagement/v4', 'productSpecification', renderProductSpecifications);

/** Audit entity type → the TMF resources it shows as (a carrier's product is both an offering and a specification). */
export const TMF_EVENT_SOURCES: readonly TmfEventSource[] = [
  {
    entityType: 'customer',
    ...CUSTOMER,
    state: { auditField: 'status', fieldsOf: (value) => (has(CUSTOMER_STATUSES, value) ? { status: customerStatusOf(value) } : null) },
  },
  {
    entityType: 'order',
    ...PRODUCT_ORDER,
    state: { auditField: 'status', fieldsOf: (value) => (has(ORDER_STATUSES, value) ? { state: productOrderStateOf(value) } : null) },
  },
  // A productOrder request that could not become an order: a productOrder created `rejected`.
  { entityType: 'rejected_product_order', ...PRODUCT_ORDER, state: tmfState },
  { entityType: 'cancel_product_order', ...CANCEL_PRODUCT_ORDER, state: tmfState },
  {
    entityType: 'line',
    ...PRODUCT,
    // A line is Pending only from its creation, with its order (pendingActive comes with the order's changes: below).
    state: { auditField: 'status', fieldsOf: (value) => (has(LINE_STATUSES, value) ? { status: productStatusOf(value) } : null) },
  },
  {
    // A Pending line's product is pendingActive while its order is at the carrier: the order's status
    // changes (Sent, back to Ready after an error…) are state changes of its pending lines' products.
    entityType: 'order',
    ...PRODUCT,
    state: { auditField: 'status', fieldsOf: (value) => (has(ORDER_STATUSES, value) ? { status: productStatusOf('PENDING', value) } : null) },
    expand: {
      idsOf: async (db, orderId) => (await findOrdersWithLines({ db, ids: [orderId] })).flatMap((order) => order.lines.filter((line) => line.status === 'PENDING').map((line) => line.id)),
      kinds: ['StateChange'],
    },
  },
  {
    entityType: 'inventory_item',
    ...RESOURCE,
    state: { auditField: 'status', fieldsOf: (value) => (has(INVENTORY_STATUSES, value) ? { ...resourceStatesOf(value) } : null) },
  },
  ...(['package', 'product'] as const).map((entityType): TmfEventSource => ({ entityType, ...PRODUCT_OFFERING, state: catalogState })),
  ...(['product', 'line_type'] as const).map((entityType): TmfEventSource => ({ entityType, ...PRODUCT_SPECIFICATION, state: catalogState })),
];

const BY_ENTITY_TYPE = new Map<string, TmfEventSource[]>();
for (const source of TMF_EVENT_SOURCES) BY_ENTITY_TYPE.set(source.entityType, [...(BY_ENTITY_TYPE.get(source.entityType) ?? []), source]);

/** The TMF resources an audited record shows as (none for most entity types). */
export function eventSourcesOf(entityType: string): readonly TmfEventSource[] {
  return BY_ENTITY_TYPE.get(entityType) ?? [];
}

/** An event's name as its API's specification spells it, or null when the spec has no such event for this resource. */
export function tmfEventType(source: TmfEventSource, kind: TmfEventKind): string | null {
  const name = `${source.eventPrefix}${kind}Event`;
  return (TMF_EVENT_TYPES[source.api] as readonly string[]).includes(name) ? name : null;
}
