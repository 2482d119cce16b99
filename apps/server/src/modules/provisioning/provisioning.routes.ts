import { GATEWAY_HEADERS, ZCarrierMessages, ZFalloutPage, ZFalloutQuery, ZOrderParams } from '@linedesk/domain';
import { z } from 'zod';
import { applyCarrierActivations, type ActivationOutcome, type CarrierReport } from '../../flows/apply-carrier-activation.js';
import { listFallout } from '../../flows/list-fallout.js';
import { listOrderCarrierMessages } from '../../flows/list-order-carrier-messages.js';
import { groupCommit } from '../../db/group-commit.js';
import { ANY_ROLE, PUBLIC } from '../../http/access.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';
import { AppError } from '../../http/app-error.js';
import { cachedCarrierConnection } from '../catalog/use-cases/find-carrier-connection.js';
import { createAdapterRegistry } from './adapters/adapter-registry.js';

/** Carrier callbacks applied together at most, and batches at once (two: one is written while the next gathers). */
const CALLBACK_BATCH = { maxSize: 32, parallel: 2 };

const ZCallbackParams = z.object({ carrierCode: z.string().trim().min(1).max(40) });
/** What a carrier's callback is answered with: taken now, or an event already taken (acknowledged, no effect). */
const ZCallbackAck = z.union([z.object({ accepted: z.literal(true) }), z.object({ duplicate: z.literal(true) })]);

/**
 * Carrier Messages and the fallout view (read by everyone), and the carriers' signed completion callbacks
 * (no session: each callback is authenticated by its HMAC signature over the raw body).
 */
export function registerProvisioningRoutes(app: App, { database, config, secrets }: AppContext): void {
  const { db } = database;
  const tags = ['Orders'];
  const adapters = createAdapterRegistry({ carrierTimeoutMs: config.carrierTimeoutMs });
  // Callbacks that arrive while others are being applied are applied together, in one transaction.
  const applyReport = groupCommit<CarrierReport, ActivationOutcome>({
    ...CALLBACK_BATCH,
    run: (reports) => applyCarrierActivations(db, reports, { pollDelayMs: Math.round(config.carrierPollSeconds * 1000) }),
  });

  typed(app).get(
    '/api/orders/fallout',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'Fallout: orders the carrier refused (Error) and orders Sent or In progress longer than the stuck age',
        querystring: ZFalloutQuery,
        response: { 200: ZFalloutPage },
      },
    },
    async (request) => listFallout({ db, query: request.query }),
  );
  typed(app).get(
    '/api/orders/:orderId/carrier-messages',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: "The order's Carrier Messages: every request, response, callback and status check, oldest first, secrets redacted",
        params: ZOrderParams,
        response: { 200: ZCarrierMessages },
      },
    },
    async (request) => listOrderCarrierMessages({ db, orderId: request.params.orderId }),
  );

  // Its own scope: the body is kept as the raw bytes the signature covers, whatever its content type says.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    typed(scope).post(
      '/api/carrier-callbacks/:carrierCode',
      {
        config: { access: PUBLIC, signedBody: true },
        schema: {
          tags: ['Carrier callbacks'],
          summary: "A carrier's signed activation event (X-Gateway-Signature: v1=HMAC-SHA256 of `timestamp.body`); a repeated event id is acknowledged without effect",
          params: ZCallbackParams,
          response: { 200: ZCallbackAck },
        },
      },
      async (request) => {
        const { carrierCode } = request.params;
        const connection = await cachedCarrierConnection({ db, secrets, code: carrierCode.toUpperCase() });
        const adapter = connection ? adapters.get(connection.adapter) : null;
        if (!connection || !adapter || !adapter.capabilities.callbacks) {
          throw new AppError('NOT_FOUND', `No carrier ${carrierCode} sends callbacks here`);
        }
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const callback = adapter.verifyCallback(connection, { headers: request.headers, rawBody, now: new Date() });
        const header = (name: string) => request.headers[name] ?? null;
        const result = await applyReport({
          carrierCode: connection.carrierCode,
          activation: callback.activation,
          eventId: callback.eventId,
          report: {
            direction: 'CALLBACK',
            operation: `callback ${callback.type}`,
            // What we answer it with: the message is recorded only in the transaction that then answers 200.
            httpStatus: 200,
            payload: {
              headers: {
                [GATEWAY_HEADERS.eventId]: header(GATEWAY_HEADERS.eventId),
                [GATEWAY_HEADERS.timestamp]: header(GATEWAY_HEADERS.timestamp),
                [GATEWAY_HEADERS.signature]: header(GATEWAY_HEADERS.signature),
              },
              body: callback,
            },
          },
          requestId: String(request.id),
        });
        return result.outcome === 'DUPLICATE' ? { duplicate: true as const } : { accepted: true as const };
      },
    );
  });
}
