import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { IdentifierKind } from '../catalog/catalog.constants.js';
import { parseNanp } from '../customers/nanp.js';
import { pseudoEsnFromMeid } from './identifier-kinds.js';
import { parseIdentifier, type IdentifierRule } from './identifiers.js';
import { isLuhnValid, luhnCheckDigit } from './luhn.js';
import { sha1 } from './sha1.js';

// Every test vector of /work/shared/reference/identifiers-and-stack.md, Part 1, one row each. `expect` is
// the field's kinds when the vector is only meaningful for one kind (a decimal-digit MEID is an IMEI
// unless the field takes a MEID); `any` is what a field that takes any kind answers.

type Accepted = { input: string; expect?: IdentifierKind[]; kind: IdentifierKind; value: string; more?: Record<string, unknown>; source: string };
type Refused = { input: string; expect?: IdentifierKind[]; rule: IdentifierRule; any?: { rule: IdentifierRule; mentions: string }; source: string };

const ACCEPTED: Accepted[] = [
  // 1.2 IMEI / IMEISV
  { input: '490154203237518', kind: 'IMEI', value: '490154203237518', more: { checkDigit: '8', tac: '49015420' }, source: '1.2 Wikipedia / mobileidentity' },
  { input: '49015420323751', kind: 'IMEI', value: '490154203237518', more: { checkDigitAdded: true }, source: '1.2 python-stdnum 14-digit form' },
  { input: '352099001761481', kind: 'IMEI', value: '352099001761481', source: '1.2 python-stdnum test_imei' },
  { input: '354178036859789', kind: 'IMEI', value: '354178036859789', source: '1.2 python-stdnum imei.py' },
  { input: '350077523237513', kind: 'IMEI', value: '350077523237513', source: '1.2 python-stdnum test_imei' },
  { input: '355762052793235', kind: 'IMEI', value: '355762052793235', more: { checkDigit: '5' }, source: '1.2 stackpointer.io' },
  { input: '26053179311383', kind: 'IMEI', value: '260531793113837', more: { checkDigit: '7', checkDigitAdded: true }, source: '1.2 3GPP TS 23.003 Annex B' },
  { input: '3568680000414120', kind: 'IMEI', value: '356868000041418', more: { fromImeisv: true, softwareVersion: '20' }, source: '1.2 python-stdnum IMEISV' },
  { input: '35-209900-176148-1', kind: 'IMEI', value: '352099001761481', source: '1.2 input hygiene (separators)' },
  // 1.3 MEID
  { input: 'AF 01 23 45 0A BC DE C', kind: 'MEID', value: 'AF0123450ABCDE', more: { checkDigit: 'C', inputForm: 'hex' }, source: '1.3 python-stdnum meid.py' },
  { input: '29360 87365 0070 3710 0', kind: 'MEID', value: 'AF0123450ABCDE', more: { decimal: '293608736500703710', decimalCheckDigit: '0', inputForm: 'decimal' }, source: '1.3 python-stdnum' },
  { input: '35-209900-176148-1', expect: ['MEID'], kind: 'MEID', value: '35209900176148', more: { checkDigit: '1' }, source: '1.3 python-stdnum test_meid (all-decimal MEID)' },
  { input: '35209900176148', expect: ['MEID'], kind: 'MEID', value: '35209900176148', more: { decimal: '089132876801532232', decimalCheckDigit: '3' }, source: '1.3 python-stdnum conversion' },
  { input: '08913 28768 0153 2232 3', kind: 'MEID', value: '35209900176148', more: { inputForm: 'decimal' }, source: '1.3 python-stdnum conversion (reverse)' },
  // 1.4 ESN, both forms of each
  { input: 'E69FFFFF', kind: 'ESN', value: 'E69FFFFF', more: { decimal: '23010485759', manufacturerCode: 230, serialNumber: 10485759, pseudoEsn: false }, source: '1.4 timgineer' },
  { input: '23010485759', kind: 'ESN', value: 'E69FFFFF', more: { inputForm: 'decimal' }, source: '1.4 timgineer' },
  { input: '8016B128', kind: 'ESN', value: '8016B128', more: { decimal: '12801487144', pseudoEsn: true }, source: '1.4 python-stdnum pESN' },
  { input: '12801487144', kind: 'ESN', value: '8016B128', more: { pseudoEsn: true }, source: '1.4 our conversion' },
  { input: '800737E1', kind: 'ESN', value: '800737E1', more: { decimal: '12800473057', pseudoEsn: true }, source: '1.4 3GPP2 via tek-tips' },
  { input: '12800473057', kind: 'ESN', value: '800737E1', more: { pseudoEsn: true }, source: '1.4 our conversion' },
  { input: '0xE69FFFFF', kind: 'ESN', value: 'E69FFFFF', source: '1.4 0x prefix stripped' },
  // 1.6 ICCID
  { input: '8914800000000000006', kind: 'ICCID', value: '8914800000000000006', source: '1.6 Veritas.Telecom IccidTests' },
  { input: '8965880812100011146', kind: 'ICCID', value: '8965880812100011146', source: '1.6 ICCID-checksum worked example' },
  { input: '89014103211118510720', kind: 'ICCID', value: '89014103211118510720', source: '1.6 gecko test_icc_info (20 digits)' },
  { input: '8914800000000000006F', kind: 'ICCID', value: '8914800000000000006', source: '1.6 trailing F padding stripped' },
  // 1.7 EID
  { input: '89049032123451234512345678901235', kind: 'EID', value: '89049032123451234512345678901235', source: '1.7 pysim test_euicc' },
  { input: '89086030202200000022000023022943', kind: 'EID', value: '89086030202200000022000023022943', source: '1.7 pysim test_euicc' },
  { input: '89044045116727494800000004479366', kind: 'EID', value: '89044045116727494800000004479366', source: '1.7 pysim test_euicc' },
];

