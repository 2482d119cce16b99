import {
  IDENTIFIER_KINDS,
  INVENTORY_STATUSES,
  MODEL_SOURCES,
  ZIdentifierKind,
  ZReceiveStockItem,
  ZStockChoices,
  ZStockImportReport,
  ZStockImportRequest,
  ZStockItem,
  ZStockItemDetail,
  ZStockListQuery,
  ZStockPage,
  ZStockStatusChange,
  ZTac,
  ZTacInput,
  ZTacListQuery,
  ZUpdateStockItem,
} from '@linedesk/domain';
import { z } from 'zod';
import { ADMIN_ONLY, ANY_ROLE, auditContextOf, type RouteAccess } from '../../http/access.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';
import { loadStockReferences } from './stock-references.js';
import { changeStockStatus } from './use-cases/change-stock-status.js';
import { deleteTac } from './use-cases/delete-tac.js';
import { getStockItem } from './use-cases/get-stock-item.js';
import { importStockCsv } from './use-cases/import-stock-csv.js';
import { listStockItems } from './use-cases/list-stock-items.js';
import { listStockLocations } from './use-cases/list-stock-locations.js';
import { listTacs } from './use-cases/list-tacs.js';
import { lookUpIdentifier } from './use-cases/look-up-identifier.js';
import { receiveStockItem } from './use-cases/receive-stock-item.js';
import { saveTac } from './use-cases/save-tac.js';
import { updateStockItem } from './use-cases/update-stock-item.js';

/** Who receives, moves and writes off stock. Agents and viewers read and search it. */
const STOCK_KEEPERS: RouteAccess = ['admin', 'inventory'];
/** A stock file of 200,000 rows is about 25 MB. */
const IMPORT_BODY_LIMIT = 40 * 1024 * 1024;

const ZItemParams = z.object({ id: z.uuid({ message: 'must be a stock item id (UUID)' }) });
const ZTacParams = z.object({ tac: z.string().regex(/^\d{8}$/, { message: 'A TAC is 8 digits' }) });
const ZDeviceModel = z.object({ make: z.string().nullable(), model: z.string().nullable(), source: z.enum(MODEL_SOURCES).nullable() });

