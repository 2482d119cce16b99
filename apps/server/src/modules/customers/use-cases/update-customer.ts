import { customerDisplayName, type BillMethod, type TAddress } from '@linedesk/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { diffRecords, recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { selfContactName, type CustomerNames } from '../customer-names.js';
import { customerAddresses, customerContacts, customerMatchKeys, customers } from '../customers.schema.js';
import { addressKey, emailKey, key, phoneKey, uniqueKeys } from '../match-keys.js';

/** What may change on an account (each left out stays as it is). The account's class never changes. */
export type CustomerChanges = {
  names?: CustomerNames;
  carrierCode?: string;
  billProfileCode?: string;
  billMethod?: BillMethod;
  engagedParty?: { id: string; type: string };
  /** The primary contact's email and numbers, all three (null clears one). An account without a contact gets one standing for the customer. */
  contact?: { email: string | null; phone: string | null; mobile: string | null };
  serviceAddress?: TAddress;
  billingAddress?: TAddress;
};

/** The kinds of lookup key an account's own details make (MDNs and the SSN/Tax ID digits are kept as they are). */
const DETAIL_KEYS = ['PHONE', 'EMAIL', 'ADDRESS', 'ZIP'] as const;

/**
 * Changes an account's names, catalog choices, primary contact and addresses, audited as one `update`
 * of the customer (only what changed); its lookup keys follow. The row is locked for the change. A
 * Billing or Listing address that was the Service address follows it; a primary contact named after
 * the customer follows its name.
 */