const REFUSED: Refused[] = [
  // 1.2 IMEI
  { input: '352099001761482', rule: 'imei_check_digit', source: '1.2 python-stdnum test_imei' },
  { input: '354178036859782', rule: 'imei_check_digit', source: '1.2 python-stdnum test_imei' },
  { input: '490154203237519', rule: 'imei_check_digit', source: '1.2 public JS test suite' },
  { input: '49015420323751X', rule: 'invalid_characters', source: '1.2 format rule' },
  { input: '4901542032375', expect: ['IMEI'], rule: 'imei_length', any: { rule: 'unknown_format', mentions: '13-digit' }, source: '1.2 13 digits' },
  // 1.3 MEID
  { input: 'AF 01 23 45 0A BC DE D', rule: 'meid_check_digit', source: '1.3 python-stdnum (CD should be C)' },
  { input: '29360 87365 0070 3710 1', rule: 'meid_check_digit', source: '1.3 python-stdnum (CD should be 0)' },
  {
    input: '99999 99999 0070 3710 4',
    expect: ['MEID'],
    rule: 'meid_manufacturer_range',
    // 19 digits too large for a MEID are likelier a SIM number; the message says both.
    any: { rule: 'iccid_prefix', mentions: 'at most 4294967295' },
    source: '1.3 python-stdnum (manufacturer > 32 bits)',
  },
  { input: '29360 87365 9999 9999 4', rule: 'meid_serial_range', source: '1.3 python-stdnum (serial > 24 bits)' },
  { input: 'GF 01 23 45 0A BC DE', rule: 'invalid_characters', source: '1.3 python-stdnum format' },
  // 1.4 ESN
  { input: '25610485759', rule: 'esn_manufacturer_range', source: '1.4 manufacturer 256 > 255' },
  { input: '23016777216', rule: 'esn_serial_range', source: '1.4 serial > 16 777 215' },
  { input: 'E69FFFF', expect: ['ESN'], rule: 'esn_length', any: { rule: 'unknown_format', mentions: '7-character' }, source: '1.4 format (7 hex digits)' },
  { input: 'G69FFFFF', rule: 'invalid_characters', source: '1.4 format (G)' },
  // 1.6 ICCID
  { input: '8914800000000000001', rule: 'iccid_check_digit', source: '1.6 Veritas.Telecom IccidTests' },
  { input: '8965880812100011147', rule: 'iccid_check_digit', source: '1.6 altered worked example' },
  { input: '8991151000000000118', rule: 'iccid_check_digit', source: '1.6 learn-telecom example with a wrong CD' },
  { input: '7914800000000000006', expect: ['ICCID'], rule: 'iccid_prefix', any: { rule: 'iccid_prefix', mentions: 'starts with 79' }, source: '1.6 not 89' },
  { input: '896588081210001114', rule: 'iccid_check_digit_missing', source: '1.6 / 1.9 18 digits: ask, never append' },
  // 1.7 EID
  { input: '89049032123451234512345678901234', rule: 'eid_check_digits', source: '1.7 pysim test_euicc' },
  { input: '89086030202200000022000023022944', rule: 'eid_check_digits', source: '1.7 altered check digits' },
  { input: '8904903212345123451234567890123', rule: 'eid_length', source: '1.7 31 digits' },
];

