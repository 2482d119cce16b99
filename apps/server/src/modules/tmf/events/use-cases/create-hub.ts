import type { TTmfEventSubscription, TTmfEventSubscriptionInput } from '@linedesk/domain';
import type { Db } from '../../../../db/client.js';
import { AppError } from '../../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../../audit/record-audit.js';
import { createOnce } from '../../kernel/idempotency.js';
import { checkCallbackHost, describeRefusal, type CallbackAddressPolicy } from '../callback-address.js';
import { parseHubQuery } from '../hub-query.js';
import { forgetHubApis } from '../hub-cache.js';
import type { TmfEventApi } from '../tmf-event-apis.js';
import { tmfHubs, type TmfHubRow } from '../tmf-hubs.schema.js';
import { findHub } from './find-hub.js';

/**
 * Registers a hub (`POST /hub`): this API's events go to `callback` from the next change on. Audited. With an
 * `Idempotency-Key`, a retry of the same request answers the hub the first one made (no second hub, so no event twice).
 * The callback's host must be found and reach only addresses that may receive events (not this server's own).
 */
export async function createHub(options: {
  db: Db;
  audit: AuditContext;
  api: TmfEventApi;
  input: TTmfEventSubscriptionInput;
  callbackPolicy: CallbackAddressPolicy;
  idempotency?: { scope: string | null; key: string | null };
}): Promise<TTmfEventSubscription> {
  const { db, audit, api, input } = options;
  const query = input.query?.trim() || null;
  const parsed = parseHubQuery(api, query);
  if (!parsed.ok) throw AppError.field('VALIDATION_FAILED', 'body.query', parsed.problem.rule, parsed.problem.message);
  await assertCallbackReachable(input.callback, options.callbackPolicy);
  const idempotency = { scope: options.idempotency?.scope ?? null, key: options.idempotency?.key ?? null, resourceType: `hub:${api}`, body: input };
  const hub = await db.transaction(async (tx) => {
    const { id } = await createOnce(tx, idempotency, async () => {
      const [row] = await tx.insert(tmfHubs).values({ api, callback: input.callback, query, createdBy: audit.actorLabel }).returning();
      await recordAudit(tx, audit, { entityType: 'tmf_hub', entityId: row!.id, action: 'create', after: { api, callback: row!.callback, query } });
      return row!.id;
    });
    return findHub(tx, id);
  });
  if (!hub) throw new AppError('CONFLICT', 'The hub this Idempotency-Key registered has since been deleted: send a new key to register it again');
  // Committed: this process's next change sees the hub (others within the cache's few seconds).
  forgetHubApis();
  return toEventSubscription(hub);
}

/** The callback's host resolves, and only to addresses that may receive events; else a 400 naming `body.callback`. */
async function assertCallbackReachable(callback: string, policy: CallbackAddressPolicy): Promise<void> {
  const check = await checkCallbackHost(new URL(callback), policy);
  if (check.ok) return;
  const field = 'body.callback';
  if (check.problem === 'refused') throw AppError.field('VALIDATION_FAILED', field, 'callback_address', describeRefusal(check.refusal));
  if (check.problem === 'not_found') throw AppError.field('VALIDATION_FAILED', field, 'callback_host', `The callback's host ${check.host} cannot be found`);
  throw AppError.field('VALIDATION_FAILED', field, 'callback_host', `The callback's host ${check.host} could not be looked up (${check.code}): try again`);
}

export function toEventSubscription(row: TmfHubRow): TTmfEventSubscription {
  return { id: row.id, callback: row.callback, ...(row.query ? { query: row.query } : {}) };
}