export async function updateCustomer(tx: Tx, audit: AuditContext, options: { id: string; changes: CustomerChanges }): Promise<void> {
  const { id, changes } = options;
  const [row] = await tx.select().from(customers).where(eq(customers.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'No such customer');
  const contacts = await tx.select().from(customerContacts).where(eq(customerContacts.customerId, id)).orderBy(customerContacts.position);
  const addresses = await tx.select().from(customerAddresses).where(eq(customerAddresses.customerId, id));
  const primary = contacts.find((c) => c.isPrimary) ?? contacts[0] ?? null;
  const addressOf = (kind: string) => addresses.find((a) => a.kind === kind) ?? null;
  const oldService = addressOf('SERVICE');
  const oldBilling = addressOf('BILLING');

  const oldNames: CustomerNames = { firstName: row.firstName, lastName: row.lastName, companyName: row.companyName };
  const names = changes.names ?? oldNames;
  const displayName = changes.names ? customerDisplayName({ ...names, middleName: null, suffix: null }) : row.displayName;
  const renamed = changes.names !== undefined && displayName !== row.displayName;

  const before: Record<string, unknown> = {
    displayName: row.displayName,
    carrierCode: row.carrierCode,
    billProfileCode: row.billProfileCode,
    billMethod: row.billMethod,
    engagedParty: row.engagedPartyId ? `${row.engagedPartyType} ${row.engagedPartyId}` : null,
    email: primary?.email ?? null,
    phone: primary?.phone ?? null,
    mobile: primary?.mobile ?? null,
    serviceAddress: oneLine(oldService),
    billingAddress: oneLine(oldBilling),
  };

  // The account.
  await tx
    .update(customers)
    .set({
      ...(renamed ? { displayName, firstName: names.firstName, middleName: null, lastName: names.lastName, suffix: null, companyName: names.companyName } : {}),
      ...(changes.carrierCode !== undefined ? { carrierCode: changes.carrierCode } : {}),
      ...(changes.billProfileCode !== undefined ? { billProfileCode: changes.billProfileCode } : {}),
      ...(changes.billMethod !== undefined ? { billMethod: changes.billMethod } : {}),
      ...(changes.engagedParty ? { engagedPartyId: changes.engagedParty.id, engagedPartyType: changes.engagedParty.type } : {}),
      updatedAt: new Date(),
    })
    .where(eq(customers.id, id));

  // The primary contact: its means of contact, and its name when it stands for the customer.
  const standsForCustomer = primary !== null && sameName(primary, selfContactName(oldNames));
  let contact = primary ? { email: primary.email, phone: primary.phone, mobile: primary.mobile } : null;
  if (primary) {
    const set = {
      ...(changes.contact ?? {}),
      ...(renamed && standsForCustomer ? selfContactName(names) : {}),
    };
    if (Object.keys(set).length > 0) await tx.update(customerContacts).set(set).where(eq(customerContacts.id, primary.id));
    if (changes.contact) contact = changes.contact;
  } else if (changes.contact && (changes.contact.email || changes.contact.phone || changes.contact.mobile)) {
    await tx.insert(customerContacts).values({ customerId: id, position: 0, contactType: 'PRIMARY', isPrimary: true, ...selfContactName(names), ...changes.contact });
    contact = changes.contact;
  }

  // The addresses: Billing and Listing follow the Service address when they were the same.
  const writes = new Map<'SERVICE' | 'BILLING' | 'LISTING', TAddress>();
  if (changes.serviceAddress) {
    writes.set('SERVICE', changes.serviceAddress);
    for (const kind of ['BILLING', 'LISTING'] as const) {
      const current = addressOf(kind);
      if (!current || (oldService && sameAddress(current, oldService))) writes.set(kind, changes.serviceAddress);
    }
  }
  if (changes.billingAddress) {
    if (!oldService && !changes.serviceAddress) throw new AppError('RULE_VIOLATED', 'Give the service address before a billing address');
    writes.set('BILLING', changes.billingAddress);
  }
  for (const [kind, address] of writes) {
    const values = { line1: address.line1, line2: address.line2, city: address.city, state: address.state, zip: address.zip, zip4: address.zip4 };
    if (addressOf(kind)) await tx.update(customerAddresses).set(values).where(and(eq(customerAddresses.customerId, id), eq(customerAddresses.kind, kind)));
    else await tx.insert(customerAddresses).values({ customerId: id, kind, ...values, ...(kind === 'LISTING' ? { listingType: 'NON_PUBLISHED' as const } : {}) });
  }

  // Lookup keys of the account's own details, from what it now holds.
  const service = writes.get('SERVICE') ?? oldService;
  const otherContacts = contacts.filter((c) => c.id !== primary?.id);
  const keys = uniqueKeys([
    ...[...otherContacts, ...(contact ? [contact] : [])].flatMap((c) => [key('PHONE', phoneKey(c.phone)), key('PHONE', phoneKey(c.mobile)), key('EMAIL', emailKey(c.email))]),
    key('PHONE', phoneKey(row.primaryPhone)),
    key('EMAIL', emailKey(row.billEmail)),
    key('ADDRESS', service ? addressKey(service) : null),
    key('ZIP', service?.zip),
  ]);
  await tx.delete(customerMatchKeys).where(and(eq(customerMatchKeys.customerId, id), inArray(customerMatchKeys.kind, [...DETAIL_KEYS])));
  if (keys.length > 0) await tx.insert(customerMatchKeys).values(keys.map((k) => ({ ...k, customerId: id }))).onConflictDoNothing();

  const after: Record<string, unknown> = {
    displayName,
    carrierCode: changes.carrierCode ?? row.carrierCode,
    billProfileCode: changes.billProfileCode ?? row.billProfileCode,
    billMethod: changes.billMethod ?? row.billMethod,
    engagedParty: changes.engagedParty ? `${changes.engagedParty.type} ${changes.engagedParty.id}` : before.engagedParty,
    email: contact?.email ?? null,
    phone: contact?.phone ?? null,
    mobile: contact?.mobile ?? null,
    serviceAddress: oneLine(service),
    billingAddress: oneLine(writes.get('BILLING') ?? oldBilling),
  };
  // Nothing that shows changed (the same values sent again): no audit entry, so no change event either.
  if (Object.keys(diffRecords(before, after)).length > 0) await recordAudit(tx, audit, { entityType: 'customer', entityId: id, action: 'update', before, after });
}

function sameName(a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }): boolean {
  return a.firstName === b.firstName && a.lastName === b.lastName;
}

type AddressLike = Pick<TAddress, 'line1' | 'line2' | 'city' | 'zip' | 'zip4'> & { state: string };

function sameAddress(a: AddressLike, b: AddressLike): boolean {
  return oneLine(a) === oneLine(b);
}

function oneLine(a: AddressLike | null): string | null {
  if (!a) return null;
  return `${a.line1}${a.line2 ? ` ${a.line2}` : ''}, ${a.city}, ${a.state} ${a.zip}${a.zip4 ? `-${a.zip4}` : ''}`;
}