describe('Part 1 test vectors', () => {
  it.each(ACCEPTED)('should accept $input as $kind $value ($source)', ({ input, expect: kinds, kind, value, more }) => {
    expect(parseIdentifier(input, { expect: kinds ?? [] })).toMatchObject({ ok: true, kind, value, ...more });
  });

  it.each(REFUSED)('should refuse $input with the rule $rule ($source)', ({ input, expect: kinds, rule, any }) => {
    const result = parseIdentifier(input, { expect: kinds ?? [] });
    expect(result).toMatchObject({ ok: false, rule });
    expect(!result.ok && result.message).toMatch(/\w/);
    if (any) expect(parseIdentifier(input)).toMatchObject({ ok: false, rule: any.rule, message: expect.stringContaining(any.mentions) });
  });

  it.each([
    ['49015420323751', '8'],
    ['35576205279323', '5'],
    ['26053179311383', '7'],
    ['896588081210001114', '6'],
    ['899115100000000011', '6'],
  ])('should compute the Luhn check digit of %s as %s (1.1, 1.2, 1.6)', (digits, checkDigit) => {
    expect(luhnCheckDigit(digits)).toBe(checkDigit);
    expect(isLuhnValid(digits + checkDigit)).toBe(true);
  });

  it('should compute the base-16 Luhn check digit of a hex MEID (1.1, 1.3)', () => {
    expect(luhnCheckDigit('AF0123450ABCDE', 16)).toBe('C');
  });

  it.each([
    ['FF000001123456', '800737E1', '1.5 3GPP2 example via tek-tips'],
    ['AF0123450ABCDE', '8016B128', '1.5 python-stdnum'],
    ['35209900176148', '80BB2EEC', '1.5 IMEI used as a MEID, first 14 digits as hex'],
  ])('should derive the pseudo-ESN of MEID %s as %s (%s)', (meid, pesn) => {
    expect(pseudoEsnFromMeid(meid)).toBe(pesn);
    expect(parseIdentifier(`MEID ${meid}`)).toMatchObject({ ok: true, kind: 'MEID', pesn });
  });

  it.each([
    ['234-235-5678', { ok: true, e164: '+12342355678' }],
    ['+1 301 555 0100', { ok: true, e164: '+13015550100' }],
    ['250 555 0199', { ok: true, display: '(250) 555-0199' }],
    ['234-911-5678', { ok: false, rule: 'nxx_n11' }],
    ['123-234-5678', { ok: false, rule: 'npa_first_digit' }],
    ['291-234-5678', { ok: false, rule: 'npa_n9x' }],
    ['212-123-4567', { ok: false, rule: 'nxx_first_digit' }],
  ])('should read the MDN %s (1.8)', (input, outcome) => {
    expect(parseNanp(input)).toMatchObject(outcome);
  });
});

describe('sha1', () => {
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
  ])('should hash %j as FIPS 180 says', (text, digest) => {
    expect(hex(sha1(new TextEncoder().encode(text)))).toBe(digest);
  });

  it('should agree with node:crypto on every length around the block boundaries', () => {
    for (let length = 0; length <= 130; length++) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 31 + length) & 0xff);
      expect(hex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
  });
});
