import { z } from 'zod';
import { ANY_ROLE } from '../../http/access.js';
import { typed, type App } from '../../http/app-context.js';
import { lookupZip } from './lookup-zip.js';

/** Reference data the forms use: ZIP code to city and state. */
export function registerReferenceRoutes(app: App): void {
  typed(app).get(
    '/api/reference/zip/:zip',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ['Reference'],
        summary: 'City and state of a US ZIP code (offline dataset)',
        params: z.object({ zip: z.string().regex(/^\d{5}$/, { message: 'Use a 5-digit ZIP code' }) }),
        response: { 200: z.object({ zip: z.string(), city: z.string(), state: z.string() }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, max-age=86400');
      return lookupZip(request.params.zip);
    },
  );
}
