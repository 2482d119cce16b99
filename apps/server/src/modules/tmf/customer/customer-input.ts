import { parseNanp, type BillMethod, type CustomerClass, type TAddress, type TmfPartyType, type TTmfContactMediumInput } from '@linedesk/domain';
import type { DbOrTx } from '../../../db/client.js';
import { fieldsError } from '../../../http/validate.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { listOfferedCarriers } from '../../catalog/use-cases/list-offered-carriers.js';
import { CATALOG_ENTITIES } from '../../catalog/catalog-entities.js';

/*
 * From TMF629 requests to LineDesk's account: the class of the engaged party, the contact media, and
 * the catalog choices (carrier, bill profile, bill method) with their defaults.
 */

type Problem = { path: (string | number)[]; rule: string; message: string };

/** A person is a Residential account, a company a Business one. */
export function customerClassOf(partyType: TmfPartyType): CustomerClass {
  return partyType === 'Organization' ? 'BUSINESS' : 'RESIDENTIAL';
}

export type ContactDetails = {
  contact: { email: string | null; phone: string | null; mobile: string | null };
  serviceAddress: TAddress | null;
  billingAddress: TAddress | null;
};

/**
 * The primary contact's email and numbers and the Service and Billing addresses a `contactMedium`
 * array gives (each at most once). Problems are named under `body.contactMedium.<index>`.
 */
export function contactDetailsOf(media: readonly TTmfContactMediumInput[]): ContactDetails {
  const problems: Problem[] = [];
  const result: ContactDetails = { contact: { email: null, phone: null, mobile: null }, serviceAddress: null, billingAddress: null };
  const seen = new Map<string, number>();
  media.forEach((medium, index) => {
    const c = medium.characteristic;
    const slot =
      medium.mediumType === 'email' ? 'email' : medium.mediumType === 'phone' ? (c.contactType === 'mobile' ? 'mobile' : 'phone') : (c.contactType ?? 'serviceAddress');
    const earlier = seen.get(slot);
    if (earlier !== undefined) {
      problems.push({ path: ['contactMedium', index], rule: 'repeated', message: `contactMedium ${earlier} already gives the ${slot}: give each once` });
      return;
    }
    seen.set(slot, index);
    if (slot === 'email') result.contact.email = (c.emailAddress ?? '').toLowerCase();
    else if (slot === 'phone' || slot === 'mobile') {
      const parsed = parseNanp(c.phoneNumber ?? '');
      if (parsed.ok) result.contact[slot] = parsed.digits;
    } else {
      const address = addressOf(c);
      if (slot === 'serviceAddress') result.serviceAddress = address;
      else result.billingAddress = address;
    }
  });
  if (result.billingAddress && !result.serviceAddress) {
    problems.push({ path: ['contactMedium'], rule: 'service_address_required', message: 'Give the service address (postalAddress, contactType serviceAddress) with the billing address' });
  }
  if (problems.length > 0) throw fieldsError(problems);
  return result;
}

function addressOf(c: TTmfContactMediumInput['characteristic']): TAddress {
  const [zip = '', zip4 = null] = (c.postCode ?? '').replace('-', '').match(/^(\d{5})(\d{4})?$/)?.slice(1) ?? [];
  return {
    line1: c.street1 ?? '',
    line2: c.street2 ? c.street2 : null,
    city: c.city ?? '',
    state: (c.stateOrProvince ?? '').toUpperCase() as TAddress['state'],
    zip,
    zip4: zip4 ?? null,
  };
}

/** The catalog choices every account needs. */
export type AccountChoices = { carrierCode: string; billProfileCode: string; billMethod: BillMethod };

/** Where each choice came from: the request's characteristic, or the installation's API customer defaults. */
export type ChoiceRequest = {
  carrier: { value: string | null; fromDefaults: boolean };
  billProfile: { value: string | null; fromDefaults: boolean };
  billMethod: { value: BillMethod | null; fromDefaults: boolean };
};

/**
 * Checks a carrier and bill profile against the catalog (active ones) and fills what is missing: the
 * bill profile from the carrier's default, the bill method from the bill profile's. Problems are
 * named `body.characteristic.<name>`.
 */
export async function checkAccountChoices(options: { db: DbOrTx; secrets: SecretBox; request: ChoiceRequest }): Promise<AccountChoices> {
  const { db, secrets, request } = options;
  // One after another: `db` is usually a transaction (one connection).
  const carriers = await listOfferedCarriers({ db });
  const billProfiles = await CATALOG_ENTITIES.billProfiles.list(db, { status: 'active' }, secrets);
  const problems: Problem[] = [];
  const where = (fromDefaults: boolean) => (fromDefaults ? ' (the API customer default)' : '');

  const carrierCode = request.carrier.value;
  const carrier = carrierCode ? carriers.find((c) => c.code === carrierCode) : undefined;
  if (!carrierCode) {
    problems.push({ path: ['characteristic', 'carrier'], rule: 'required', message: 'Name the carrier of the account: a characteristic carrier with a carrier code (no default is set for API customers)' });
  } else if (!carrier) {
    problems.push({ path: ['characteristic', 'carrier'], rule: 'unknown', message: `No active carrier has the code ${carrierCode}${where(request.carrier.fromDefaults)}` });
  }

  const billProfileCode = request.billProfile.value ?? carrier?.defaultBillProfileCode ?? null;
  const profile = billProfileCode ? billProfiles.find((p) => p.code === billProfileCode) : undefined;
  if (!billProfileCode) {
    if (carrier || !carrierCode) {
      problems.push({ path: ['characteristic', 'billProfile'], rule: 'required', message: 'Name the bill profile of the account: a characteristic billProfile with a bill profile code' });
    }
  } else if (!profile) {
    problems.push({ path: ['characteristic', 'billProfile'], rule: 'unknown', message: `No active bill profile has the code ${billProfileCode}${where(request.billProfile.fromDefaults)}` });
  }

  const billMethod = request.billMethod.value ?? profile?.defaultBillMethod ?? null;
  if (!billMethod && !billProfileCode) {
    problems.push({ path: ['characteristic', 'billMethod'], rule: 'required', message: 'Name the bill method of the account: a characteristic billMethod (EMAIL, PRINT, BOTH or NONE)' });
  }

  if (problems.length > 0 || !carrier || !profile || !billMethod) throw fieldsError(problems);
  return { carrierCode: carrier.code, billProfileCode: profile.code, billMethod };
}
