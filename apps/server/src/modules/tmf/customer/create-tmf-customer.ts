import type { TContact, TTmfCustomerCreate } from '@linedesk/domain';
import type { Db } from '../../../db/client.js';
import { fieldsError } from '../../../http/validate.js';
import type { SecretBox } from '../../../security/secret-box.js';
import type { AuditContext } from '../../audit/record-audit.js';
import { namesOfWholeName, selfContactName } from '../../customers/customer-names.js';
import { createCustomer } from '../../customers/use-cases/create-customer.js';
import { readApiCustomerDefaults } from '../../system/settings.js';
import { createOnce } from '../kernel/idempotency.js';
import { checkAccountChoices, contactDetailsOf, customerClassOf } from './customer-input.js';

/**
 * POST /customer: a new LineDesk account, a Prospect (no order yet), for the party the integrator
 * names. Its carrier, bill profile and bill method come from `characteristic`, else from the
 * installation's API customer defaults; its email, phones and addresses from `contactMedium`.
 * With an Idempotency-Key, the same request again answers the account the first one made.
 */
export async function createTmfCustomer(options: {
  db: Db;
  secrets: SecretBox;
  audit: AuditContext;
  body: TTmfCustomerCreate;
  /** The raw body, to recognise the same request again. */
  rawBody: unknown;
  idempotency: { scope: string | null; key: string | null };
}): Promise<{ id: string; replayed: boolean }> {
  const { db, secrets, audit, body } = options;
  const partyType = body.engagedParty['@referredType'];
  const customerClass = customerClassOf(partyType);
  const characteristics = body.characteristic ?? {};
  if (characteristics.customerClass && characteristics.customerClass !== customerClass) {
    throw fieldsError([
      { path: ['characteristic', 'customerClass'], rule: 'mismatch', message: `An ${partyType} is a ${customerClass} account: the engaged party's @referredType decides the class` },
    ]);
  }
  const details = contactDetailsOf(body.contactMedium ?? []);
  const names = namesOfWholeName(customerClass, body.name);
  const { contact } = details;
  const contacts: TContact[] =
    contact.email || contact.phone || contact.mobile
      ? [{ contactType: 'PRIMARY', ...selfContactName(names), phone: contact.phone, mobile: contact.mobile, smsOptIn: false, email: contact.email, title: null }]
      : [];

  return db.transaction((tx) =>
    createOnce(tx, { ...options.idempotency, resourceType: 'customer', body: options.rawBody }, async () => {
      const defaults = await readApiCustomerDefaults(tx);
      // A carrier the request names brings its own default bill profile, not the installation's.
      const carrierGiven = characteristics.carrier !== undefined;
      const choices = await checkAccountChoices({
        db: tx,
        secrets,
        request: {
          carrier: { value: characteristics.carrier ?? defaults.carrierCode, fromDefaults: !carrierGiven },
          billProfile: {
            value: characteristics.billProfile ?? (carrierGiven ? null : defaults.billProfileCode),
            fromDefaults: characteristics.billProfile === undefined && !carrierGiven,
          },
          billMethod: { value: characteristics.billMethod ?? (characteristics.billProfile !== undefined || carrierGiven ? null : defaults.billMethod), fromDefaults: false },
        },
      });
      const created = await createCustomer(tx, audit, {
        ...choices,
        customerClass,
        accountNumber: null,
        billEmail: null,
        salesPersonUserId: audit.actorUserId,
        agentCode: null,
        language: null,
        contractStart: null,
        contractEnd: null,
        attentionLine: null,
        paymentTermsDays: null,
        accountType: 'STANDARD',
        parentAccountNumber: null,
        website: null,
        primaryPhone: null,
        taxExempt: false,
        taxExemptCertificate: null,
        securityPinSealed: null,
        ssn: null,
        taxId: null,
        dateOfBirth: null,
        names: {
          ...names,
          middleName: null,
          suffix: null,
          serviceAddress: details.serviceAddress,
          billingSameAsService: details.billingAddress === null,
          billingAddress: details.billingAddress,
          listingSameAsService: true,
          listingAddress: null,
          listingType: 'NON_PUBLISHED',
          listedName: null,
        },
        contacts,
        portInNumbers: [],
        status: 'PROSPECT',
        engagedParty: { id: body.engagedParty.id, type: partyType },
        createdBy: audit.actorUserId,
      });
      return created.id;
    }),
  );
}
