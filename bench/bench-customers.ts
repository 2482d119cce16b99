import { NAMES, PORT_LINE, START } from '../apps/server/test/wizard-fixture.js';
import { chooseZips } from './duplicates/generate-customers.js';
import { AREA_CODES, FIRST_NAMES, STREET_NAMES, SURNAME_HEADS, SURNAME_TAILS } from './duplicates/us-people.js';

const zips = chooseZips(2000);

/**
 * The wizard's input for customer number `n` (bench/create-order, bench/activation): phones, email, SSN and ported number of its own, a name and an address (in one
 * of 2,000 real ZIPs) that rarely repeat.
 */
export function customer(n: number) {
  const firstName = FIRST_NAMES[n % FIRST_NAMES.length]!;
  const lastName = `${SURNAME_HEADS[Math.floor(n / FIRST_NAMES.length) % SURNAME_HEADS.length]}${SURNAME_TAILS[Math.floor(n / 7) % SURNAME_TAILS.length]}`;
  const npa = (k: number) => AREA_CODES[(n * 7 + k) % AREA_CODES.length]!;
  // Exchanges 200-899 avoiding N11 and 555, the line number from n: no number repeats in runs under 2 million drafts.
  const number = (k: number) => {
    const exchange = 200 + ((Math.floor(n / 10000) * 3 + k) % 700);
    const safe = exchange % 100 === 11 || exchange === 555 ? exchange + 1 : exchange;
    return `(${npa(k)}) ${safe}-${String(n % 10000).padStart(4, '0')}`;
  };
  const zip = zips[n % zips.length]!;
  const email = `${firstName}.${lastName}.${n}@example.net`.toLowerCase();
  const serial = String(1 + (n % 9999)).padStart(4, '0');
  const group = String(1 + (Math.floor(n / 9999) % 99)).padStart(2, '0');
  return {
    start: { ...START, contacts: [{ contactType: 'PRIMARY' as const, firstName, lastName, phone: number(0), mobile: number(1), email }] },
    names: { ...NAMES, firstName, lastName, serviceAddress: { line1: `${1 + (n % 9000)} ${STREET_NAMES[n % STREET_NAMES.length]} St`, city: zip.city, state: zip.state, zip: zip.zip } },
    profile: { ssn: `${String(100 + (n % 500)).padStart(3, '0')}-${group}-${serial}`, billEmail: email, securityPin: '8264' },
    portLine: { ...PORT_LINE, portIn: { ...PORT_LINE.portIn!, number: number(2), accountName: `${firstName} ${lastName}`, authorizedSigner: `${firstName} ${lastName}` } },
  };
}
