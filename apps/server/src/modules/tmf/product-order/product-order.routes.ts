import {
  ORDER_STATUSES,
  productOrderStateOf,
  TMF_CANCEL_PRODUCT_ORDER_PATH,
  TMF_PRODUCT_ORDER_PATH,
  TMF_PRODUCT_ORDER_STATES,
  TMF_TASK_STATES,
  ZTmfCancelProductOrder,
  ZTmfCancelProductOrderCreate,
  ZTmfProductOrder,
  ZTmfProductOrderCreate,
  ZTmfProductOrderUpdate,
} from '@linedesk/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ANY_ROLE, SELLERS, auditContextOf, roleOf } from '../../../http/access.js';
import { AppError } from '../../../http/app-error.js';
import { typed, type App, type AppContext } from '../../../http/app-context.js';
import { idempotencyOf } from '../kernel/idempotency.js';
import { TMF_PREFIX, type TmfRenderContext } from '../kernel/tmf-context.js';
import { tmfDateTime, tmfEnum, tmfFilterValue, tmfText, tmfUuid } from '../kernel/tmf-list.js';
import { registerTmfReadRoutes, renderTmfOne, tmfRenderContextOf } from '../kernel/tmf-read-routes.js';
import { cancelTmfProductOrder } from './cancel-tmf-product-order.js';
import { createTmfProductOrder } from './create-tmf-product-order.js';
import { renderCancelProductOrders } from './render-cancel-product-orders.js';
import { renderProductOrders } from './render-product-orders.js';
import { updateTmfProductOrder } from './update-tmf-product-order.js';
import { listCancelProductOrders } from './use-cases/list-cancel-product-orders.js';
import { listProductOrderIds } from './use-cases/list-product-order-ids.js';

