/**
 * TM Forum list conventions (TMF630), shared by every /tmf-api API:
 *
 *   const query = parseTmfListQuery(request.query, ['id', 'name', 'status']);   // 400 on a bad offset/limit/unknown filter
 *   const state = tmfFilterValue(query.filters, 'state', tmfEnum(TMF_ORDER_STATES)); // 400 naming query.state on a bad value
 *   const since = tmfFilterValue(query.filters, 'orderDate', tmfDateTime);        // a Date (millisecond precision)
 *   const id = tmfFilterValue(query.filters, 'id', tmfUuid);                      // undefined when not filtered
 *   const page = await listSomething({ db, offset: query.offset, limit: query.limit, ... }); // { items, total }
 *   return replyTmfList(reply, page, query);  // X-Total-Count, X-Result-Count, `fields=` projection, 200
 *
 *   // One resource (GET …/{id}?fields=a,b): only `fields` is read.
 *   return projectTmfFields(resource, parseTmfFields(request.query));
 *
 * - `offset` (default 0) and `limit` (default 100, at most 1000) page the list; `fields=a,b` keeps
 *   only those top-level attributes (plus id, href, @type, @baseType, @schemaLocation);
 * - every other query parameter is an attribute equality filter: it must be one the route lists
 *   as filterable, else 400 VALIDATION_FAILED naming `query.<name>` (rule `unknown_filter`);
 * - `tmfFilterValue(filters, name, parser)` checks one filter's value with a parser (`tmfUuid`,
 *   `tmfDateTime`, `tmfEnum(values)`, `tmfText`, or your own `TmfFilterParser`), failing the same way.
 * A response schema for a list route must accept projected items (e.g. `ZTmfCustomer.partial()`),
 * since `fields=` drops attributes the full schema requires.
 */
import type { FastifyReply } from 'fastify';
import { fieldsError } from '../../../http/validate.js';

export const TMF_DEFAULT_LIMIT = 100;
export const TMF_MAX_LIMIT = 1000;

/** A list request's paging, projection and attribute equality filters. */
export type TmfListQuery = {
  offset: number;
  limit: number;
  /** Top-level attributes to keep (`fields=`), or null for the whole resource. */
  fields: string[] | null;
  /** Attribute equality filters, by attribute name, as given (already checked against the route's filterable list). */
  filters: Record<string, string>;
};

/** One page of a list: the items on it and how many match in all. */
export type TmfPage<T> = { items: T[]; total: number };

/** Attributes a projection always keeps: they identify the resource. */
const ALWAYS_KEPT = ['id', 'href', '@type', '@baseType', '@schemaLocation'] as const;
const RESERVED = new Set(['offset', 'limit', 'fields']);

type Problem = { path: string[]; rule: string; message: string };

/**
 * Reads `offset`, `limit`, `fields` and the attribute equality filters from a list request's query.
 * Every problem is reported at once, each naming `query.<parameter>`.
 */
export function parseTmfListQuery(query: unknown, filterable: readonly string[]): TmfListQuery {
  const params = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  const single = (name: string): string | undefined => {
    const value = params[name];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    problems.push({ path: [name], rule: 'repeated', message: `Give ${name} once` });
    return undefined;
  };

  const offset = integerParam(single('offset'), 'offset', 0, 0, Number.MAX_SAFE_INTEGER, problems);
  const limit = integerParam(single('limit'), 'limit', TMF_DEFAULT_LIMIT, 1, TMF_MAX_LIMIT, problems);

  const fields = fieldsParam(single('fields'), problems);

  const allowed = new Set(filterable);
  const filters: Record<string, string> = {};
  for (const name of Object.keys(params)) {
    if (RESERVED.has(name)) continue;
    if (!allowed.has(name)) {
      const known = filterable.length > 0 ? `filter on ${filterable.join(', ')}` : 'no attribute filters';
      problems.push({ path: [name], rule: 'unknown_filter', message: `Not a filter of this list (it takes offset, limit, fields and ${known})` });
      continue;
    }
    const value = single(name);
    if (value !== undefined) filters[name] = value;
  }

  if (problems.length > 0) throw fieldsError(problems, 'query');
  return { offset, limit, fields, filters };
}

/**
 * The `fields=` projection of a single-resource GET (`…/{id}?fields=name,status`): the attributes
 * to keep, or null for the whole resource. Other query parameters are left to the route's schema.
 */
export function parseTmfFields(query: unknown): string[] | null {
  const value = query && typeof query === 'object' ? (query as Record<string, unknown>).fields : undefined;
  const problems: Problem[] = [];
  if (value !== undefined && typeof value !== 'string') problems.push({ path: ['fields'], rule: 'repeated', message: 'Give fields once' });
  const fields = fieldsParam(typeof value === 'string' ? value : undefined, problems);
  if (problems.length > 0) throw fieldsError(problems, 'query');
  return fields;
}

