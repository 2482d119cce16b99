import { z } from 'zod';
import type { LineStatus, OrderStatus } from '../orders/state-machines.js';
import { ZTmfCharacteristic, ZTmfMoney, ZTmfRef, ZTmfRelatedParty } from './tmf-common.js';

/*
 * TMF622 Product Ordering v4 (`/tmf-api/productOrderingManagement/v4/`): a productOrder is a LineDesk
 * order, each productOrderItem one of its lines; a request that cannot become an order is kept as a
 * rejected productOrder. cancelProductOrder is a request to cancel one, done or ended with an error.
 */

export const TMF_PRODUCT_ORDER_PATH = 'productOrderingManagement/v4/productOrder';
export const TMF_CANCEL_PRODUCT_ORDER_PATH = 'productOrderingManagement/v4/cancelProductOrder';

export const TMF_PRODUCT_ORDER_STATES = [
  'acknowledged',
  'rejected',
  'pending',
  'held',
  'inProgress',
  'cancelled',
  'completed',
  'failed',
  'partial',
  'assessingCancellation',
  'pendingCancellation',
] as const;
export type TmfProductOrderState = (typeof TMF_PRODUCT_ORDER_STATES)[number];

/** An item's states: the order's, but `partial` (an item is done or not). */
export const TMF_PRODUCT_ORDER_ITEM_STATES = TMF_PRODUCT_ORDER_STATES.filter((state): state is Exclude<TmfProductOrderState, 'partial'> => state !== 'partial');
export type TmfProductOrderItemState = (typeof TMF_PRODUCT_ORDER_ITEM_STATES)[number];

/** The states of a cancelProductOrder (TMF `TaskStateType`). */
export const TMF_TASK_STATES = ['accepted', 'terminatedWithError', 'inProgress', 'done'] as const;
export type TmfTaskState = (typeof TMF_TASK_STATES)[number];

export const TMF_ORDER_ITEM_ACTIONS = ['add', 'modify', 'delete', 'noChange'] as const;

const ORDER_STATE: Record<OrderStatus, TmfProductOrderState> = {
  PENDING: 'acknowledged',
  READY: 'inProgress',
  SENT: 'inProgress',
  IN_PROGRESS: 'inProgress',
  ERROR: 'held',
  COMPLETE: 'completed',
  PARTIAL: 'partial',
  CANCELLED: 'cancelled',
};

/** A LineDesk order's status as a productOrder state (the decided mapping; a request that never became an order is `rejected`). */
export function productOrderStateOf(status: OrderStatus): TmfProductOrderState {
  return ORDER_STATE[status];
}

/**
 * An item's state, from its line and its order: a cancelled line is cancelled and a line in service (or
 * since suspended or disconnected) completed; a line still pending follows its order, except on an order
 * that finished without it (failed) or was cancelled.
 */
export function productOrderItemStateOf(line: LineStatus, order: OrderStatus): TmfProductOrderItemState {
  if (line === 'CANCELLED' || order === 'CANCELLED') return 'cancelled';
  if (line !== 'PENDING') return 'completed';
  if (order === 'COMPLETE' || order === 'PARTIAL') return 'failed';
  const state = productOrderStateOf(order);
  return state === 'partial' ? 'failed' : state;
}

/**
 * The characteristics of an item's product that are not the line type's own properties (those go by their
 * key). `portInPin` is write-only: it is sealed at rest and never rendered back.
 */
export const TMF_LINE_CHARACTERISTICS = {
  lineType: 'lineType',
  areaCode: 'areaCode',
  numberZip: 'numberZip',
  deviceSource: 'deviceSource',
  mdn: 'mdn',
  portInNumber: 'portInNumber',
  portInCurrentCarrier: 'portInCurrentCarrier',
  portInAccountNumber: 'portInAccountNumber',
  portInPin: 'portInPin',
  portInAuthorizedSigner: 'portInAuthorizedSigner',
  portInAccountName: 'portInAccountName',
} as const;

/** Where a line's service is: `product.place` with this role. */
export const TMF_SERVICE_ADDRESS_ROLE = 'serviceAddress';

const ZDateTimeInput = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { message: 'Use an ISO 8601 date-time such as 2026-12-01T00:00:00Z' });
const ZIdInput = z.string().trim().min(1, { message: 'Give an id' }).max(100);