const ORDER_FILTERS = ['id', 'orderDate', 'externalId', 'state'] as const;
const CANCEL_FILTERS = ['id', 'productOrder.id', 'state', 'creationDate'] as const;
const ZParams = z.object({ id: z.string().min(1).max(200) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * TMF622 Product Ordering v4 at /tmf-api/productOrderingManagement/v4/: productOrders are LineDesk orders (items
 * are lines) and the requests that could not become one (state `rejected`); cancelProductOrder cancels one.
 * Reads for every role; creates and changes for sellers (admin, agent).
 */
export function registerProductOrderRoutes(app: App, context: AppContext): void {
  const { db } = context.database;
  const { secrets } = context;
  const url = `${TMF_PREFIX}/${TMF_PRODUCT_ORDER_PATH}`;
  const cancelUrl = `${TMF_PREFIX}/${TMF_CANCEL_PRODUCT_ORDER_PATH}`;
  const tags = ['TMF622 Product Ordering'];
  const ctxOf = (request: FastifyRequest): TmfRenderContext => tmfRenderContextOf(db, request);
  const orderReader = { render: renderProductOrders, notFound: 'product order', idOf: uuidOrNull };

  registerTmfReadRoutes(app, {
    ...orderReader,
    db,
    path: TMF_PRODUCT_ORDER_PATH,
    tags,
    access: ANY_ROLE,
    resourceSchema: ZTmfProductOrder.partial(),
    summaries: { list: 'Product orders (LineDesk orders and the requests rejected), newest first', one: 'One product order' },
    filterable: ORDER_FILTERS,
    filterNote: '(orderDate: the instant answered, to the millisecond)',
    list: async (query) => {
      const state = tmfFilterValue(query.filters, 'state', tmfEnum(TMF_PRODUCT_ORDER_STATES));
      return listProductOrderIds({
        db,
        offset: query.offset,
        limit: query.limit,
        filters: {
          id: tmfFilterValue(query.filters, 'id', tmfUuid),
          createdAt: tmfFilterValue(query.filters, 'orderDate', tmfDateTime),
          externalId: tmfFilterValue(query.filters, 'externalId', tmfText),
          ...(state ? { statuses: ORDER_STATUSES.filter((status) => productOrderStateOf(status) === state), rejected: state === 'rejected' } : {}),
        },
      });
    },
  });

  typed(app).post(
    url,
    {
      config: { access: SELLERS },
      schema: {
        tags,
        summary: 'Order lines for a customer',
        description:
          'The customer: a relatedParty with role Customer (or @referredType Customer, Individual or Organization) whose id is a LineDesk customer id ' +
          '(or account number). Each productOrderItem (action add) is one line: productOffering.id the package (its id or code; the order goes to its ' +
          'carrier), product.productCharacteristic the lineType, areaCode or numberZip, deviceSource (STOCK or BYOD), the line type\'s properties by key, ' +
          'and for a port-in portInNumber, portInCurrentCarrier, portInAccountNumber, portInPin (write-only), portInAuthorizedSigner, portInAccountName; ' +
          'product.place (role serviceAddress) the service address; product.realizingResource devices and SIMs (inventory item ids, or an IMEI/ICCID/EID ' +
          'as value or id), reserved for the line. category NEW or CONVERSION (default: CONVERSION when an item ports a number in). The order sends to ' +
          'the carrier by itself once every line has its inventory. A request that cannot become an order is kept and answered 201 in state rejected, ' +
          'each reason a note naming the field. Send an `Idempotency-Key` header (8 to 120 characters) to make a retry safe.',
        body: ZTmfProductOrderCreate,
        response: { 201: ZTmfProductOrder },
      },
    },
    async (request, reply) => {
      const { id, replayed } = await createTmfProductOrder({
        db,
        secrets,
        audit: auditContextOf(request),
        role: roleOf(request) ?? 'viewer',
        body: request.body,
        rawBody: request.body,
        idempotency: idempotencyOf(request),
      });
      const [order] = await renderProductOrders(ctxOf(request), [id]);
      if (!order) throw new AppError(replayed ? 'CONFLICT' : 'INTERNAL', 'The product order could not be read back');
      return reply.status(201).header('location', order.href).send(order);
    },
  );

  typed(app).patch(
    `${url}/:id`,
    {
      config: { access: SELLERS },
      schema: {
        tags,
        summary: 'Change a product order (JSON Merge Patch; application/merge-patch+json or application/json)',
        description:
          'Changes description (the notes; note texts are added), requestedCompletionDate, externalId, and assigns devices and SIMs to an item\'s line ' +
          'with productOrderItem[].product.realizingResource (by item id; inventory item ids or identifier values), with the same rules as scanning on ' +
          'the order page: the order becomes Ready once every line has its inventory, and then goes to the carrier. All or nothing; refused once the order was sent.',
        params: ZParams,
        body: ZTmfProductOrderUpdate,
        response: { 200: ZTmfProductOrder },
      },
    },
    async (request) => {
      if (!UUID.test(request.params.id)) throw new AppError('NOT_FOUND', `No product order with id ${request.params.id}`);
      await updateTmfProductOrder({ db, audit: auditContextOf(request), id: request.params.id.toLowerCase(), body: request.body });
      return renderTmfOne(orderReader, ctxOf(request), request.params.id);
    },
  );

  registerTmfReadRoutes(app, {
    db,
    path: TMF_CANCEL_PRODUCT_ORDER_PATH,
    tags,
    access: ANY_ROLE,
    resourceSchema: ZTmfCancelProductOrder.partial(),
    summaries: { list: 'Cancellation requests, newest first', one: 'One cancellation request' },
    filterable: CANCEL_FILTERS,
    list: async (query) =>
      listCancelProductOrders({
        db,
        offset: query.offset,
        limit: query.limit,
        id: tmfFilterValue(query.filters, 'id', tmfUuid),
        productOrderId: tmfFilterValue(query.filters, 'productOrder.id', tmfText),
        state: tmfFilterValue(query.filters, 'state', tmfEnum(TMF_TASK_STATES.filter((s): s is 'done' | 'terminatedWithError' => s === 'done' || s === 'terminatedWithError'))),
        createdAt: tmfFilterValue(query.filters, 'creationDate', tmfDateTime),
      }),
    render: renderCancelProductOrders,
    notFound: 'cancellation request',
    idOf: uuidOrNull,
  });

  typed(app).post(
    cancelUrl,
    {
      config: { access: SELLERS },
      schema: {
        tags,
        summary: 'Cancel a product order',
        description:
          'Cancels the order as Cancel on the order page does (its reserved stock goes back to Available) when it has not gone to the carrier: the ' +
          'request is done. Otherwise it is kept terminatedWithError, with why in stateReason. Send an `Idempotency-Key` header (8 to 120 characters) ' +
          'to make a retry safe: the same key and body answer the request the first one made.',
        body: ZTmfCancelProductOrderCreate,
        response: { 201: ZTmfCancelProductOrder },
      },
    },
    async (request, reply) => {
      const id = await cancelTmfProductOrder({
        db,
        audit: auditContextOf(request),
        body: request.body,
        idempotency: idempotencyOf(request),
      });
      const [found] = await renderCancelProductOrders(ctxOf(request), [id]);
      if (!found) throw new AppError('INTERNAL', 'The cancellation request could not be read back');
      return reply.status(201).header('location', found.href).send(found);
    },
  );
}

/** A product order or cancellation id from the path, lower-cased; any id that is not one of ours (a UUID) is unknown. */
function uuidOrNull(id: string): string | null {
  return UUID.test(id) ? id.toLowerCase() : null;
}
