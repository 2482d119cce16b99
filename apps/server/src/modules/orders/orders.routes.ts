import { ZCancelOrderRequest, ZOrderDetail, ZOrderHistory, ZOrderParams, ZOrderQueuePage, ZOrderQueueQuery, ZOrderScanRequest, ZOrderScanResult, ZPortInUpdate, ZSendOrderHeaders, prefersMinimal } from '@linedesk/domain';
import { z } from 'zod';
import { assignOrderInventory } from '../../flows/assign-order-inventory.js';
import { cancelOrder } from '../../flows/cancel-order.js';
import { getOrderHistory } from '../../flows/get-order-history.js';
import { getOrderPage } from '../../flows/get-order-page.js';
import { searchOrders } from '../../flows/search-orders.js';
import { sendOrder } from '../../flows/send-order.js';
import { unassignOrderInventory } from '../../flows/unassign-order-inventory.js';
import { updateOrderPortIn } from '../../flows/update-order-port-in.js';
import { ANY_ROLE, SELLERS, auditContextOf, type RouteAccess } from '../../http/access.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';

/** Who assigns inventory to orders: those who work orders, and the stock keepers. */
const INVENTORY_WORKERS: RouteAccess = ['admin', 'agent', 'inventory'];

/** The order page and the Orders queue: read by everyone; inventory by agents and stock keepers; Cancel, Send and port-in fixes by agents. */
export function registerOrderRoutes(app: App, { database, secrets }: AppContext): void {
  const { db } = database;
  const tags = ['Orders'];

  typed(app).get(
    '/api/orders',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'Orders queue: filter by status, carrier and age; search by order or account number, MDN or any device/SIM identifier',
        querystring: ZOrderQueueQuery,
        response: { 200: ZOrderQueuePage },
      },
    },
    async (request) => searchOrders({ db, query: request.query }),
  );
  typed(app).get(
    '/api/orders/:orderId',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'An order: header, Send and Cancel availability, lines with products, charges and inventory',
        params: ZOrderParams,
        response: { 200: ZOrderDetail },
      },
    },
    async (request) => getOrderPage({ db, orderId: request.params.orderId }),
  );
  typed(app).get(
    '/api/orders/:orderId/history',
    {
      config: { access: ANY_ROLE },
      schema: { tags, summary: "The order's History: every change of the order, its lines and their stock items, newest first", params: ZOrderParams, response: { 200: ZOrderHistory } },
    },
    async (request) => getOrderHistory({ db, orderId: request.params.orderId }),
  );
  typed(app).post(
    '/api/orders/:orderId/inventory',
    {
      config: { access: INVENTORY_WORKERS },
      schema: {
        tags,
        summary: 'Scan or paste identifiers onto the order: each goes to the picked line or the next line that needs its kind, or says why not',
        params: ZOrderParams,
        body: ZOrderScanRequest,
        response: { 200: ZOrderScanResult },
      },
    },
    async (request) => assignOrderInventory({ db, audit: auditContextOf(request), orderId: request.params.orderId, text: request.body.text, lineId: request.body.lineId, format: request.body.format }),
  );
  typed(app).delete(
    '/api/orders/:orderId/inventory/:itemId',
    {
      config: { access: INVENTORY_WORKERS },
      schema: {
        tags,
        summary: 'Unassign a stock item from its line: it goes back to Available',
        params: ZOrderParams.extend({ itemId: z.uuid({ message: 'must be a stock item id (UUID)' }) }),
        response: { 200: ZOrderDetail },
      },
    },
    async (request) => unassignOrderInventory({ db, audit: auditContextOf(request), orderId: request.params.orderId, target: { itemId: request.params.itemId } }),
  );
  typed(app).delete(
    '/api/orders/:orderId/lines/:lineId/identifiers/:value',
    {
      config: { access: INVENTORY_WORKERS },
      schema: {
        tags,
        summary: "Remove an identifier from a line, such as the customer's own device (a stock item goes back to Available)",
        params: ZOrderParams.extend({ lineId: z.uuid({ message: 'must be a line id (UUID)' }), value: z.string().trim().min(1).max(40) }),
        response: { 200: ZOrderDetail },
      },
    },
    async (request) =>
      unassignOrderInventory({ db, audit: auditContextOf(request), orderId: request.params.orderId, target: { lineId: request.params.lineId, value: request.params.value.toUpperCase() } }),
  );
  typed(app).post(
    '/api/orders/:orderId/cancel',
    {
      config: { access: SELLERS },
      schema: {
        tags,
        summary: 'Cancel the order before it is sent: reserved items back to Available, lines and order cancelled, audited with the reason',
        params: ZOrderParams,
        body: ZCancelOrderRequest,
        response: { 200: ZOrderDetail },
      },
    },
    async (request) => cancelOrder({ db, audit: auditContextOf(request), orderId: request.params.orderId, reason: request.body.reason }),
  );
  typed(app).put(
    '/api/orders/:orderId/lines/:lineId/port-in',
    {
      config: { access: SELLERS },
      schema: {
        tags,
        summary: "Correct a port-in line's account at the current carrier (current carrier, account number, PIN, authorized signer, account name), e.g. after the carrier refused the port",
        description:
          'The number being ported stays (another number is another order). The PIN is write-only: left out (or blank) it keeps the PIN on file. ' +
          "Allowed on a port-in line still Pending of an order in Pending, Ready or Error, else 409 with the reason; clears the carrier's refusal of the line. Send the order again afterwards.",
        params: ZOrderParams.extend({ lineId: z.uuid({ message: 'must be a line id (UUID)' }) }),
        body: ZPortInUpdate,
        response: { 200: ZOrderDetail },
      },
    },
    async (request) =>
      updateOrderPortIn({ db, secrets, audit: auditContextOf(request), orderId: request.params.orderId, lineId: request.params.lineId, input: request.body }),
  );
  typed(app).post(
    '/api/orders/:orderId/send',
    {
      config: { access: SELLERS },
      schema: {
        tags,
        summary: 'Send the order to its carrier (Ready, or fixed after Error): it becomes Sent and is delivered by a worker',
        description:
          'Send an `Idempotency-Key` header (8 to 120 characters, such as a UUID made for this click): the same key again answers the order as it is and sends nothing more. ' +
          'Refused with 409 when the order is not Ready (or in Error), 422 when a line still needs inventory or the carrier is provisioned by hand. ' +
          'Answers the order page; with `Prefer: return=minimal`, 204 and no body (`Preference-Applied: return=minimal`), for a client that sends many orders.',
        params: ZOrderParams,
        headers: ZSendOrderHeaders,
        response: { 200: ZOrderDetail, 204: z.null() },
      },
    },
    async (request, reply) => {
      const send = { db, audit: auditContextOf(request), orderId: request.params.orderId, idempotencyKey: request.headers['idempotency-key'] };
      if (!prefersMinimal(request.headers.prefer)) return sendOrder(send);
      await sendOrder({ ...send, answer: 'none' });
      return reply.status(204).header('preference-applied', 'return=minimal').send(null);
    },
  );
}
