import { customerStatusOf, parseNanp, type TAddress, type TTmfContactMedium, type TTmfCustomer } from '@linedesk/domain';
import { findCustomerRecords, type CustomerProfileRecord } from '../../customers/use-cases/find-customer-records.js';
import { tmfHref, type TmfRenderContext } from '../kernel/tmf-context.js';

/** The customer collection's path under /tmf-api. */
export const TMF_CUSTOMER_PATH = 'customerManagement/v4/customer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Accounts as TMF629 Customers, in the order of `ids` (unknown ids left out): the representation of
 * the API's GETs, POST and PATCH answers and of the customer events.
 */
export async function renderCustomers(ctx: TmfRenderContext, ids: string[]): Promise<TTmfCustomer[]> {
  const records = await findCustomerRecords({ db: ctx.db, ids: ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()) });
  return records.map((record) => renderCustomer(ctx.baseUrl, record));
}

/** Whether an account is a person or a company as TMF names them: the type the integrator gave, else by its class. */
export function partyTypeOf(record: Pick<CustomerProfileRecord, 'engagedPartyType' | 'customerClass'>): string {
  return record.engagedPartyType ?? (record.customerClass === 'BUSINESS' ? 'Organization' : 'Individual');
}

function renderCustomer(baseUrl: string, record: CustomerProfileRecord): TTmfCustomer {
  return {
    id: record.id,
    href: tmfHref(baseUrl, TMF_CUSTOMER_PATH, record.id),
    '@type': 'Customer',
    name: record.displayName,
    status: customerStatusOf(record.status),
    // An account made in LineDesk is its own party: the engaged party is the account itself.
    engagedParty: { id: record.engagedPartyId ?? record.id, name: record.displayName, '@referredType': partyTypeOf(record) },
    contactMedium: contactMediaOf(record),
    characteristic: [
      { name: 'accountNumber', valueType: 'string', value: record.accountNumber },
      { name: 'carrier', valueType: 'string', value: record.carrierCode },
      { name: 'billProfile', valueType: 'string', value: record.billProfileCode },
      { name: 'billMethod', valueType: 'string', value: record.billMethod },
      { name: 'customerClass', valueType: 'string', value: record.customerClass },
    ],
    validFor: { startDateTime: record.createdAt.toISOString() },
  };
}

function contactMediaOf(record: CustomerProfileRecord): TTmfContactMedium[] {
  const media: TTmfContactMedium[] = [];
  const contact = record.primaryContact;
  if (contact?.email) media.push({ mediumType: 'email', preferred: true, characteristic: { contactType: 'email', emailAddress: contact.email } });
  if (contact?.phone) media.push({ mediumType: 'phone', characteristic: { contactType: 'phone', phoneNumber: e164(contact.phone) } });
  if (contact?.mobile) media.push({ mediumType: 'phone', characteristic: { contactType: 'mobile', phoneNumber: e164(contact.mobile) } });
  const { SERVICE: service, BILLING: billing } = record.addresses;
  if (service) media.push(postal('serviceAddress', service));
  if (billing) media.push(postal('billingAddress', billing));
  return media;
}

function e164(phone: string): string {
  const parsed = parseNanp(phone);
  return parsed.ok ? parsed.e164 : phone;
}

function postal(contactType: 'serviceAddress' | 'billingAddress', address: TAddress): TTmfContactMedium {
  return {
    mediumType: 'postalAddress',
    characteristic: {
      contactType,
      street1: address.line1,
      ...(address.line2 ? { street2: address.line2 } : {}),
      city: address.city,
      stateOrProvince: address.state,
      postCode: address.zip4 ? `${address.zip}-${address.zip4}` : address.zip,
      country: 'US',
    },
  };
}
