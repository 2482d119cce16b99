import {
  ZCardInput,
  ZCreateOrderInput,
  ZCreateOrderResult,
  ZCustomerProfileInput,
  ZDraftSummary,
  ZDuplicateCandidate,
  ZFinalStepInput,
  ZNamesAndAddressesInput,
  ZNewDraftInput,
  ZProfileFieldSettings,
  ZWizardDraft,
  ZWizardLineInput,
  ZWizardStart,
} from '@linedesk/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ADMIN_ONLY, SELLERS, auditContextOf, requireAuth } from '../../http/access.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';
import { createOrderFromWizard } from '../../flows/create-order-from-wizard.js';
import { duplicateProbeOf } from '../../flows/wizard-duplicate-probe.js';
import { findDuplicateCustomers } from '../customers/use-cases/find-duplicate-customers.js';
import { paymentGatewayFor } from '../payments/gateway/gateway-for.js';
import { getDraftRow, assertOpen, type DraftPolicy } from './draft-store.js';
import { readProfileFieldSettings } from './profile-field-settings.js';
import { copyLine } from './use-cases/copy-line.js';
import { createDraft } from './use-cases/create-draft.js';
import { deleteLine } from './use-cases/delete-line.js';
import { discardDraft } from './use-cases/discard-draft.js';
import { getDraft } from './use-cases/get-draft.js';
import { listDrafts } from './use-cases/list-drafts.js';
import { saveFinalStep } from './use-cases/save-final-step.js';
import { saveLine } from './use-cases/save-line.js';
import { saveNamesStep } from './use-cases/save-names-step.js';
import { saveProfileFieldSettings } from './use-cases/save-profile-field-settings.js';
import { saveProfileStep } from './use-cases/save-profile-step.js';
import { saveStartStep } from './use-cases/save-start-step.js';
import { setCardPayment } from './use-cases/set-card-payment.js';

const ZDraftParams = z.object({ id: z.uuid({ message: 'must be a draft id (UUID)' }) });
const ZLineParams = ZDraftParams.extend({ lineId: z.uuid({ message: 'must be a line id (UUID)' }) });

/**
 * The New Customer Wizard's API: a draft saved step by step on the server (so reload, another tab or
 * another device resumes it), then Create Order. Integrators create customers the same way.
 */
