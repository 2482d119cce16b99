import { createHash } from 'node:crypto';
import type { NewJob } from '../../jobs/use-cases/enqueue-job.js';

/**
 * The TMF event jobs. A change to a record some hub listens to enqueues one `tmf.events` job with its
 * transaction, carrying the audit rows (what changed, not the resource); that job fans out to one
 * `tmf.event.deliver` job per hub and event, which renders the resource and POSTs it, retried on its own.
 */
export const TMF_EVENTS_JOB = 'tmf.events';
export const TMF_DELIVERY_JOB = 'tmf.event.deliver';

/** Tries of one callback before the event is given up (logged): with the default backoff, some minutes. */
export const TMF_DELIVERY_MAX_ATTEMPTS = 10;
/** How long one POST to a callback may take; past it the try counts as failed and is retried. */
export const TMF_CALLBACK_TIMEOUT_MS = 10_000;

/** What an audit row says about a record, as the events job carries it. */
export type TmfEventRow = {
  entityType: string;
  entityId: string;
  action: string;
  /** The names of the fields the change touched (LineDesk's names). */
  fields: string[];
  /** The state fields it moved (`status`, `isActive`…): where from and where to. */
  states: Record<string, { from: unknown; to: unknown }>;
  /** When it happened (ISO 8601). */
  at: string;
  /** The request that made it, when it is not the payload's (requests written together in one transaction). */
  correlationId?: string | null;
};

export type TmfEventsPayload = { correlationId: string | null; rows: TmfEventRow[] };

/** One event for one hub: enough to render and send it when its turn comes. */
export type TmfDeliveryPayload = {
  hubId: string;
  eventId: string;
  eventType: string;
  kind: string;
  entityType: string;
  /** Which resource of the entity type (a carrier's product is an offering and a specification). */
  resource: string;
  entityId: string;
  eventTime: string;
  correlationId: string | null;
  /** The state the change moved the record to, announced on the resource whenever the event is sent. */
  state: { field: string; to: unknown } | null;
  fields: string[];
};

export function tmfEventsJob(payload: TmfEventsPayload): NewJob {
  return { kind: TMF_EVENTS_JOB, payload };
}

export function tmfDeliveryJob(payload: TmfDeliveryPayload): NewJob {
  return {
    kind: TMF_DELIVERY_JOB,
    payload,
    // The fan-out may run again (its worker died): the same event for the same hub is one job.
    dedupeKey: `${TMF_DELIVERY_JOB}:${payload.hubId}:${payload.eventId}`,
    maxAttempts: TMF_DELIVERY_MAX_ATTEMPTS,
  };
}

/** A stable UUID-shaped id from a key, so an event keeps its id however often its fan-out runs. */
export function stableEventId(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
