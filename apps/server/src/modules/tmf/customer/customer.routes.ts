import { customerStatusFromTmf, TMF_CUSTOMER_STATUSES, ZApiCustomerDefaults, ZTmfCustomer, ZTmfCustomerCreate, ZTmfCustomerUpdate } from '@linedesk/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { deleteCustomerAccount } from '../../../flows/delete-customer-account.js';
import { ADMIN_ONLY, ANY_ROLE, SELLERS, auditContextOf } from '../../../http/access.js';
import { AppError } from '../../../http/app-error.js';
import { typed, type App, type AppContext } from '../../../http/app-context.js';
import { listCustomersPage } from '../../customers/use-cases/list-customers-page.js';
import { readApiCustomerDefaults } from '../../system/settings.js';
import { idempotencyOf } from '../kernel/idempotency.js';
import { TMF_PREFIX, tmfBaseUrl, type TmfRenderContext } from '../kernel/tmf-context.js';
import { tmfEnum, tmfFilterValue, tmfText, tmfUuid } from '../kernel/tmf-list.js';
import { registerTmfReadRoutes, renderTmfOne, tmfRenderContextOf } from '../kernel/tmf-read-routes.js';
import { createTmfCustomer } from './create-tmf-customer.js';
import { renderCustomers, TMF_CUSTOMER_PATH } from './render-customers.js';
import { saveApiCustomerDefaults } from './save-api-customer-defaults.js';
import { updateTmfCustomer } from './update-tmf-customer.js';

const FILTERABLE = ['id', 'name', 'status', 'engagedParty.id'] as const;
const ZParams = z.object({ id: z.string().min(1).max(200) });

/**
 * TMF629 Customer Management v4: LineDesk customer accounts at /tmf-api/customerManagement/v4/customer.
 * Reads for every role; creates, changes and deletes for sellers (admin, agent). A customer made
 * here is a Prospect account until its first order.
 */
export function registerCustomerRoutes(app: App, context: AppContext): void {
  const { db } = context.database;
  const { secrets } = context;
  const url = `${TMF_PREFIX}/${TMF_CUSTOMER_PATH}`;
  const tags = ['TMF629 Customer'];
  const ctxOf = (request: FastifyRequest): TmfRenderContext => tmfRenderContextOf(db, request);
  const reader = { render: renderCustomers, notFound: 'customer' };

  registerTmfReadRoutes(app, {
    ...reader,
    db,
    path: TMF_CUSTOMER_PATH,
    tags,
    access: ANY_ROLE,
    resourceSchema: ZTmfCustomer.partial(),
    summaries: { list: 'Customers (accounts), newest first', one: 'One customer' },
    filterable: FILTERABLE,
    filterNote: '(name: the whole name, exactly)',
    list: async (query) => {
      const status = tmfFilterValue(query.filters, 'status', tmfEnum(TMF_CUSTOMER_STATUSES));
      return listCustomersPage({
        db,
        offset: query.offset,
        limit: query.limit,
        filters: {
          id: tmfFilterValue(query.filters, 'id', tmfUuid),
          displayName: tmfFilterValue(query.filters, 'name', tmfText),
          status: status && customerStatusFromTmf(status),
          engagedPartyId: tmfFilterValue(query.filters, 'engagedParty.id', tmfText),
        },
      });
    },
  });

  typed(app).post(
    url,
    {
      config: { access: SELLERS },
      schema: {
        tags,
        summary: 'Create a customer: a Prospect account for an Individual (Residential) or an Organization (Business)',
        description:
          'Required: `name` and `engagedParty` (`id`, `@referredType` Individual or Organization). The carrier, bill profile and bill method come from ' +
          '`characteristic` (carrier, billProfile, billMethod), else from the installation\'s API customer defaults. `contactMedium`: email, phone ' +
          '(contactType phone or mobile) and postalAddress (contactType serviceAddress or billingAddress; US addresses). Send an `Idempotency-Key` header ' +
          '(8 to 120 characters) to make a retry safe: the same key and body answer the customer the first request made.',
        body: ZTmfCustomerCreate,
        response: { 201: ZTmfCustomer },
      },
    },
    async (request, reply) => {
      const { id, replayed } = await createTmfCustomer({
        db,
        secrets,
        audit: auditContextOf(request),
        body: request.body,
        rawBody: request.body,
        idempotency: idempotencyOf(request),
      });
      const [customer] = await renderCustomers(ctxOf(request), [id]);
      if (!customer) {
        if (replayed) throw new AppError('CONFLICT', 'The customer this Idempotency-Key created has since been deleted: send a new key to create it again');
        throw new AppError('INTERNAL', 'The new customer could not be read back');
      }
      return reply.status(201).header('location', customer.href).send(customer);
    },
  );

  typed(app).patch(
    `${url}/:id`,
    {
      config: { access: SELLERS },
      schema: {
        tags,
        summary: 'Change a customer (JSON Merge Patch; application/merge-patch+json or application/json)',
        description:
          'Changes `name`, `engagedParty.id`, `characteristic` carrier (a prospect only), billProfile and billMethod, and `contactMedium`, which replaces the ' +
          "account's email, phones and addresses (the service address cannot be removed). `status`, the account number and the class are LineDesk's: " +
          'sending their current value is accepted, another is refused.',
        params: ZParams,
        body: ZTmfCustomerUpdate,
        response: { 200: ZTmfCustomer },
      },
    },
    async (request) => {
      await updateTmfCustomer({ db, secrets, audit: auditContextOf(request), baseUrl: tmfBaseUrl(request), id: checkedId(request.params.id), body: request.body });
      return renderTmfOne(reader, ctxOf(request), request.params.id);
    },
  );

  typed(app).delete(
    `${url}/:id`,
    {
      config: { access: SELLERS },
      schema: {
        tags,
        summary: 'Delete a customer that has no orders (typically a prospect made through the API)',
        description: 'Its contacts, addresses and lookup keys go with it. An account with orders or payment methods is refused with 422 and the reason.',
        params: ZParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteCustomerAccount({ db, audit: auditContextOf(request), customerId: checkedId(request.params.id) });
      return reply.status(204).send(null);
    },
  );

  // The installation's defaults for customers created here (the demo data sets them).
  const settingsTags = ['Settings'];
  typed(app).get(
    '/api/settings/api-customer-defaults',
    {
      config: { access: ADMIN_ONLY },
      schema: { tags: settingsTags, summary: 'The carrier, bill profile and bill method of TMF629 customers whose request does not name them', response: { 200: ZApiCustomerDefaults } },
    },
    async () => readApiCustomerDefaults(db),
  );
  typed(app).put(
    '/api/settings/api-customer-defaults',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags: settingsTags,
        summary: 'Set the carrier, bill profile and bill method of TMF629 customers whose request does not name them',
        description: 'Null leaves a choice to the request (a null bill profile is the carrier\'s default, a null bill method the bill profile\'s). Codes of active carriers and bill profiles only.',
        body: ZApiCustomerDefaults,
        response: { 200: ZApiCustomerDefaults },
      },
    },
    async (request) => saveApiCustomerDefaults({ db, secrets, audit: auditContextOf(request), input: request.body }),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A customer id from the path: any id that is not one of ours (a UUID) is unknown. */
function checkedId(id: string): string {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', `No customer with id ${id}`);
  return id.toLowerCase();
}
