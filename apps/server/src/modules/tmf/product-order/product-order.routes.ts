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
import { idempotencyKeyOf, idempotencyScopeOf } from '../kernel/idempotency.js';
import { TMF_PREFIX, tmfBaseUrl, type TmfRenderContext } from '../kernel/tmf-context.js';
import { parseTmfListQuery, projectTmfFields, replyTmfList, tmfDateTime, tmfEnum, tmfFilterValue, tmfText, tmfUuid } from '../kernel/tmf-list.js';
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
const ZFields = z.object({ fields: z.string().optional() });
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
  const ctxOf = (request: FastifyRequest): TmfRenderContext => ({ db, baseUrl: tmfBaseUrl(request) });
  const renderOne = async (request: FastifyRequest, id: string) => {
    const [order] = UUID.test(id) ? await renderProductOrders(ctxOf(request), [id.toLowerCase()]) : [];
    if (!order) throw new AppError('NOT_FOUND', `No product order with id ${id}`);
    return order;
  };

  typed(app).get(
    url,
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'Product orders (LineDesk orders and the requests rejected), newest first',
        description: `Paged with offset and limit (X-Total-Count, X-Result-Count), projected with fields=, filtered by ${ORDER_FILTERS.join(', ')} (orderDate: the instant answered, to the millisecond).`,
        response: { 200: z.array(ZTmfProductOrder.partial()) },
      },
    },
    async (request, reply) => {
      const query = parseTmfListQuery(request.query, ORDER_FILTERS);
      const state = tmfFilterValue(query.filters, 'state', tmfEnum(TMF_PRODUCT_ORDER_STATES));
      const page = await listProductOrderIds({
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
      const items = await renderProductOrders(ctxOf(request), page.ids);
      return replyTmfList(reply, { items, total: page.total }, query);
    },
  );

  typed(app).get(
    `${url}/:id`,
    {
      config: { access: ANY_ROLE },
      schema: { tags, summary: 'One product order', params: ZParams, querystring: ZFields, response: { 200: ZTmfProductOrder.partial() } },
    },
    async (request) => {
      const order = await renderOne(request, request.params.id);
      const { fields } = parseTmfListQuery({ fields: request.query.fields }, []);
      return projectTmfFields(order, fields);
    },
  );

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
        idempotency: { scope: idempotencyScopeOf(request), key: idempotencyKeyOf(request) },
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
      return renderOne(request, request.params.id);
    },
  );

  typed(app).get(
    cancelUrl,
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'Cancellation requests, newest first',
        description: `Paged with offset and limit (X-Total-Count, X-Result-Count), projected with fields=, filtered by ${CANCEL_FILTERS.join(', ')}.`,
        response: { 200: z.array(ZTmfCancelProductOrder.partial()) },
      },
    },
    async (request, reply) => {
      const query = parseTmfListQuery(request.query, CANCEL_FILTERS);
      const page = await listCancelProductOrders({
        db,
        offset: query.offset,
        limit: query.limit,
        id: tmfFilterValue(query.filters, 'id', tmfUuid),
        productOrderId: tmfFilterValue(query.filters, 'productOrder.id', tmfText),
        state: tmfFilterValue(query.filters, 'state', tmfEnum(TMF_TASK_STATES.filter((s): s is 'done' | 'terminatedWithError' => s === 'done' || s === 'terminatedWithError'))),
        createdAt: tmfFilterValue(query.filters, 'creationDate', tmfDateTime),
      });
      const items = await renderCancelProductOrders(ctxOf(request), page.ids);
      return replyTmfList(reply, { items, total: page.total }, query);
    },
  );

  typed(app).get(
    `${cancelUrl}/:id`,
    {
      config: { access: ANY_ROLE },
      schema: { tags, summary: 'One cancellation request', params: ZParams, querystring: ZFields, response: { 200: ZTmfCancelProductOrder.partial() } },
    },
    async (request) => {
      const [found] = UUID.test(request.params.id) ? await renderCancelProductOrders(ctxOf(request), [request.params.id.toLowerCase()]) : [];
      if (!found) throw new AppError('NOT_FOUND', `No cancellation request with id ${request.params.id}`);
      const { fields } = parseTmfListQuery({ fields: request.query.fields }, []);
      return projectTmfFields(found, fields);
    },
  );

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
        idempotency: { scope: idempotencyScopeOf(request), key: idempotencyKeyOf(request) },
      });
      const [found] = await renderCancelProductOrders(ctxOf(request), [id]);
      if (!found) throw new AppError('INTERNAL', 'The cancellation request could not be read back');
      return reply.status(201).header('location', found.href).send(found);
    },
  );
}
