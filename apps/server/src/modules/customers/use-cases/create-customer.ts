import { customerDisplayName, type AccountType, type BillMethod, type CustomerClass, type Language, type TAddress, type TContact, type TNamesAndAddresses } from '@linedesk/domain';
import { namedStatement, type Tx } from '../../../db/client.js';
import { jsonRecords } from '../../../db/json-records.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { addressKey, emailKey, key, phoneKey, uniqueKeys, type MatchKey } from '../match-keys.js';
import { accountNumberSequence, customerAddresses, customerContacts, customerMatchKeys, customers } from '../customers.schema.js';

export type NewCustomer = {
  carrierCode: string;
  customerClass: CustomerClass;
  accountNumber: string | null;
  billProfileCode: string;
  billMethod: BillMethod;
  billEmail: string | null;
  /** The user who sold it; null when an integrator's API key created it. */
  salesPersonUserId: string | null;
  agentCode: string | null;
  language: Language | null;
  contractStart: string | null;
  contractEnd: string | null;
  attentionLine: string | null;
  paymentTermsDays: number | null;
  accountType: AccountType;
  parentAccountNumber: string | null;
  website: string | null;
  primaryPhone: string | null;
  taxExempt: boolean;
  taxExemptCertificate: string | null;
  /** Secrets arrive sealed, with the last 4 digits kept in clear for duplicate checks. */
  securityPinSealed: string | null;
  ssn: { sealed: string; last4: string } | null;
  taxId: { sealed: string; last4: string } | null;
  dateOfBirth: string | null;
  /** The service address is null only for a prospect made through the API before it has one: then it has no addresses. */
  names: Omit<TNamesAndAddresses, 'serviceAddress'> & { serviceAddress: TAddress | null };
  contacts: TContact[];
  /** Numbers being ported in: searchable as the account's MDNs from the start. */
  portInNumbers: string[];
  /** Pending (the wizard: an order comes with it), or Prospect (made through the API, no order yet). Pending when not given. */
  status?: 'PROSPECT' | 'PENDING';
  /** The party an integrator's system knows it as (TMF629 `engagedParty`), when made through the API. */
  engagedParty?: { id: string; type: string } | null;
  /** The user creating it, or null for an integrator's API key (then named by the audit actor). */
  createdBy: string | null;
};

/**
 * Writes a new account (status Pending, or Prospect) with its contacts, addresses and lookup keys, audited: one
 * statement (and one more only when a generated account number was already chosen by hand).
 */
export async function createCustomer(tx: Tx, audit: AuditContext, input: NewCustomer): Promise<{ id: string; accountNumber: string; displayName: string }> {
  const { names } = input;
  const displayName = customerDisplayName(names);
  const service = names.serviceAddress;
  const status = input.status ?? 'PENDING';
  const addresses: { kind: 'SERVICE' | 'BILLING' | 'LISTING'; address: TAddress }[] = service
    ? [
        { kind: 'SERVICE', address: service },
        { kind: 'BILLING', address: names.billingAddress ?? service },
        { kind: 'LISTING', address: names.listingAddress ?? service },
      ]
    : [];
  const params = [
    CUSTOMER.encode([
      {
        status,
        customerClass: input.customerClass,
        displayName,
        firstName: names.firstName,
        middleName: names.middleName,
        lastName: names.lastName,
        suffix: names.suffix,
        companyName: names.companyName,
        carrierCode: input.carrierCode,
        billProfileCode: input.billProfileCode,
        billMethod: input.billMethod,
        billEmail: input.billEmail,
        salesPersonUserId: input.salesPersonUserId,
        agentCode: input.agentCode,
        securityPinSealed: input.securityPinSealed,
        language: input.language,
        contractStart: input.contractStart,
        contractEnd: input.contractEnd,
        attentionLine: input.attentionLine,
        paymentTermsDays: input.paymentTermsDays,
        accountType: input.accountType,
        website: input.website,
        primaryPhone: input.primaryPhone,
        taxExempt: input.taxExempt,
        taxExemptCertificate: input.taxExemptCertificate,
        ssnSealed: input.ssn?.sealed,
        ssnLast4: input.ssn?.last4,
        taxIdSealed: input.taxId?.sealed,
        taxIdLast4: input.taxId?.last4,
        dateOfBirth: input.dateOfBirth,
        engagedPartyId: input.engagedParty?.id ?? null,
        engagedPartyType: input.engagedParty?.type ?? null,
        createdBy: input.createdBy,
        createdByLabel: input.createdBy ? null : audit.actorLabel,
      },
    ]),
    input.accountNumber,
    input.parentAccountNumber,
    CONTACTS.encode(input.contacts.map((contact, position) => ({ ...contact, position, isPrimary: position === 0 }))),
    ADDRESSES.encode(
      addresses.map(({ kind, address }) => ({
        kind,
        ...address,
        listingType: kind === 'LISTING' ? names.listingType : null,
        listedName: kind === 'LISTING' ? names.listedName : null,
      })),
    ),
    MATCH_KEYS.encode(matchKeysOf(input)),
  ];
  // A generated number someone already chose by hand is skipped (nothing is written) and the next one taken.
  let created: { id: string; account_number: string } | undefined;
  while (!created) [created] = await (input.accountNumber ? insertNumberedCustomer : insertCustomer)(tx, params);
  const customerId = created.id;
  const accountNumber = created.account_number;

  await recordAudit(tx, audit, {
    entityType: 'customer',
    entityId: customerId,
    action: 'create',
    after: {
      accountNumber,
      displayName,
      status,
      customerClass: input.customerClass,
      billProfileCode: input.billProfileCode,
      billMethod: input.billMethod,
      contacts: input.contacts.length,
      ...(input.engagedParty ? { engagedParty: `${input.engagedParty.type} ${input.engagedParty.id}` } : {}),
      ssn: input.ssn ? 'set' : null,
      taxId: input.taxId ? 'set' : null,
      securityPin: input.securityPinSealed ? 'set' : null,
    },
  });
  return { id: customerId, accountNumber, displayName };
}

