import { IDENTIFIER_KINDS, INVENTORY_STATUSES, ZIdentifierKind } from '@linedesk/domain';
import { z } from 'zod';
import { ANY_ROLE } from '../../http/access.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';
import { lookUpIdentifier } from './use-cases/look-up-identifier.js';

export function registerInventoryRoutes(app: App, { database }: AppContext): void {
  typed(app).get(
    '/api/inventory/lookup',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ['Inventory'],
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
          }),
        },
      },
    },
    async (request) => lookUpIdentifier({ db: database.db, value: request.query.value, expect: request.query.expect }),
  );
}