/** A reference in a request: only `id` is required; anything else an integrator sends along is kept out of the way. */
const ZRefInput = z.looseObject({
  id: ZIdInput,
  href: z.string().max(500).optional(),
  name: z.string().max(200).optional(),
  '@referredType': z.string().max(60).optional(),
});

/** A device or SIM for a line: an inventory item's id, or an identifier value (IMEI, ICCID, EID…) in `value` or `id`. */
export const ZTmfOrderResourceRefInput = ZRefInput.extend({ value: z.string().trim().min(1).max(100).optional() });

export const ZTmfOrderRelatedPartyInput = ZRefInput.extend({ role: z.string().max(60).optional() });

export const ZTmfOrderCharacteristicInput = z.looseObject({
  name: z.string().trim().min(1, { message: 'Name the characteristic' }).max(80),
  valueType: z.string().max(40).optional(),
  value: z.unknown().optional(),
});

/** A place by value (a US address); `role: serviceAddress` (or the only place) is the line's service address. */
export const ZTmfOrderPlaceInput = z.looseObject({
  id: z.string().max(100).optional(),
  role: z.string().max(60).optional(),
  name: z.string().max(200).optional(),
  street1: z.string().max(100).optional(),
  street2: z.string().max(100).optional(),
  streetNr: z.string().max(20).optional(),
  streetName: z.string().max(100).optional(),
  streetType: z.string().max(40).optional(),
  city: z.string().max(60).optional(),
  stateOrProvince: z.string().max(40).optional(),
  postCode: z.string().max(20).optional(),
  postcode: z.string().max(20).optional(),
  country: z.string().max(60).optional(),
});
export type TTmfOrderPlaceInput = z.output<typeof ZTmfOrderPlaceInput>;

export const ZTmfOrderNoteInput = z.looseObject({
  text: z.string().trim().min(1, { message: 'Write the note' }).max(2000),
  author: z.string().max(120).optional(),
  date: z.string().max(40).optional(),
});

const ZProductInput = z.looseObject({
  description: z.string().max(200).optional(),
  productCharacteristic: z.array(ZTmfOrderCharacteristicInput).max(60).optional(),
  place: z.array(ZTmfOrderPlaceInput).max(5).optional(),
  realizingResource: z.array(ZTmfOrderResourceRefInput).max(4).optional(),
});

export const ZTmfProductOrderItemInput = z.looseObject({
  id: z.string().trim().min(1, { message: 'Give the item an id' }).max(60),
  action: z.enum(TMF_ORDER_ITEM_ACTIONS),
  quantity: z.number().int().min(1).max(99).optional(),
  productOffering: ZRefInput.optional(),
  product: ZProductInput.optional(),
});
export type TTmfProductOrderItemInput = z.output<typeof ZTmfProductOrderItemInput>;

/** POST productOrder (`ProductOrder_Create`): the items are required; the customer comes in `relatedParty`. */
export const ZTmfProductOrderCreate = z.looseObject({
  productOrderItem: z.array(ZTmfProductOrderItemInput).min(1, { message: 'Order at least one item' }).max(50),
  relatedParty: z.array(ZTmfOrderRelatedPartyInput).max(20).optional(),
  externalId: z.string().trim().min(1).max(100).optional(),
  description: z.string().max(2000).optional(),
  note: z.array(ZTmfOrderNoteInput).max(20).optional(),
  category: z.string().trim().max(60).optional(),
  requestedCompletionDate: ZDateTimeInput.optional(),
  requestedStartDate: ZDateTimeInput.optional(),
});
export type TTmfProductOrderCreate = z.output<typeof ZTmfProductOrderCreate>;

/**
 * PATCH productOrder (JSON merge patch): the description and notes, the requested completion date and the
 * externalId (null clears), and each item's `product.realizingResource` (assigns devices and SIMs to its line).
 */
export const ZTmfProductOrderUpdate = z.looseObject({
  description: z.string().max(2000).nullable().optional(),
  note: z.array(ZTmfOrderNoteInput).max(20).nullable().optional(),
  requestedCompletionDate: ZDateTimeInput.nullable().optional(),
  externalId: z.string().trim().min(1).max(100).nullable().optional(),
  productOrderItem: z
    .array(
      z.looseObject({
        id: z.string().trim().min(1, { message: 'Name the item by its id' }).max(60),
        action: z.enum(TMF_ORDER_ITEM_ACTIONS).optional(),
        product: z.looseObject({ realizingResource: z.array(ZTmfOrderResourceRefInput).max(4).optional() }).optional(),
      }),
    )
    .max(50)
    .optional(),
});
export type TTmfProductOrderUpdate = z.output<typeof ZTmfProductOrderUpdate>;

