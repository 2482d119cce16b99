import { isIP } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import type { TTmfEvent } from '@linedesk/domain';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { outboundErrorReason, OutboundTimeoutError, sendOutbound } from '../../../http/outbound-request.js';
import { RetryableJobError, type JobHandler, type JobHandlers, type JobLogger } from '../../jobs/job-runner.js';
import { enqueueJob, type NewJob } from '../../jobs/use-cases/enqueue-job.js';
import { tmfHref, type TmfRenderContext } from '../kernel/tmf-context.js';
import { callbackAddressRefusal, CallbackAddressRefusedError, guardedLookup, hostOf, type CallbackAddressPolicy } from './callback-address.js';
import { eventSourcesOf, TMF_EVENT_SOURCES, tmfEventType, type TmfEventKind, type TmfEventSource } from './event-sources.js';
import { hubQueryMatches, needsResource, parseHubQuery, type HubQuery } from './hub-query.js';
import { isTmfEventApi } from './tmf-event-apis.js';
import {
  stableEventId,
  TMF_CALLBACK_TIMEOUT_MS,
  TMF_DELIVERY_JOB,
  TMF_EVENTS_JOB,
  tmfDeliveryJob,
  type TmfDeliveryPayload,
  type TmfEventRow,
  type TmfEventsPayload,
} from './tmf-event-jobs.js';
import { findHub, listHubs } from './use-cases/find-hub.js';

export type TmfEventDeps = {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'host' | 'port' | 'tmfCallbackAllowLocal'>;
  log: JobLogger;
  /** How long one POST to a callback may take (default TMF_CALLBACK_TIMEOUT_MS). */
  callbackTimeoutMs?: number;
};

/** The TMF event job handlers, by kind: every worker (in-process or `npm run worker`) runs them. */
export function tmfEventJobHandlers(deps: TmfEventDeps): JobHandlers {
  return { [TMF_EVENTS_JOB]: fanOutTmfEvents(deps), [TMF_DELIVERY_JOB]: deliverTmfEvent(deps) };
}

/**
 * The base URL of hrefs in events: PUBLIC_URL, else the server's own listening address (main.ts fills
 * `publicUrl` with it; a worker process without PUBLIC_URL assumes the server listens at HOST:PORT).
 */
export function tmfEventBaseUrl(config: TmfEventDeps['config']): string {
  return config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
}

// A status or reason noted beside a state change is part of it, not an attribute change.
const NOT_ATTRIBUTES = new Set(['reason']);
// Audit actions that bring a record into being (stock is received) or end it.
const CREATE_ACTIONS = new Set(['create', 'receive']);
const DELETE_ACTIONS = new Set(['delete']);

/** The events one audit row means for one of its resources, in order (those the resource's spec names). */
export function eventKindsOf(row: TmfEventRow, source: TmfEventSource): TmfEventKind[] {
  if (CREATE_ACTIONS.has(row.action)) return ['Create'];
  if (DELETE_ACTIONS.has(row.action)) return ['Delete'];
  const stateField = source.state?.auditField;
  const state = stateField ? row.states[stateField] : undefined;
  // A move between LineDesk states the TMF resource shows alike (an order Ready, then Sent: inProgress both
  // times) is no state change of the resource: it tells as an attribute change.
  const stateChanged = state !== undefined && !isDeepStrictEqual(source.state!.fieldsOf(state.from), source.state!.fieldsOf(state.to));
  const kinds: TmfEventKind[] = [];
  if (stateChanged) kinds.push('StateChange');
  if (row.fields.some((field) => (field !== stateField || !stateChanged) && !NOT_ATTRIBUTES.has(field))) kinds.push('AttributeValueChange');
  return kinds;
}

type HubWithQuery = { id: string; api: string; query: HubQuery };