function fieldsParam(text: string | undefined, problems: Problem[]): string[] | null {
  if (text === undefined) return null;
  const names = text.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) {
    problems.push({ path: ['fields'], rule: 'required', message: 'List the attributes to return, separated by commas (fields=id,name)' });
    return null;
  }
  // `fields=relatedParty.name` keeps the whole top-level attribute (relatedParty).
  return [...new Set(names.map((name) => name.split('.')[0] as string))];
}

function integerParam(text: string | undefined, name: string, fallback: number, min: number, max: number, problems: Problem[]): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim())) {
    problems.push({ path: [name], rule: 'integer', message: `${name} must be a whole number from ${min} to ${max}` });
    return fallback;
  }
  const value = Number(text.trim());
  if (value < min) problems.push({ path: [name], rule: 'min', message: `${name} must be at least ${min}` });
  else if (value > max) problems.push({ path: [name], rule: 'max', message: `${name} must be at most ${max}` });
  return value;
}

/** The resource with only the listed top-level attributes (and what identifies it); the whole resource when `fields` is null. */
export function projectTmfFields<T extends object>(resource: T, fields: readonly string[] | null): Partial<T> {
  if (fields === null) return resource;
  const keep = new Set<string>([...ALWAYS_KEPT, ...fields]);
  const projected: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) if (keep.has(key)) projected[key] = value;
  return projected as Partial<T>;
}

/**
 * Answers a list: 200 with the page's items projected by `fields=`, `X-Total-Count` (how many match
 * in all) and `X-Result-Count` (how many this answer carries).
 */
export function replyTmfList<T extends object>(reply: FastifyReply, page: TmfPage<T>, query: Pick<TmfListQuery, 'fields'>): Partial<T>[] {
  reply.status(200).header('x-total-count', String(page.total)).header('x-result-count', String(page.items.length));
  return page.items.map((item) => projectTmfFields(item, query.fields));
}

/** Checks one filter's raw value: its parsed value, or why it is not acceptable (a stable rule and a message). */
export type TmfFilterParser<T> = (raw: string) => { ok: true; value: T } | { ok: false; rule: string; message: string };

/**
 * One attribute equality filter's value, parsed; undefined when the request does not filter on it.
 * A value the parser refuses is a 400 VALIDATION_FAILED naming `query.<name>`.
 */
export function tmfFilterValue<T>(filters: Readonly<Record<string, string>>, name: string, parse: TmfFilterParser<T>): T | undefined {
  const raw = filters[name];
  if (raw === undefined) return undefined;
  const parsed = parse(raw);
  if (parsed.ok) return parsed.value;
  throw fieldsError([{ path: [name], rule: parsed.rule, message: parsed.message }], 'query');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A resource id (uuid), lower-cased. */
export const tmfUuid: TmfFilterParser<string> = (raw) =>
  UUID.test(raw) ? { ok: true, value: raw.toLowerCase() } : { ok: false, rule: 'uuid', message: 'Must be an id (UUID)' };

/** Any non-empty text, as given. */
export const tmfText: TmfFilterParser<string> = (raw) =>
  raw.length > 0 ? { ok: true, value: raw } : { ok: false, rule: 'required', message: 'Give a value to filter on' };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO 8601 date-time with a time zone (`2026-11-26T18:58:46.123Z`, `…+02:00`), as a Date. The
 * answers carry milliseconds, so digits beyond them are dropped; a date that does not exist (Feb 30) is refused.
 */
export const tmfDateTime: TmfFilterParser<Date> = (raw) => {
  const refused = { ok: false as const, rule: 'date_time', message: 'Must be an ISO 8601 date-time with a time zone, like 2026-01-31T09:30:00.000Z' };
  const match = DATE_TIME.exec(raw);
  if (!match) return refused;
  const [, year, month, day, hour, minute, second = '00', fraction = ''] = match;
  const probe = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const realDay = probe.getUTCFullYear() === Number(year) && probe.getUTCMonth() === Number(month) - 1 && probe.getUTCDate() === Number(day);
  if (!realDay || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return refused;
  const milliseconds = fraction ? fraction.slice(0, 4).padEnd(4, '0') : ''; // '.123'
  const normalised = raw.replace(DATE_TIME, (_all, y, mo, d, h, mi, s = '00', _f, zone: string) => {
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${y}-${mo}-${d}T${h}:${mi}:${s}${milliseconds}${offset}`;
  });
  const time = Date.parse(normalised);
  return Number.isNaN(time) ? refused : { ok: true, value: new Date(time) };
};

/** One of a fixed set of values (a TMF state, a resource kind), matched exactly. */
export function tmfEnum<V extends string>(values: readonly V[]): TmfFilterParser<V> {
  return (raw) =>
    (values as readonly string[]).includes(raw) ? { ok: true, value: raw as V } : { ok: false, rule: 'option', message: `Must be one of: ${values.join(', ')}` };
}