export function registerWizardRoutes(app: App, { database, config, secrets }: AppContext): void {
  const { db } = database;
  const tags = ['New Customer Wizard'];
  const sellers = { access: SELLERS };
  const policy: DraftPolicy = { expiryDays: config.draftExpiryDays };
  const gateway = paymentGatewayFor(config);
  const change = (request: FastifyRequest) => ({ db, id: (request.params as { id: string }).id, audit: auditContextOf(request), policy });
  const draftReply = { 200: ZWizardDraft };

  typed(app).post(
    '/api/wizard/drafts',
    { config: sellers, schema: { tags, summary: 'Customers > Create New: start a draft', body: ZNewDraftInput.optional(), response: { 201: ZWizardDraft } } },
    async (request, reply) => reply.status(201).send(await createDraft({ db, userId: requireAuth(request).session.user.id, audit: auditContextOf(request), policy })),
  );
  typed(app).get(
    '/api/wizard/drafts',
    {
      config: sellers,
      schema: { tags, summary: 'Open drafts, newest change first', querystring: z.object({ mine: z.enum(['true', 'false']).default('false') }), response: { 200: z.array(ZDraftSummary) } },
    },
    async (request) => listDrafts({ db, policy, createdBy: request.query.mine === 'true' ? requireAuth(request).session.user.id : undefined }),
  );
  typed(app).get(
    '/api/wizard/drafts/:id',
    { config: sellers, schema: { tags, summary: 'A draft, to resume it', params: ZDraftParams, response: draftReply } },
    async (request) => getDraft({ db, id: request.params.id, policy }),
  );
  typed(app).delete(
    '/api/wizard/drafts/:id',
    { config: sellers, schema: { tags, summary: 'Discard an open draft', params: ZDraftParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await discardDraft(change(request));
      return reply.status(204).send(null);
    },
  );
  typed(app).put(
    '/api/wizard/drafts/:id/start',
    { config: sellers, schema: { tags, summary: 'Step 1: Carrier, Order Type, Contact Information', params: ZDraftParams, body: ZWizardStart, response: draftReply } },
    async (request) => saveStartStep({ ...change(request), input: request.body }),
  );
  typed(app).put(
    '/api/wizard/drafts/:id/profile',
    {
      config: sellers,
      schema: {
        tags,
        summary: 'Step 2: Customer Profile (SSN, Tax ID and Security PIN are write-only: leave out to keep, null to clear)',
        params: ZDraftParams,
        body: ZCustomerProfileInput,
        response: draftReply,
      },
    },
    async (request) => saveProfileStep({ ...change(request), input: request.body, secrets }),
  );
  typed(app).put(
    '/api/wizard/drafts/:id/names',
    { config: sellers, schema: { tags, summary: "Step 3: the customer's name and the Service, Billing and Listing addresses", params: ZDraftParams, body: ZNamesAndAddressesInput, response: draftReply } },
    async (request) => saveNamesStep({ ...change(request), input: request.body }),
  );
  typed(app).post(
    '/api/wizard/drafts/:id/lines',
    { config: sellers, schema: { tags, summary: 'Step 4: Save a new line', params: ZDraftParams, body: ZWizardLineInput, response: draftReply } },
    async (request) => saveLine({ ...change(request), input: request.body, role: requireAuth(request).session.user.role, secrets }),
  );
  typed(app).put(
    '/api/wizard/drafts/:id/lines/:lineId',
    { config: sellers, schema: { tags, summary: 'Step 4: Save changes to a line', params: ZLineParams, body: ZWizardLineInput, response: draftReply } },
    async (request) => saveLine({ ...change(request), lineId: request.params.lineId, input: request.body, role: requireAuth(request).session.user.role, secrets }),
  );
  typed(app).delete(
    '/api/wizard/drafts/:id/lines/:lineId',
    { config: sellers, schema: { tags, summary: 'Step 4: Delete a line', params: ZLineParams, response: draftReply } },
    async (request) => deleteLine({ ...change(request), lineId: request.params.lineId }),
  );
  typed(app).post(
    '/api/wizard/drafts/:id/lines/:lineId/copy',
    { config: sellers, schema: { tags, summary: 'Step 4: Copy a line (without its identifiers)', params: ZLineParams, response: draftReply } },
    async (request) => copyLine({ ...change(request), lineId: request.params.lineId }),
  );
  typed(app).put(
    '/api/wizard/drafts/:id/final',
    { config: sellers, schema: { tags, summary: 'Final page: Order Options and Payment Details (bank account or invoice)', params: ZDraftParams, body: ZFinalStepInput, response: draftReply } },
    async (request) => saveFinalStep({ ...change(request), input: request.body, secrets }),
  );
  typed(app).post(
    '/api/wizard/drafts/:id/payment-card',
    {
      config: sellers,
      schema: {
        tags,
        summary: 'Payment Details by credit card: tokenized by the payment gateway; the number and CVV are never stored',
        params: ZDraftParams,
        body: ZCardInput,
        response: draftReply,
      },
    },
    async (request) => setCardPayment({ ...change(request), card: request.body, gateway }),
  );
  typed(app).get(
    '/api/wizard/drafts/:id/duplicates',
    { config: sellers, schema: { tags, summary: 'Duplicate Customers: existing customers that may be this one, with the reasons', params: ZDraftParams, response: { 200: z.array(ZDuplicateCandidate) } } },
    async (request) => {
      const row = assertOpen(await getDraftRow(db, request.params.id), policy);
      return findDuplicateCustomers({ db, probe: duplicateProbeOf(row.data) });
    },
  );
  typed(app).post(
    '/api/wizard/drafts/:id/create-order',
    {
      config: sellers,
      schema: {
        tags,
        summary: 'Create Order: the account, its order and lines in one transaction; repeating it returns the same account and order (200)',
        params: ZDraftParams,
        body: ZCreateOrderInput,
        response: { 200: ZCreateOrderResult, 201: ZCreateOrderResult },
      },
    },
    async (request, reply) => {
      const result = await createOrderFromWizard({
        db,
        draftId: request.params.id,
        userId: requireAuth(request).session.user.id,
        audit: auditContextOf(request),
        policy,
        duplicateAcknowledgement: request.body.duplicateAcknowledgement,
      });
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  typed(app).get(
    '/api/wizard/profile-fields',
    { config: sellers, schema: { tags, summary: 'Which optional Customer Profile fields show and which are required', response: { 200: ZProfileFieldSettings } } },
    async () => readProfileFieldSettings(db),
  );
  typed(app).put(
    '/api/wizard/profile-fields',
    { config: { access: ADMIN_ONLY }, schema: { tags, summary: 'Set which optional Customer Profile fields show and which are required', body: ZProfileFieldSettings, response: { 200: ZProfileFieldSettings } } },
    async (request) => saveProfileFieldSettings({ db, audit: auditContextOf(request), input: request.body }),
  );
}
