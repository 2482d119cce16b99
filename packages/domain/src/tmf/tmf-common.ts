import { z } from 'zod';

/*
 * Shapes shared by every TM Forum Open API (TMF630 conventions, the v4 swaggers' common definitions).
 * Responses are what LineDesk sends; request schemas of each API live in its own file.
 */

/** A period of time: ISO 8601 date-times (`2026-11-26T18:58:46.123Z`). */
export const ZTmfTimePeriod = z.object({
  startDateTime: z.string().optional(),
  endDateTime: z.string().optional(),
});
export type TTmfTimePeriod = z.output<typeof ZTmfTimePeriod>;

/** A name/value pair describing an entity (`Characteristic`). */
export const ZTmfCharacteristic = z.object({
  id: z.string().optional(),
  name: z.string(),
  valueType: z.string().optional(),
  value: z.unknown(),
  '@type': z.string().optional(),
});
export type TTmfCharacteristic = z.output<typeof ZTmfCharacteristic>;

/** A reference to another entity: `{ id, href, name, @referredType }`. */
export const ZTmfRef = z.object({
  id: z.string(),
  href: z.string().optional(),
  name: z.string().optional(),
  '@referredType': z.string().optional(),
});
export type TTmfRef = z.output<typeof ZTmfRef>;

/** A party (or party role) linked to an entity: `RelatedParty`, whose `@referredType` is required. */
export const ZTmfRelatedParty = z.object({
  id: z.string(),
  href: z.string().optional(),
  name: z.string().optional(),
  role: z.string().optional(),
  '@referredType': z.string(),
});
export type TTmfRelatedParty = z.output<typeof ZTmfRelatedParty>;

/** An amount of money: integer cents in LineDesk, `{ unit: 'USD', value: 12.5 }` in TMF. */
export const ZTmfMoney = z.object({ unit: z.string(), value: z.number() });
export type TTmfMoney = z.output<typeof ZTmfMoney>;

/** Integer cents as TMF money in US dollars. */
export function tmfMoney(cents: number): TTmfMoney {
  return { unit: 'USD', value: cents / 100 };
}

/** An absolute http(s) URL an event can be POSTed to, or why not. */
function callbackProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter the callback as an absolute URL (https://example.com/listener)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The callback must be an http or https URL';
  if (url.username || url.password) return 'The callback cannot carry a user name or password';
  return null;
}

/** `POST /hub` (EventSubscriptionInput): where to POST this API's events, and optionally which (`eventType=A,B&field=value`). */
export const ZTmfEventSubscriptionInput = z.object({
  callback: z
    .string({ message: 'Enter the callback URL' })
    .trim()
    .min(1, { message: 'Enter the callback URL' })
    .max(2000, { message: 'The callback URL can be at most 2000 characters' })
    .superRefine((value, ctx) => {
      const problem = callbackProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'url' } });
    }),
  query: z.string({ message: 'The query must be text' }).trim().max(2000, { message: 'The query can be at most 2000 characters' }).nullish(),
});
export type TTmfEventSubscriptionInput = z.output<typeof ZTmfEventSubscriptionInput>;

/** A registered hub (EventSubscription). */
export const ZTmfEventSubscription = z.object({ id: z.string(), callback: z.string(), query: z.string().optional() });
export type TTmfEventSubscription = z.output<typeof ZTmfEventSubscription>;

/**
 * What a hub's callback receives: the event envelope, `event` holding the resource under its name
 * (`{ productOrder: {…} }`). `eventType` is the spec's name (ProductOrderStateChangeEvent, CustomerCreateEvent…).
 */
export const ZTmfEvent = z.object({
  eventId: z.string(),
  eventTime: z.string(),
  eventType: z.string(),
  correlationId: z.string().optional(),
  domain: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  event: z.record(z.string(), z.unknown()),
});
export type TTmfEvent = z.output<typeof ZTmfEvent>;
