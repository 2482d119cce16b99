import { TMF_EVENT_TYPES, type TmfEventApi } from './tmf-event-apis.js';

/**
 * A hub's filter (its `query`), in the TMF630 style: conditions joined by `&`, each `name=value` with
 * alternatives separated by commas; an event passes when every condition holds.
 *   - `eventType=ProductOrderStateChangeEvent,ProductOrderCreateEvent`: the event's type is one of these;
 *   - `state=completed`, `productOrder.state=completed` or `event.productOrder.state=completed`: that field
 *     of the resource the event carries (a dotted path; through lists, any element matches) equals one of the values.
 */
export type HubQuery = { eventTypes: ReadonlySet<string> | null; fields: { path: string[]; values: string[] }[] };

export type HubQueryProblem = { rule: string; message: string };

const NAME = /^[A-Za-z@][A-Za-z0-9@_-]*(\.[A-Za-z@][A-Za-z0-9@_-]*)*$/;

/** Reads a hub's query, or says what is wrong with it (for the API it subscribes to). */
export function parseHubQuery(api: TmfEventApi, query: string | null | undefined): { ok: true; query: HubQuery } | { ok: false; problem: HubQueryProblem } {
  const fields: HubQuery['fields'] = [];
  const eventTypeConditions: string[][] = [];
  const text = (query ?? '').trim().replace(/^\?/, '');
  if (!text) return { ok: true, query: { eventTypes: null, fields } };
  for (const part of text.split('&')) {
    if (!part) continue;
    const at = part.indexOf('=');
    const name = decode(at < 0 ? part : part.slice(0, at)).trim();
    const values = at < 0 ? [] : decode(part.slice(at + 1)).split(',').map((value) => value.trim()).filter(Boolean);
    if (!NAME.test(name) || values.length === 0) {
      return { ok: false, problem: { rule: 'query_syntax', message: `Write the query as name=value conditions joined by & (e.g. eventType=${TMF_EVENT_TYPES[api][0]}); "${part}" is not one` } };
    }
    if (name === 'eventType') {
      const known: readonly string[] = TMF_EVENT_TYPES[api];
      const unknown = values.find((value) => !known.includes(value));
      if (unknown) return { ok: false, problem: { rule: 'unknown_event_type', message: `${unknown} is not an event of ${api}; it has ${known.join(', ')}` } };
      eventTypeConditions.push(values);
      continue;
    }
    fields.push({ path: name.split('.'), values });
  }
  // Given twice, both conditions hold: the types named in each.
  const eventTypes = eventTypeConditions.length ? new Set(eventTypeConditions.reduce((kept, values) => kept.filter((value) => values.includes(value)))) : null;
  return { ok: true, query: { eventTypes, fields } };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

/** Whether the query names a field of the resource (then the resource is needed to decide). */
export function needsResource(query: HubQuery): boolean {
  return query.fields.length > 0;
}

/**
 * Whether an event passes a hub's query. `resource` is what the event carries under `resourceName`
 * (`productOrder`); a field path may start with `event.<resourceName>.` or `<resourceName>.`.
 */
export function hubQueryMatches(query: HubQuery, event: { eventType: string; resourceName: string; resource: Record<string, unknown> | null }): boolean {
  if (query.eventTypes && !query.eventTypes.has(event.eventType)) return false;
  for (const condition of query.fields) {
    let path = condition.path;
    if (path[0] === 'event') path = path.slice(1);
    if (path[0] === event.resourceName && path.length > 1) path = path.slice(1);
    const found = valuesAt(event.resource, path).map((value) => String(value));
    if (!condition.values.some((value) => found.includes(value))) return false;
  }
  return true;
}

/** The scalar values at a dotted path, stepping into every element of a list on the way. */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return typeof value === 'object' ? [] : [value];
  if (typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[path[0]!], path.slice(1));
}
