/**
 * The two read routes every TMF resource has, registered the same way for each API:
 *
 *   registerTmfReadRoutes(app, {
 *     path: TMF_CUSTOMER_PATH, tags, access: ANY_ROLE, db,
 *     resourceSchema: ZTmfCustomer.partial(),          // one item as answered (fields= may drop attributes)
 *     summaries: { list: 'Customers, newest first', one: 'One customer' },
 *     filterable: ['id', 'name'],
 *     list: async (query, ctx) => listSomethingPage(...),  // { ids, total } (rendered with `render`) or { items, total }
 *     render: renderCustomers,                              // the renderer the events use too
 *     notFound: 'customer',                                 // 404 "No customer with id …"
 *   });
 *
 * - `GET <path>`: `parseTmfListQuery` (400 on bad paging or an unknown filter), the page, rendered,
 *   answered with `replyTmfList` (X-Total-Count, X-Result-Count, `fields=` projection);
 * - `GET <path>/:id`: the one resource rendered (404 when unknown), projected by `fields=`.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/client.js';
import type { RouteAccess } from '../../../http/access.js';
import { AppError } from '../../../http/app-error.js';
import { typed, type App } from '../../../http/app-context.js';
import { TMF_PREFIX, tmfBaseUrl, type TmfRenderContext } from './tmf-context.js';
import { parseTmfListQuery, projectTmfFields, replyTmfList, type TmfListQuery, type TmfPage } from './tmf-list.js';

/** A list's page: the ids on it (rendered by the routes' renderer) or the resources themselves, and how many match in all. */
export type TmfListPage<T> = { ids: string[]; total: number } | TmfPage<T>;

/** How to read one resource by its path id: the renderer, the noun of the 404, and which ids can be one (normalised; null: none). */
export type TmfOneReader<T> = {
  render: (ctx: TmfRenderContext, ids: string[]) => Promise<T[]>;
  /** The resource's name in the 404 reason: `No <notFound> with id <id>`. */
  notFound: string;
  /** The id to render for a path id, or null when it cannot be one (a 404 without reading). Default: as given. */
  idOf?: (id: string) => string | null;
};

export type TmfReadRoutes<T extends object> = TmfOneReader<T> & {
  db: DbOrTx;
  /** Resource path under /tmf-api, e.g. `customerManagement/v4/customer`. */
  path: string;
  tags: string[];
  access: RouteAccess;
  /** The schema of one answered item; items may be projected, so it must accept them (e.g. `ZTmfCustomer.partial()`). */
  resourceSchema: z.ZodType;
  summaries: { list: string; one: string };
  filterable: readonly string[];
  /** Said after the filterable attributes in the list's description, e.g. `(name: the whole name, exactly)`. */
  filterNote?: string;
  /** The list's whole description, when the usual one does not fit. */
  listDescription?: string;
  /** One page of the list for the parsed query (filters are checked by the list itself with `tmfFilterValue`). */
  list: (query: TmfListQuery, ctx: TmfRenderContext) => Promise<TmfListPage<T>>;
};

const ZParams = z.object({ id: z.string().min(1).max(200) });
const ZFields = z.object({ fields: z.string().optional() });

/** The TMF render context of a request: the database and the base URL the caller reached us at. */
export function tmfRenderContextOf(db: DbOrTx, request: FastifyRequest): TmfRenderContext {
  return { db, baseUrl: tmfBaseUrl(request) };
}

/** One resource rendered, or a 404 `No <notFound> with id <id>`. */
export async function renderTmfOne<T>(reader: TmfOneReader<T>, ctx: TmfRenderContext, id: string): Promise<T> {
  const wanted = reader.idOf ? reader.idOf(id) : id;
  const [resource] = wanted === null ? [] : await reader.render(ctx, [wanted]);
  if (!resource) throw new AppError('NOT_FOUND', `No ${reader.notFound} with id ${id}`);
  return resource;
}

/** Registers `GET <path>` (the paged, filtered, projected list) and `GET <path>/:id` (one, projected). */
export function registerTmfReadRoutes<T extends object>(app: App, options: TmfReadRoutes<T>): void {
  const url = `${TMF_PREFIX}/${options.path}`;
  const { db, tags, access } = options;
  const note = options.filterNote ? ` ${options.filterNote}` : '';
  const description =
    options.listDescription ??
    `Paged with offset and limit (X-Total-Count, X-Result-Count), projected with fields=, filtered by ${options.filterable.join(', ')}${note}.`;

  typed(app).get(
    url,
    {
      config: { access },
      schema: { tags, summary: options.summaries.list, description, response: { 200: z.array(options.resourceSchema) } },
    },
    async (request, reply) => {
      const query = parseTmfListQuery(request.query, options.filterable);
      const ctx = tmfRenderContextOf(db, request);
      const page = await options.list(query, ctx);
      const items = 'ids' in page ? await options.render(ctx, page.ids) : page.items;
      return replyTmfList(reply, { items, total: page.total }, query);
    },
  );

  typed(app).get(
    `${url}/:id`,
    {
      config: { access },
      schema: { tags, summary: options.summaries.one, params: ZParams, querystring: ZFields, response: { 200: options.resourceSchema } },
    },
    async (request) => {
      const resource = await renderTmfOne(options, tmfRenderContextOf(db, request), request.params.id);
      const { fields } = parseTmfListQuery({ fields: request.query.fields }, []);
      return projectTmfFields(resource, fields);
    },
  );
}