/** `tmf.events`: one transaction's audit rows → one delivery job per (hub, event) whose query matches. */
function fanOutTmfEvents(deps: TmfEventDeps): JobHandler {
  const { db, log } = deps;
  return {
    run: async (job) => {
      const payload = job.payload as TmfEventsPayload;
      const apis = [...new Set(payload.rows.flatMap((row) => eventSourcesOf(row.entityType).map((source) => source.api)))];
      const hubs: HubWithQuery[] = [];
      for (const hub of await listHubs(db, apis)) {
        if (!isTmfEventApi(hub.api)) continue;
        const parsed = parseHubQuery(hub.api, hub.query);
        if (parsed.ok) hubs.push({ id: hub.id, api: hub.api, query: parsed.query });
        else log.warn({ hubId: hub.id, query: hub.query }, 'TMF hub query no longer understood: the hub gets nothing');
      }
      if (hubs.length === 0) return;

      const ctx: TmfRenderContext = { db, baseUrl: tmfEventBaseUrl(deps.config) };
      const deliveries: NewJob[] = [];
      for (const [index, row] of payload.rows.entries()) {
        for (const source of eventSourcesOf(row.entityType)) {
          const listening = hubs.filter((hub) => hub.api === source.api);
          if (listening.length === 0) continue;
          const kinds = eventKindsOf(row, source).filter((kind) => !source.expand || source.expand.kinds.includes(kind));
          if (kinds.length === 0) continue;
          const entityIds = source.expand ? await source.expand.idsOf(db, row.entityId) : [row.entityId];
          for (const [kind, entityId] of kinds.flatMap((kind) => entityIds.map((id) => [kind, id] as const))) {
            const eventType = tmfEventType(source, kind);
            if (!eventType) continue;
            const event: Omit<TmfDeliveryPayload, 'hubId'> = {
              eventId: stableEventId(`${job.id}:${index}:${source.resource}:${entityId}:${kind}`),
              eventType,
              kind,
              entityType: row.entityType,
              resource: source.resource,
              entityId,
              eventTime: row.at,
              correlationId: row.correlationId !== undefined ? row.correlationId : payload.correlationId,
              state: announcedState(row, source),
              fields: row.fields,
            };
            // A hub filtering on the resource's fields needs it now: rendered once for all of them.
            let resource: Record<string, unknown> | undefined;
            for (const hub of listening) {
              if (needsResource(hub.query)) resource ??= await eventResource(ctx, source, event);
              if (!hubQueryMatches(hub.query, { eventType, resourceName: source.resource, resource: resource ?? null })) continue;
              deliveries.push(tmfDeliveryJob({ hubId: hub.id, ...event }));
            }
          }
        }
      }
      if (deliveries.length === 0) return;
      await db.transaction(async (tx) => {
        for (const delivery of deliveries) await enqueueJob(tx, delivery);
      });
    },
  };
}

function announcedState(row: TmfEventRow, source: TmfEventSource): TmfDeliveryPayload['state'] {
  const field = source.state?.auditField;
  const change = field ? row.states[field] : undefined;
  return field && change ? { field, to: change.to } : null;
}

/**
 * The resource an event carries: rendered now by the API's own renderer, in the state the change moved it
 * to when the change moved (or set) it, so state changes delivered late still announce each state in turn;
 * an attribute change alone carries the resource as it is when sent. A deleted record (or one gone since)
 * is carried as its id, href and type.
 */
async function eventResource(ctx: TmfRenderContext, source: TmfEventSource, event: Pick<TmfDeliveryPayload, 'kind' | 'entityId' | 'state'>): Promise<Record<string, unknown>> {
  const rendered = event.kind === 'Delete' ? undefined : (await source.render(ctx, [event.entityId]))[0];
  const resource = rendered ?? {
    id: event.entityId,
    href: tmfHref(ctx.baseUrl, source.resourcePath, event.entityId),
    '@type': source.type,
    ...(source.baseType ? { '@baseType': source.baseType } : {}),
  };
  const announced = event.state && source.state && rendered ? source.state.fieldsOf(event.state.to) : null;
  return announced ? { ...resource, ...announced } : resource;
}