/** The attributes PATCH may change; the others are the order's own (state, items, parties) or set by LineDesk. */
export const TMF_PRODUCT_ORDER_PATCHABLE = ['description', 'note', 'requestedCompletionDate', 'externalId', 'productOrderItem'] as const;

/* Responses */

export const ZTmfOrderNote = z.object({ id: z.string().optional(), author: z.string().optional(), date: z.string().optional(), text: z.string() });
export const ZTmfOrderPrice = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  priceType: z.string(),
  recurringChargePeriod: z.string().optional(),
  price: z.object({ taxIncludedAmount: ZTmfMoney.optional(), dutyFreeAmount: ZTmfMoney }),
});
export const ZTmfOrderPlace = z.object({
  role: z.string(),
  name: z.string().optional(),
  street1: z.string().optional(),
  street2: z.string().optional(),
  city: z.string().optional(),
  stateOrProvince: z.string().optional(),
  postCode: z.string().optional(),
  country: z.string().optional(),
  '@type': z.string().optional(),
});
export const ZTmfOrderResourceRef = ZTmfRef.extend({ value: z.string().optional() });

export const ZTmfProductOrderItem = z.object({
  id: z.string(),
  action: z.enum(TMF_ORDER_ITEM_ACTIONS),
  quantity: z.number().int(),
  state: z.enum(TMF_PRODUCT_ORDER_ITEM_STATES),
  productOffering: ZTmfRef.optional(),
  product: z
    .object({
      id: z.string().optional(),
      href: z.string().optional(),
      name: z.string().optional(),
      description: z.string().optional(),
      isBundle: z.boolean().optional(),
      status: z.string().optional(),
      productCharacteristic: z.array(ZTmfCharacteristic),
      place: z.array(ZTmfOrderPlace),
      realizingResource: z.array(ZTmfOrderResourceRef),
      productOffering: ZTmfRef.optional(),
      '@type': z.string().optional(),
      '@referredType': z.string().optional(),
    })
    .optional(),
  itemPrice: z.array(ZTmfOrderPrice),
  itemTotalPrice: z.array(ZTmfOrderPrice).optional(),
  '@type': z.string(),
});
export type TTmfProductOrderItem = z.output<typeof ZTmfProductOrderItem>;

export const ZTmfProductOrder = z.object({
  id: z.string(),
  href: z.string(),
  '@type': z.literal('ProductOrder'),
  orderDate: z.string(),
  state: z.enum(TMF_PRODUCT_ORDER_STATES),
  category: z.string().optional(),
  description: z.string().optional(),
  externalId: z.string().optional(),
  requestedCompletionDate: z.string().optional(),
  completionDate: z.string().optional(),
  cancellationDate: z.string().optional(),
  cancellationReason: z.string().optional(),
  relatedParty: z.array(ZTmfRelatedParty.partial({ '@referredType': true })),
  productOrderItem: z.array(ZTmfProductOrderItem),
  orderTotalPrice: z.array(ZTmfOrderPrice),
  note: z.array(ZTmfOrderNote),
});
export type TTmfProductOrder = z.output<typeof ZTmfProductOrder>;

/** POST cancelProductOrder (`CancelProductOrder_Create`). */
export const ZTmfCancelProductOrderCreate = z.looseObject({
  productOrder: ZRefInput,
  cancellationReason: z.string().trim().max(500).optional(),
  requestedCancellationDate: ZDateTimeInput.optional(),
});
export type TTmfCancelProductOrderCreate = z.output<typeof ZTmfCancelProductOrderCreate>;

export const ZTmfCancelProductOrder = z.object({
  id: z.string(),
  href: z.string(),
  '@type': z.literal('CancelProductOrder'),
  productOrder: ZTmfRef,
  cancellationReason: z.string().optional(),
  requestedCancellationDate: z.string().optional(),
  effectiveCancellationDate: z.string().optional(),
  state: z.enum(TMF_TASK_STATES),
  /** Why the order could not be cancelled (when `terminatedWithError`): a LineDesk extension. */
  stateReason: z.string().optional(),
  creationDate: z.string(),
});
export type TTmfCancelProductOrder = z.output<typeof ZTmfCancelProductOrder>;
