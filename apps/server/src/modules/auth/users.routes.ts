import { ZCreateUserInput, ZUpdateUserInput, ZUser, ZUserListQuery } from '@linedesk/domain';
import { z } from 'zod';
import { ADMIN_ONLY, SELLERS, auditContextOf } from '../../http/access.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';
import { createUser } from './use-cases/create-user.js';
import { getUser } from './use-cases/get-user.js';
import { listSalesPeople } from './use-cases/list-sales-people.js';
import { listUsers } from './use-cases/list-users.js';
import { updateUser } from './use-cases/update-user.js';

const ZUserParams = z.object({ id: z.uuid({ message: 'must be a user id (UUID)' }) });

export function registerUserRoutes(app: App, { database }: AppContext): void {
  const { db } = database;
  const tags = ['Users'];
  const config = { access: ADMIN_ONLY };

  typed(app).get(
    '/api/users/sales-people',
    {
      config: { access: SELLERS },
      schema: { tags, summary: 'Users who can be a Sales Person', response: { 200: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string() })) } },
    },
    async () => listSalesPeople({ db }),
  );

  typed(app).get(
    '/api/users',
    { config, schema: { tags, summary: 'List users', querystring: ZUserListQuery, response: { 200: z.array(ZUser) } } },
    async (request) => listUsers({ db, query: request.query }),
  );

  typed(app).post(
    '/api/users',
    { config, schema: { tags, summary: 'Create a user', body: ZCreateUserInput, response: { 201: ZUser } } },
    async (request, reply) => {
      const user = await createUser({ db, audit: auditContextOf(request), input: request.body });
      return reply.status(201).send(user);
    },
  );

  typed(app).get(
    '/api/users/:id',
    { config, schema: { tags, summary: 'One user', params: ZUserParams, response: { 200: ZUser } } },
    async (request) => getUser({ db, id: request.params.id }),
  );

  typed(app).patch(
    '/api/users/:id',
    {
      config: { ...config, endsSessions: true },
      schema: {
        tags,
        summary: 'Change a user (name, role, active, password reset)',
        params: ZUserParams,
        body: ZUpdateUserInput,
        response: { 200: ZUser },
      },
    },
    async (request) => updateUser({ db, audit: auditContextOf(request), id: request.params.id, input: request.body }),
  );
}