export function registerInventoryRoutes(app: App, context: AppContext): void {
  const { database, secrets } = context;
  const { db } = database;
  const tags = ['Inventory'];
  const refs = () => loadStockReferences({ db, secrets });

  typed(app).get(
    '/api/inventory/lookup',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'Classify a scanned identifier (ESN, MEID, IMEI, ICCID, EID) and find it in stock',
        querystring: z.object({
          value: z.string().trim().min(1).max(120),
          expect: z
            .string()
            .optional()
            .transform((list) => (list ? list.split(',').filter(Boolean) : []))
            .pipe(z.array(ZIdentifierKind)),
        }),
        response: {
          200: z.object({
            kind: z.enum(IDENTIFIER_KINDS),
            value: z.string(),
            display: z.string(),
            notes: z.array(z.string()),
            stock: z.object({ status: z.enum(INVENTORY_STATUSES), carrierCode: z.string(), make: z.string().nullable(), model: z.string().nullable() }).nullable(),
            device: ZDeviceModel.nullable(),
          }),
        },
      },
    },
    async (request) => lookUpIdentifier({ db, value: request.query.value, expect: request.query.expect }),
  );

  typed(app).get(
    '/api/inventory/items',
    {
      config: { access: ANY_ROLE },
      schema: { tags, summary: 'Stock items, newest first: search by any identifier or part of one, filter, page', querystring: ZStockListQuery, response: { 200: ZStockPage } },
    },
    async (request) => listStockItems({ db, query: request.query }),
  );

  typed(app).post(
    '/api/inventory/items',
    {
      config: { access: STOCK_KEEPERS },
      schema: { tags, summary: 'Receive one item into stock (Available)', body: ZReceiveStockItem, response: { 201: ZStockItem } },
    },
    async (request, reply) => reply.status(201).send(await receiveStockItem({ db, audit: auditContextOf(request), refs: await refs(), input: request.body })),
  );

  typed(app).get(
    '/api/inventory/items/:id',
    {
      config: { access: ANY_ROLE },
      schema: { tags, summary: 'One item with its identifiers, the status changes open to it, and its history', params: ZItemParams, response: { 200: ZStockItemDetail } },
    },
    async (request) => getStockItem({ db, id: request.params.id }),
  );

  typed(app).patch(
    '/api/inventory/items/:id',
    {
      config: { access: STOCK_KEEPERS },
      schema: {
        tags,
        summary: "Edit an item's make, model, location, agent, cost, received date or purchase order",
        description: 'A field left out is kept; null clears it. Identifiers, kind, carrier and status are not edited here.',
        params: ZItemParams,
        body: ZUpdateStockItem,
        response: { 200: ZStockItem },
      },
    },
    async (request) => updateStockItem({ db, audit: auditContextOf(request), refs: await refs(), id: request.params.id, input: request.body }),
  );

  typed(app).post(
    '/api/inventory/items/:id/status',
    {
      config: { access: STOCK_KEEPERS },
      schema: {
        tags,
        summary: 'Change an item’s status by hand, with a reason (Defective, Removed, Returned, back to Available)',
        description: 'Follows the inventory transition table. Reserved and Active are set only by orders and are refused here.',
        params: ZItemParams,
        body: ZStockStatusChange,
        response: { 200: ZStockItem },
      },
    },
    async (request) => changeStockStatus({ db, audit: auditContextOf(request), id: request.params.id, change: request.body }),
  );

  // The import takes a CSV file as the body (text/csv, named by ?fileName=) or as JSON {fileName, csv}.
  void app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    typed(scope).post(
      '/api/inventory/imports',
      {
        config: { access: STOCK_KEEPERS },
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Receive stock from a CSV file: a report of accepted, already-in-stock and refused rows',
          description:
            'Header row, then one item per row. Every row is checked; the valid new rows are committed together and the others reported with their line, column and reason. Importing the same file again creates nothing.',
          querystring: z.object({ fileName: z.string().trim().min(1).max(200).optional() }),
          body: z.union([ZStockImportRequest, z.string().min(1, { message: 'The file is empty' })]),
          response: { 200: ZStockImportReport },
        },
      },
      async (request) => {
        const { body } = request;
        const file = typeof body === 'string' ? { fileName: request.query.fileName ?? 'upload.csv', csv: body } : body;
        return importStockCsv({ db, audit: auditContextOf(request), refs: await refs(), ...file });
      },
    );
  });

  typed(app).get(
    '/api/inventory/choices',
    {
      config: { access: ANY_ROLE },
      schema: { tags, summary: 'Carriers and agents stock can belong to, and the locations in use', response: { 200: ZStockChoices } },
    },
    async () => {
      const [references, locations] = await Promise.all([refs(), listStockLocations({ db })]);
      const list = (map: Map<string, string>) => [...map].map(([code, name]) => ({ code, name }));
      return { carriers: list(references.carriers), agents: list(references.agents), locations };
    },
  );

  typed(app).get(
    '/api/inventory/tacs',
    { config: { access: ANY_ROLE }, schema: { tags, summary: 'The TAC table: make and model by the first 8 digits of an IMEI', querystring: ZTacListQuery, response: { 200: z.array(ZTac) } } },
    async (request) => listTacs({ db, q: request.query.q }),
  );

  typed(app).post(
    '/api/inventory/tacs',
    { config: { access: ADMIN_ONLY }, schema: { tags, summary: 'Add a TAC entry', body: ZTacInput, response: { 201: ZTac } } },
    async (request, reply) => reply.status(201).send((await saveTac({ db, audit: auditContextOf(request), tac: null, input: request.body })).tac),
  );

  typed(app).put(
    '/api/inventory/tacs/:tac',
    { config: { access: ADMIN_ONLY }, schema: { tags, summary: "Replace a TAC entry's make and model", params: ZTacParams, body: ZTacInput, response: { 200: ZTac } } },
    async (request) => (await saveTac({ db, audit: auditContextOf(request), tac: request.params.tac, input: request.body })).tac,
  );

  typed(app).delete(
    '/api/inventory/tacs/:tac',
    { config: { access: ADMIN_ONLY }, schema: { tags, summary: 'Delete a TAC entry', params: ZTacParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteTac({ db, audit: auditContextOf(request), tac: request.params.tac });
      return reply.status(204).send(null);
    },
  );
}