function matchKeysOf(input: NewCustomer): MatchKey[] {
  const service = input.names.serviceAddress;
  return uniqueKeys([
    ...input.contacts.flatMap((c) => [key('PHONE', phoneKey(c.phone)), key('PHONE', phoneKey(c.mobile)), key('EMAIL', emailKey(c.email))]),
    key('PHONE', phoneKey(input.primaryPhone)),
    key('EMAIL', emailKey(input.billEmail)),
    key('ADDRESS', service ? addressKey(service) : null),
    key('ZIP', service?.zip),
    key('TAXID4', input.ssn?.last4 ?? input.taxId?.last4),
    ...input.portInNumbers.map((number) => key('MDN', phoneKey(number))),
  ]);
}

const CUSTOMER = jsonRecords(customers, [
  'status', 'customerClass', 'displayName', 'firstName', 'middleName', 'lastName', 'suffix', 'companyName', 'carrierCode', 'billProfileCode',
  'billMethod', 'billEmail', 'salesPersonUserId', 'agentCode', 'securityPinSealed', 'language', 'contractStart', 'contractEnd', 'attentionLine',
  'paymentTermsDays', 'accountType', 'website', 'primaryPhone', 'taxExempt', 'taxExemptCertificate', 'ssnSealed', 'ssnLast4', 'taxIdSealed',
  'taxIdLast4', 'dateOfBirth', 'engagedPartyId', 'engagedPartyType', 'createdBy', 'createdByLabel',
]);
const CONTACTS = jsonRecords(customerContacts, ['position', 'contactType', 'firstName', 'lastName', 'phone', 'mobile', 'smsOptIn', 'email', 'title', 'isPrimary']);
const ADDRESSES = jsonRecords(customerAddresses, ['kind', 'line1', 'line2', 'city', 'state', 'zip', 'zip4', 'listingType', 'listedName']);
const MATCH_KEYS = jsonRecords(customerMatchKeys, ['kind', 'value']);

/**
 * The account and its rows in one statement: $1 the account, $2 the account number chosen by hand
 * (else the next of the sequence, ACC-100001 …), $3 the parent's account number, $4 contacts, $5
 * addresses, $6 match keys. Nothing is written when the number is taken (`skipTaken`).
 */
function customerStatement(skipTaken: boolean): string {
  return `with customer as (
      insert into customers ("account_number", "parent_customer_id", ${CUSTOMER.columns})
      select coalesce($2, 'ACC-' || nextval('${accountNumberSequence.seqName}')),
        (select parent.id from customers parent where parent.account_number = upper($3)), ${CUSTOMER.columnsOf('r')}
      from ${CUSTOMER.from('$1')} r
      ${skipTaken ? 'on conflict ("account_number") do nothing' : ''}
      returning id, account_number
    ),
    contacts as (
      insert into customer_contacts ("customer_id", ${CONTACTS.columns}) select customer.id, ${CONTACTS.columnsOf('r')} from customer, ${CONTACTS.from('$4')} r
    ),
    addresses as (
      insert into customer_addresses ("customer_id", ${ADDRESSES.columns}) select customer.id, ${ADDRESSES.columnsOf('r')} from customer, ${ADDRESSES.from('$5')} r
    ),
    match_keys as (
      insert into customer_match_keys ("customer_id", ${MATCH_KEYS.columns}) select customer.id, ${MATCH_KEYS.columnsOf('r')} from customer, ${MATCH_KEYS.from('$6')} r
    )
    select id, account_number from customer`;
}
const insertCustomer = namedStatement<{ id: string; account_number: string }>('create_customer', customerStatement(true));
const insertNumberedCustomer = namedStatement<{ id: string; account_number: string }>('create_customer_numbered', customerStatement(false));
