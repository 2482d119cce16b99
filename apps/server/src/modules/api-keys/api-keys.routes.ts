import { ZApiKey, ZCreateApiKeyInput, ZCreatedApiKey } from '@linedesk/domain';
import { z } from 'zod';
import { ADMIN_ONLY, auditContextOf } from '../../http/access.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';
import { createApiKey } from './use-cases/create-api-key.js';
import { listApiKeys } from './use-cases/list-api-keys.js';
import { revokeApiKey } from './use-cases/revoke-api-key.js';

const ZApiKeyParams = z.object({ id: z.uuid({ message: 'must be an API key id (UUID)' }) });

/** Admins hand out and revoke integrators' API keys (`Authorization: Bearer ldk_…`). */
export function registerApiKeyRoutes(app: App, { database }: AppContext): void {
  const { db } = database;
  const tags = ['API Keys'];
  const config = { access: ADMIN_ONLY };

  typed(app).get(
    '/api/api-keys',
    { config, schema: { tags, summary: 'List API keys, newest first (revoked and expired ones too)', response: { 200: z.array(ZApiKey) } } },
    async () => listApiKeys({ db }),
  );

  typed(app).post(
    '/api/api-keys',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API key',
        description: 'The answer carries the key itself (`key`), the only time it is ever shown: only its SHA-256 is stored.',
        body: ZCreateApiKeyInput,
        response: { 201: ZCreatedApiKey },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiKey({ db, audit: auditContextOf(request), input: request.body })),
  );

  typed(app).post(
    '/api/api-keys/:id/revoke',
    {
      // Forget checked keys in this process before answering, so the next call with this key is refused.
      config: { ...config, endsSessions: true },
      schema: { tags, summary: 'Revoke an API key: it is refused from now on', params: ZApiKeyParams, response: { 200: ZApiKey } },
    },
    async (request) => revokeApiKey({ db, audit: auditContextOf(request), id: request.params.id }),
  );
}
