import { isUsStateCode } from '@linedesk/domain';
import { AppError } from '../../http/app-error.js';

type ZipRecord = { zip: string; city: string; state: string; country: string };
let zipcodes: { lookup(zip: string): ZipRecord | undefined } | null = null;

/**
 * The city and state of a US ZIP code, from the `zipcodes` dataset shipped with the server (no
 * network lookups), loaded on first use.
 */
export async function lookupZip(zip: string): Promise<{ zip: string; city: string; state: string }> {
  zipcodes ??= ((await import('zipcodes')) as unknown as { default: typeof zipcodes }).default;
  const found = zipcodes!.lookup(zip);
  if (!found || found.country !== 'US' || !isUsStateCode(found.state)) throw AppError.field('NOT_FOUND', 'params.zip', 'known_zip', `${zip} is not a known US ZIP code`);
  return { zip: found.zip, city: found.city, state: found.state };
}
