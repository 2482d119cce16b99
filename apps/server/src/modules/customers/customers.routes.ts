import { ACCOUNT_TYPES, ZCustomerAccount, ZCustomerSearchQuery, ZCustomerSearchResult, ZDuplicateCandidate, ZDuplicateProbe } from '@linedesk/domain';
import { z } from 'zod';
import { ANY_ROLE, SELLERS } from '../../http/access.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';
import { getCustomerAccount } from '../../flows/get-customer-account.js';
import { findDuplicateCustomers } from './use-cases/find-duplicate-customers.js';
import { searchCustomers } from './use-cases/search-customers.js';

export function registerCustomerRoutes(app: App, { database, secrets }: AppContext): void {
  const { db } = database;
  const tags = ['Customers'];

  typed(app).get(
    '/api/customers',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'Customers > Search: by account number, name, phone, email, service address or MDN',
        querystring: ZCustomerSearchQuery.extend({ accountType: z.enum(ACCOUNT_TYPES).optional() }),
        response: { 200: z.array(ZCustomerSearchResult) },
      },
    },
    async (request) => searchCustomers({ db, ...request.query }),
  );
  typed(app).get(
    '/api/customers/:id',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'An account: profile, contacts, addresses, payment methods (masked), lines and orders',
        params: z.object({ id: z.uuid({ message: 'must be a customer id (UUID)' }) }),
        response: { 200: ZCustomerAccount },
      },
    },
    async (request) => getCustomerAccount({ db, id: request.params.id, secrets }),
  );
  typed(app).post(
    '/api/customers/duplicates',
    {
      config: { access: SELLERS },
      schema: { tags, summary: 'Existing customers that may be the one being entered, with the reasons', body: ZDuplicateProbe, response: { 200: z.array(ZDuplicateCandidate) } },
    },
    async (request) => findDuplicateCustomers({ db, probe: request.body }),
  );
}