const TITLES: Record<TmfEventKind, string> = { Create: 'created', AttributeValueChange: 'changed', StateChange: 'state changed', Delete: 'deleted' };

/** `tmf.event.deliver`: renders the event's resource and POSTs the envelope to the hub's callback; 2xx is delivered, anything else is retried. */
function deliverTmfEvent(deps: TmfEventDeps): JobHandler {
  const { db, log } = deps;
  const timeoutMs = deps.callbackTimeoutMs ?? TMF_CALLBACK_TIMEOUT_MS;
  const policy: CallbackAddressPolicy = { allowLocal: deps.config.tmfCallbackAllowLocal };
  return {
    run: async (job) => {
      const payload = job.payload as TmfDeliveryPayload;
      const hub = await findHub(db, payload.hubId);
      if (!hub) {
        log.info({ jobId: job.id, hubId: payload.hubId, eventId: payload.eventId }, 'TMF event dropped: its hub was deleted');
        return;
      }
      const source = TMF_EVENT_SOURCES.find((candidate) => candidate.entityType === payload.entityType && candidate.resource === payload.resource);
      if (!source) throw new AppError('INTERNAL', `No TMF resource shows ${payload.entityType} records as ${payload.resource}`);
      const ctx: TmfRenderContext = { db, baseUrl: tmfEventBaseUrl(deps.config) };
      const resource = await eventResource(ctx, source, payload);
      const envelope: TTmfEvent = {
        eventId: payload.eventId,
        eventTime: payload.eventTime,
        eventType: payload.eventType,
        ...(payload.correlationId ? { correlationId: payload.correlationId } : {}),
        domain: source.api.split('/')[0]!,
        title: `${source.type} ${TITLES[payload.kind as TmfEventKind] ?? payload.kind}`,
        ...(payload.kind === 'AttributeValueChange' ? { description: `Changed: ${payload.fields.join(', ')}` } : {}),
        event: { [source.resource]: resource },
      };
      await postEvent(hub.callback, envelope, { timeoutMs, policy });
    },
    onGiveUp: async (job, reason) => {
      const payload = job.payload as TmfDeliveryPayload;
      log.error({ jobId: job.id, hubId: payload.hubId, eventId: payload.eventId, eventType: payload.eventType, reason }, 'TMF event not delivered: gave up on the callback');
    },
  };
}

/**
 * POSTs the envelope, connecting only to an address the policy allows: a name is resolved by
 * `guardedLookup` on connecting, on a connection of this try's own (so a name that resolves elsewhere since
 * the hub was registered is refused), an address in the URL is checked here. No redirect is followed; the
 * answer's body is drained unread.
 */
async function postEvent(callback: string, envelope: TTmfEvent, options: { timeoutMs: number; policy: CallbackAddressPolicy }): Promise<void> {
  const { timeoutMs, policy } = options;
  const url = new URL(callback);
  const host = hostOf(url);
  if (isIP(host)) {
    const refusal = callbackAddressRefusal(host, policy);
    // An address written in the URL cannot change: no later try would do better.
    if (refusal) throw new AppError('RULE_VIOLATED', new CallbackAddressRefusedError(refusal).message);
  }
  let status: number;
  try {
    ({ status } = await sendOutbound(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'LineDesk', 'x-linedesk-event-id': envelope.eventId },
      body: JSON.stringify(envelope),
      timeoutMs,
      connection: 'own',
      lookup: guardedLookup(policy),
      readBody: false,
    }));
  } catch (error) {
    if (error instanceof CallbackAddressRefusedError) throw new RetryableJobError(error.message, { cause: error });
    const reason = error instanceof OutboundTimeoutError ? `callback did not answer within ${timeoutMs} ms` : `callback unreachable: ${outboundErrorReason(error)}`;
    throw new RetryableJobError(reason, { cause: error });
  }
  if (status < 200 || status > 299) throw new RetryableJobError(`callback answered ${status}`);
}
