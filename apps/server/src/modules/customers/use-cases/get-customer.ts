import { maskSsn, maskTaxId, type TCustomerAccount } from '@linedesk/domain';
import { asc, eq } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { creatorIds, creatorName, findUsers } from '../../auth/use-cases/find-users.js';
import { customerAddresses, customerContacts, customers } from '../customers.schema.js';

export type CustomerRecord = Omit<TCustomerAccount, 'paymentMethods' | 'lines' | 'orders' | 'billProfile'> & { billProfileCode: string; carrierCode: string };

const ADDRESS_ORDER = ['SERVICE', 'BILLING', 'LISTING', 'SHIPPING'] as const;

/** An account with its contacts and addresses; secrets masked (SSN/Tax ID by their last 4, the PIN not at all). */
export async function getCustomer(options: { db: DbOrTx; id: string; secrets: SecretBox }): Promise<CustomerRecord> {
  const { db, id } = options;
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'No such customer');
  const [contacts, addresses, parent, people] = await readTogether(db, [
    () => db.select().from(customerContacts).where(eq(customerContacts.customerId, id)).orderBy(asc(customerContacts.position)),
    () => db.select().from(customerAddresses).where(eq(customerAddresses.customerId, id)),
    () =>
      row.parentCustomerId
        ? db
            .select({ id: customers.id, accountNumber: customers.accountNumber, displayName: customers.displayName })
            .from(customers)
            .where(eq(customers.id, row.parentCustomerId))
        : Promise.resolve([]),
    () => findUsers({ db, ids: [...creatorIds([row]), ...(row.salesPersonUserId ? [row.salesPersonUserId] : [])] }),
  ]);
  const nameOf = (userId: string) => people.find((p) => p.id === userId)?.name ?? 'Unknown user';
  const addressName = row.displayName;
  return {
    id: row.id,
    accountNumber: row.accountNumber,
    displayName: row.displayName,
    customerClass: row.customerClass,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    createdBy: creatorName(people, row),
    carrierCode: row.carrierCode,
    billProfileCode: row.billProfileCode,
    billMethod: row.billMethod,
    billEmail: row.billEmail,
    salesPerson: row.salesPersonUserId ? { id: row.salesPersonUserId, name: nameOf(row.salesPersonUserId) } : null,
    agentCode: row.agentCode,
    language: row.language as TCustomerAccount['language'],
    contractStart: row.contractStart,
    contractEnd: row.contractEnd,
    attentionLine: row.attentionLine,
    paymentTermsDays: row.paymentTermsDays,
    accountType: row.accountType,
    parentAccount: parent[0] ?? null,
    website: row.website,
    primaryPhone: row.primaryPhone,
    taxExempt: row.taxExempt,
    taxExemptCertificate: row.taxExemptCertificate,
    ssn: { isSet: row.ssnSealed !== null, hint: row.ssnLast4 ? maskSsn(row.ssnLast4) : null },
    taxId: { isSet: row.taxIdSealed !== null, hint: row.taxIdLast4 ? maskTaxId(row.taxIdLast4) : null },
    securityPin: { isSet: row.securityPinSealed !== null, hint: null },
    dateOfBirth: row.dateOfBirth,
    contacts: contacts.map((c) => ({
      id: c.id,
      contactType: c.contactType,
      firstName: c.firstName,
      lastName: c.lastName,
      phone: c.phone,
      mobile: c.mobile,
      email: c.email,
      title: c.title,
      isPrimary: c.isPrimary,
    })),
    addresses: [...addresses]
      .sort((a, b) => ADDRESS_ORDER.indexOf(a.kind) - ADDRESS_ORDER.indexOf(b.kind))
      .map((a) => ({
        kind: a.kind,
        name: addressName,
        line1: a.line1,
        line2: a.line2,
        city: a.city,
        state: a.state,
        zip: a.zip,
        zip4: a.zip4,
        listingType: a.listingType,
        listedName: a.listedName,
      })),
  };
}
