import { ZCatalogDocument } from '@linedesk/domain';
import type { TCatalogDocumentInput, TCustomerProfileInput, TNamesAndAddressesInput, TWizardDraft, TWizardLineInput, TWizardStartInput, TFinalStepInput } from '@linedesk/domain';
import { DEMO_CATALOG } from '../src/modules/catalog/demo-catalog.js';
import { importCatalog } from '../src/modules/catalog/use-cases/import-catalog.js';
import { SYSTEM_ACTOR } from '../src/modules/audit/record-audit.js';
import type { TestApp } from './test-app.js';

/**
 * The demo catalog, as a fresh installation has it (without the demo users as agents' sales people); or
 * another catalog document, such as the demo's with its carriers' credentials (`demoCatalogWithSecrets`).
 */
export async function loadDemoCatalog(t: TestApp, catalog: TCatalogDocumentInput = DEMO_CATALOG): Promise<void> {
  const document = ZCatalogDocument.parse(catalog);
  const agents = document.agents.map((agent) => ({ ...agent, salesPersonEmails: [] }));
  await importCatalog({ db: t.database.db, audit: SYSTEM_ACTOR, secrets: t.secrets, document: { ...document, agents } });
}

export const START: TWizardStartInput = {
  carrierCode: 'NWM',
  orderType: 'CONVERSION',
  contacts: [{ contactType: 'PRIMARY', firstName: 'Dana', lastName: 'Whitfield', phone: '(312) 555-0142', email: 'dana.whitfield@example.com' }],
};

export const profileFor = (salesPersonUserId: string): TCustomerProfileInput => ({
  customerClass: 'RESIDENTIAL',
  billProfileCode: 'RES-STD',
  billMethod: 'EMAIL',
  billEmail: 'dana.whitfield@example.com',
  salesPersonUserId,
  securityPin: '8264',
  language: 'en',
  ssn: '123-45-6789',
  dateOfBirth: '1986-04-12',
});

export const NAMES: TNamesAndAddressesInput = {
  firstName: 'Dana',
  lastName: 'Whitfield',
  serviceAddress: { line1: '742 Evergreen Terrace', city: 'Springfield', state: 'IL', zip: '62704' },
  billingSameAsService: true,
  listingSameAsService: true,
  listingType: 'NON_PUBLISHED',
};

export const NEW_LINE: TWizardLineInput = {
  orderType: 'NEW',
  lineTypeCode: 'SMARTPHONE',
  packageCode: 'NWM-UNL-ESS',
  properties: { userName: 'Dana', deviceProtection: false },
  areaCode: '312',
  deviceSource: 'STOCK',
  products: [
    { productCode: 'NWMESS5G', quantity: 1 },
    { productCode: 'NWMVOWIFI', quantity: 1 },
    { productCode: 'NWMRCF', quantity: 1 },
    { productCode: 'NWMACT', quantity: 1 },
  ],
};

export const PORT_LINE: TWizardLineInput = {
  orderType: 'CONVERSION',
  lineTypeCode: 'SMARTPHONE',
  packageCode: 'NWM-UNL-ESS',
  properties: { userName: 'Sam' },
  portIn: {
    number: '(217) 555-0199',
    currentCarrier: 'Old Carrier Wireless',
    accountNumber: '88812345',
    pin: '4417',
    authorizedSigner: 'Dana Whitfield',
    accountName: 'Dana Whitfield',
    address: { line1: '742 Evergreen Terrace', city: 'Springfield', state: 'IL', zip: '62704' },
  },
  deviceSource: 'BYOD',
  products: [
    { productCode: 'NWMESS5G', quantity: 1 },
    { productCode: 'NWMVOWIFI', quantity: 1 },
    { productCode: 'NWMRCF', quantity: 1 },
  ],
};

export const FINAL: TFinalStepInput = {
  options: { fulfillment: 'PICKUP', sendAutomatically: false, notes: 'Customer waiting in store', depositCents: 0 },
  payment: { method: 'INVOICE' },
};

/** Calls the wizard API as the browser does; throws with the server's answer when a call fails. */
export function wizardClient(t: TestApp, session: string) {
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const response = await t.request({ method, url, session, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, body: response.body ? response.json() : null };
  };
  const ok = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const result = await call(method, url, payload);
    if (result.status >= 300) throw new Error(`${method} ${url} → ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };
  return {
    call,
    ok,
    newDraft: async (): Promise<TWizardDraft> => ok('POST', '/api/wizard/drafts', {}),
    /** A draft with every step saved: a Conversion order with one new line and one port-in. */
    completeDraft: async (
      salesPersonUserId: string,
      overrides: { start?: TWizardStartInput; names?: TNamesAndAddressesInput; profile?: Partial<TCustomerProfileInput>; portLine?: TWizardLineInput } = {},
    ): Promise<TWizardDraft> => {
      const draft: TWizardDraft = await ok('POST', '/api/wizard/drafts', {});
      const base = `/api/wizard/drafts/${draft.id}`;
      await ok('PUT', `${base}/start`, overrides.start ?? START);
      await ok('PUT', `${base}/profile`, { ...profileFor(salesPersonUserId), ...overrides.profile });
      await ok('PUT', `${base}/names`, overrides.names ?? NAMES);
      await ok('POST', `${base}/lines`, NEW_LINE);
      await ok('POST', `${base}/lines`, overrides.portLine ?? PORT_LINE);
      return ok('PUT', `${base}/final`, FINAL);
    },
  };
}
