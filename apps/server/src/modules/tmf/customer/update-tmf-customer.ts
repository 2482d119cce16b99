import { customerStatusOf, type TTmfCustomerUpdate } from '@linedesk/domain';
import type { Db } from '../../../db/client.js';
import { fieldsError } from '../../../http/validate.js';
import type { SecretBox } from '../../../security/secret-box.js';
import type { AuditContext } from '../../audit/record-audit.js';
import { namesOfWholeName } from '../../customers/customer-names.js';
import { findCustomerRecords } from '../../customers/use-cases/find-customer-records.js';
import { lockCustomer } from '../../customers/use-cases/lock-customer.js';
import { updateCustomer, type CustomerChanges } from '../../customers/use-cases/update-customer.js';
import { tmfHref } from '../kernel/tmf-context.js';
import { checkAccountChoices, contactDetailsOf } from './customer-input.js';
import { partyTypeOf, TMF_CUSTOMER_PATH } from './render-customers.js';

type Problem = { path: (string | number)[]; rule: string; message: string };

/**
 * PATCH /customer/{id} (JSON Merge Patch): changes the account's name, engaged party id, carrier
 * (while a prospect), bill profile and bill method, and — `contactMedium` replacing the list — its
 * primary contact's email and phones and its addresses. What LineDesk decides (status, account
 * number, class, id) may be sent back unchanged; a different value is refused, naming the field.
 */
export async function updateTmfCustomer(options: {
  db: Db;
  secrets: SecretBox;
  audit: AuditContext;
  baseUrl: string;
  id: string;
  body: TTmfCustomerUpdate;
}): Promise<void> {
  const { db, secrets, audit, id, body } = options;
  await db.transaction(async (tx) => {
    await lockCustomer(tx, id);
    const [current] = await findCustomerRecords({ db: tx, ids: [id] });
    if (!current) return; // lockCustomer answered 404 already
    const problems: Problem[] = [];
    const readOnly = (path: (string | number)[], message: string) => problems.push({ path, rule: 'read_only', message });

    if (body.id !== undefined && body.id !== current.id) readOnly(['id'], 'A customer keeps its id');
    if (body.href !== undefined && body.href !== tmfHref(options.baseUrl, TMF_CUSTOMER_PATH, current.id)) readOnly(['href'], 'A customer keeps its href');
    if (body.status !== undefined && body.status !== customerStatusOf(current.status)) {
      readOnly(['status'], `The status follows the account's orders (it is ${customerStatusOf(current.status)})`);
    }
    const partyType = partyTypeOf(current);
    if (body.engagedParty && body.engagedParty['@referredType'] !== partyType) {
      readOnly(['engagedParty', '@referredType'], `This customer is an ${partyType}: a ${current.customerClass === 'BUSINESS' ? 'Business' : 'Residential'} account stays one`);
    }
    const characteristics = body.characteristic ?? {};
    if (characteristics.accountNumber !== undefined && characteristics.accountNumber !== current.accountNumber) {
      readOnly(['characteristic', 'accountNumber'], 'The account number is given by LineDesk');
    }
    if (characteristics.customerClass !== undefined && characteristics.customerClass !== current.customerClass) {
      readOnly(['characteristic', 'customerClass'], "The class follows the engaged party's @referredType and does not change");
    }
    const carrierChanges = characteristics.carrier !== undefined && characteristics.carrier !== current.carrierCode;
    if (carrierChanges && current.status !== 'PROSPECT') {
      readOnly(['characteristic', 'carrier'], 'Only a prospect changes carrier: this account has orders with its carrier');
    }

    const changes: CustomerChanges = {};
    if (body.name !== undefined && body.name !== current.displayName) changes.names = namesOfWholeName(current.customerClass, body.name);
    if (body.engagedParty && body.engagedParty.id !== (current.engagedPartyId ?? current.id)) {
      changes.engagedParty = { id: body.engagedParty.id, type: partyType };
    }
    if (body.contactMedium === null) {
      // Merge patch null: the email and phones go; an address is never removed, so they stay.
      changes.contact = { email: null, phone: null, mobile: null };
    } else if (body.contactMedium !== undefined) {
      const details = contactDetailsOf(body.contactMedium);
      changes.contact = details.contact;
      if (details.serviceAddress) {
        changes.serviceAddress = details.serviceAddress;
        // The list replaces the account's: without a billing address, the service address is billed.
        changes.billingAddress = details.billingAddress ?? details.serviceAddress;
      } else if (current.addresses.SERVICE) {
        problems.push({
          path: ['contactMedium'],
          rule: 'service_address_required',
          message: "The account's service address cannot be removed: keep its postalAddress (contactType serviceAddress) in contactMedium",
        });
      }
    }
    if (problems.length > 0) throw fieldsError(problems);

    const profileChanges = characteristics.billProfile !== undefined && characteristics.billProfile !== current.billProfileCode;
    const methodChanges = characteristics.billMethod !== undefined && characteristics.billMethod !== current.billMethod;
    if (carrierChanges || profileChanges || methodChanges) {
      const choices = await checkAccountChoices({
        db: tx,
        secrets,
        request: {
          carrier: { value: characteristics.carrier ?? current.carrierCode, fromDefaults: false },
          billProfile: { value: characteristics.billProfile ?? current.billProfileCode, fromDefaults: false },
          billMethod: { value: characteristics.billMethod ?? current.billMethod, fromDefaults: false },
        },
      });
      if (carrierChanges) changes.carrierCode = choices.carrierCode;
      if (profileChanges) changes.billProfileCode = choices.billProfileCode;
      if (methodChanges) changes.billMethod = choices.billMethod;
    }
    if (Object.keys(changes).length > 0) await updateCustomer(tx, audit, { id, changes });
  });
}
