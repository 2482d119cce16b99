import { customerDisplayName, type AccountType, type BillMethod, type CustomerClass, type Language, type TAddress, type TContact, type TNamesAndAddresses } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { addressKey, emailKey, key, phoneKey, uniqueKeys, type MatchKey } from '../match-keys.js';
import { accountNumberSequence, customerAddresses, customerContacts, customerMatchKeys, customers } from '../customers.schema.js';
import { findCustomerByAccountNumber } from './find-customer-by-account-number.js';

export type NewCustomer = {
  carrierCode: string;
  customerClass: CustomerClass;
  accountNumber: string | null;
  billProfileCode: string;
  billMethod: BillMethod;
  billEmail: string | null;
  salesPersonUserId: string;
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
  names: TNamesAndAddresses;
  contacts: TContact[];
  /** Numbers being ported in: searchable as the account's MDNs from the start. */
  portInNumbers: string[];
  createdBy: string;
};

/** Writes a new account (status Pending) with its contacts, addresses and lookup keys, audited. */
export async function createCustomer(tx: Tx, audit: AuditContext, input: NewCustomer): Promise<{ id: string; accountNumber: string; displayName: string }> {
  const accountNumber = input.accountNumber ?? (await nextAccountNumber(tx));
  const parent = input.parentAccountNumber ? await findCustomerByAccountNumber({ db: tx, accountNumber: input.parentAccountNumber }) : null;
  const { names } = input;
  const displayName = customerDisplayName(names);
  const [created] = await tx
    .insert(customers)
    .values({
      accountNumber,
      status: 'PENDING',
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
      parentCustomerId: parent?.id ?? null,
      website: input.website,
      primaryPhone: input.primaryPhone,
      taxExempt: input.taxExempt,
      taxExemptCertificate: input.taxExemptCertificate,
      ssnSealed: input.ssn?.sealed ?? null,
      ssnLast4: input.ssn?.last4 ?? null,
      taxIdSealed: input.taxId?.sealed ?? null,
      taxIdLast4: input.taxId?.last4 ?? null,
      dateOfBirth: input.dateOfBirth,
      createdBy: input.createdBy,
    })
    .returning({ id: customers.id });
  const customerId = created!.id;

  await tx.insert(customerContacts).values(input.contacts.map((contact, position) => ({ ...contact, customerId, position, isPrimary: position === 0 })));
  const service = names.serviceAddress;
  const addresses: { kind: 'SERVICE' | 'BILLING' | 'LISTING'; address: TAddress }[] = [
    { kind: 'SERVICE', address: service },
    { kind: 'BILLING', address: names.billingAddress ?? service },
    { kind: 'LISTING', address: names.listingAddress ?? service },
  ];
  await tx.insert(customerAddresses).values(
    addresses.map(({ kind, address }) => ({
      customerId,
      kind,
      ...address,
      listingType: kind === 'LISTING' ? names.listingType : null,
      listedName: kind === 'LISTING' ? names.listedName : null,
    })),
  );
  const keys = matchKeysOf(input);
  if (keys.length) await tx.insert(customerMatchKeys).values(keys.map((k) => ({ ...k, customerId })));

  await recordAudit(tx, audit, {
    entityType: 'customer',
    entityId: customerId,
    action: 'create',
    after: {
      accountNumber,
      displayName,
      status: 'PENDING',
      customerClass: input.customerClass,
      billProfileCode: input.billProfileCode,
      billMethod: input.billMethod,
      contacts: input.contacts.length,
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
    key('ADDRESS', addressKey(service)),
    key('ZIP', service.zip),
    key('TAXID4', input.ssn?.last4 ?? input.taxId?.last4),
    ...input.portInNumbers.map((number) => key('MDN', phoneKey(number))),
  ]);
}

/** ACC-100001, ACC-100002 …, skipping any number someone chose by hand (one query unless it must skip). */
async function nextAccountNumber(tx: Tx): Promise<string> {
  const sequence = sql.raw(`'${accountNumberSequence.seqName}'`);
  for (;;) {
    const result = (await tx.execute(
      sql`with next as (select 'ACC-' || nextval(${sequence}) as number)
          select number, exists (select 1 from customers where account_number = next.number) as taken from next`,
    )) as unknown as { rows: { number: string; taken: boolean }[] };
    const { number, taken } = result.rows[0]!;
    if (!taken) return number;
  }
}
