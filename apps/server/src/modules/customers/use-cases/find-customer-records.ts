import type { AddressKind, BillMethod, CustomerClass, CustomerStatus, TAddress } from '@linedesk/domain';
import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { customerAddresses, customerContacts, customers } from '../customers.schema.js';

/** An account as the TM Forum API shows it: its names, catalog choices, primary contact and addresses. */
export type CustomerProfileRecord = {
  id: string;
  accountNumber: string;
  status: CustomerStatus;
  customerClass: CustomerClass;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  carrierCode: string;
  billProfileCode: string;
  billMethod: BillMethod;
  engagedPartyId: string | null;
  engagedPartyType: string | null;
  createdAt: Date;
  /** The primary contact's ways of reaching the customer (null when the account has no contact). */
  primaryContact: { id: string; firstName: string; lastName: string; email: string | null; phone: string | null; mobile: string | null } | null;
  /** The account's addresses by kind (Service, Billing, Listing, Shipping); none for a prospect made without one. */
  addresses: Partial<Record<AddressKind, TAddress>>;
};

/** Accounts by id, in the order asked; unknown ids are left out. Three queries, whatever the number of ids. */
export async function findCustomerRecords(options: { db: DbOrTx; ids: readonly string[] }): Promise<CustomerProfileRecord[]> {
  const { db } = options;
  const ids = [...new Set(options.ids)];
  if (ids.length === 0) return [];
  // One after another: `db` may be a transaction, whose one connection runs one query at a time.
  const rows = await db.select().from(customers).where(inArray(customers.id, ids));
  const contacts = await db.select().from(customerContacts).where(inArray(customerContacts.customerId, ids)).orderBy(asc(customerContacts.position));
  const addresses = await db.select().from(customerAddresses).where(inArray(customerAddresses.customerId, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const contact = contacts.find((c) => c.customerId === id && c.isPrimary) ?? contacts.find((c) => c.customerId === id);
    const own = addresses.filter((a) => a.customerId === id);
    return [
      {
        id: row.id,
        accountNumber: row.accountNumber,
        status: row.status,
        customerClass: row.customerClass,
        displayName: row.displayName,
        firstName: row.firstName,
        lastName: row.lastName,
        companyName: row.companyName,
        carrierCode: row.carrierCode,
        billProfileCode: row.billProfileCode,
        billMethod: row.billMethod,
        engagedPartyId: row.engagedPartyId,
        engagedPartyType: row.engagedPartyType,
        createdAt: row.createdAt,
        primaryContact: contact
          ? { id: contact.id, firstName: contact.firstName, lastName: contact.lastName, email: contact.email, phone: contact.phone, mobile: contact.mobile }
          : null,
        addresses: Object.fromEntries(
          own.map((a) => [a.kind, { line1: a.line1, line2: a.line2, city: a.city, state: a.state as TAddress['state'], zip: a.zip, zip4: a.zip4 }]),
        ),
      },
    ];
  });
}
