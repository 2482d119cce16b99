import { describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS } from '../catalog/catalog.constants.js';
import { parseIdentifier } from './identifiers.js';
import { isLuhnValid, luhnCheckDigit } from './luhn.js';
import { splitScannedText } from './split-scan.js';

// Vectors from /work/shared/reference/identifiers-and-stack.md, Part 1.

describe('Luhn', () => {
  it.each([
    ['49015420323751', '8'],
    ['35576205279323', '5'],
    ['26053179311383', '7'], // 3GPP TS 23.003 worked example
    ['896588081210001114', '6'],
    ['899115100000000011', '6'], // learn-telecom's example, whose printed check digit 8 is wrong
    ['411111111111111', '1'], // card number
  ])('should compute the check digit of %s as %s', (digits, checkDigit) => {
    expect(luhnCheckDigit(digits)).toBe(checkDigit);
  });

  it('should compute a base-16 check digit for a hex MEID', () => {
    expect(luhnCheckDigit('AF0123450ABCDE', 16)).toBe('C');
    expect(luhnCheckDigit('af0123450abcde', 16)).toBe('C');
  });

  it.each(['4111111111111111', '490154203237518', '8914800000000000006', '89014103211118510720'])('should accept %s', (digits) => {
    expect(isLuhnValid(digits)).toBe(true);
  });

  it.each(['4111111111111112', '490154203237519', '8914800000000000001', '', '4111 1111 1111 1111', 'AF0123450ABCDEC'])('should refuse %j', (digits) => {
    expect(isLuhnValid(digits)).toBe(false);
  });

  it('should verify in base 16', () => {
    expect(isLuhnValid('AF0123450ABCDEC', 16)).toBe(true);
    expect(isLuhnValid('AF0123450ABCDED', 16)).toBe(false);
  });

  it('should throw for digits outside the base', () => {
    expect(() => luhnCheckDigit('12A4')).toThrow(RangeError);
    expect(() => luhnCheckDigit('')).toThrow(RangeError);
    expect(() => luhnCheckDigit('12G4', 16)).toThrow(RangeError);
  });
});

describe('IMEI', () => {
  it.each(['490154203237518', '352099001761481', '354178036859789', '350077523237513', '355762052793235'])('should accept %s', (imei) => {
    expect(parseIdentifier(imei)).toMatchObject({ ok: true, kind: 'IMEI', value: imei, checkDigitAdded: false, fromImeisv: false, notes: [] });
  });

  it('should normalise separators and describe the parts', () => {
    expect(parseIdentifier(' 35-209900-176148-1 ')).toEqual({
      ok: true,
      kind: 'IMEI',
      value: '352099001761481',
      display: '35 209900 176148 1',
      notes: [],
      tac: '35209900',
      checkDigit: '1',
      checkDigitAdded: false,
      fromImeisv: false,
      softwareVersion: null,
    });
  });

  it.each([
    ['IMEI: 35 209900 176148 1'],
    ['imei 352099001761481'],
    ['IMEI 1: 352099001761481'],
    ['IMEI2 35.209900.176148.1'],
    ['IMEI/MEID: 352099001761481'],
    ['IMEI No. 352099001761481'],
    ['S/N: 352099001761481'],
    [']C0352099001761481'],
    ['35/209900/176148/1'],
  ])('should strip the label, prefix and separators of %j', (raw) => {
    expect(parseIdentifier(raw)).toMatchObject({ ok: true, kind: 'IMEI', value: '352099001761481' });
  });

  it('should read the digit after "IMEI 2" as the IMEI\'s first digit when only that reading has a right check digit', () => {
    expect(parseIdentifier('IMEI 2 08360410701054')).toMatchObject({ ok: true, kind: 'IMEI', value: '208360410701054', checkDigitAdded: false });
    expect(parseIdentifier('IMEI 2 35209900176148')).toMatchObject({ ok: true, kind: 'IMEI', value: '352099001761481', checkDigitAdded: true });
    expect(parseIdentifier('IMEI 2: 352099001761481')).toMatchObject({ ok: true, value: '352099001761481' });
    // "IMEI2" is plainly the slot: the 14 digits after it are the IMEI without its check digit.
    expect(parseIdentifier('IMEI2 08360410701054')).toMatchObject({ ok: true, value: '083604107010547', checkDigitAdded: true });
  });

  it('should add the check digit to 14 digits and say so', () => {
    const result = parseIdentifier('26053179311383');
    expect(result).toMatchObject({ ok: true, kind: 'IMEI', value: '260531793113837', checkDigit: '7', checkDigitAdded: true });
    expect(result.ok && result.notes).toEqual([expect.stringContaining('check digit 7 was added')]);
  });

  it('should derive the IMEI from an IMEISV', () => {
    expect(parseIdentifier('3568680000414120')).toMatchObject({
      ok: true,
      kind: 'IMEI',
      value: '356868000041418',
      display: '35 686800 004141 8',
      fromImeisv: true,
      softwareVersion: '20',
      checkDigitAdded: true,
      notes: [expect.stringContaining('IMEISV')],
    });
    expect(parseIdentifier('IMEISV: 35 686800 004141 20')).toMatchObject({ ok: true, value: '356868000041418', fromImeisv: true });
  });

  it.each(['352099001761482', '354178036859782', '490154203237519'])('should refuse %s with the rule imei_check_digit', (imei) => {
    const result = parseIdentifier(imei);
    expect(result).toMatchObject({ ok: false, rule: 'imei_check_digit', message: expect.stringContaining('IMEI check digit') });
    expect(result).not.toHaveProperty('suggestion');
  });

  it('should offer the real check digit when a network record shows it as 0', () => {
    expect(parseIdentifier('490154203237510')).toMatchObject({ ok: false, rule: 'imei_check_digit', suggestion: '490154203237518' });
  });

  it('should refuse a letter in an IMEI', () => {
    expect(parseIdentifier('49015420323751X')).toMatchObject({ ok: false, rule: 'invalid_characters', message: expect.stringContaining('"X"') });
  });

  it('should refuse 13 digits', () => {
    expect(parseIdentifier('4901542032375')).toMatchObject({ ok: false, rule: 'unknown_format', message: expect.stringContaining('13-digit') });
    expect(parseIdentifier('4901542032375', { expect: ['IMEI'] })).toMatchObject({ ok: false, rule: 'imei_length', message: expect.stringContaining('13 digits') });
  });
});

describe('MEID', () => {
  it('should accept a hex MEID with its check digit', () => {
    expect(parseIdentifier('AF 01 23 45 0A BC DE C')).toEqual({
      ok: true,
      kind: 'MEID',
      value: 'AF0123450ABCDE',
      display: 'AF 01 23 45 0A BC DE',
      notes: [],
      inputForm: 'hex',
      checkDigit: 'C',
      decimal: '293608736500703710',
      decimalCheckDigit: '0',
      pesn: '8016B128',
    });
  });

  it.each(['AF0123450ABCDE', 'af0123450abcde', 'MEID: AF0123450ABCDE', 'MEID HEX: AF0123450ABCDE', '0xAF0123450ABCDE'])('should accept %j without a check digit', (raw) => {
    expect(parseIdentifier(raw)).toMatchObject({ ok: true, kind: 'MEID', value: 'AF0123450ABCDE', inputForm: 'hex' });
  });

  it('should convert the decimal form to hex', () => {
    expect(parseIdentifier('29360 87365 0070 3710 0')).toMatchObject({ ok: true, kind: 'MEID', value: 'AF0123450ABCDE', inputForm: 'decimal', decimal: '293608736500703710' });
    expect(parseIdentifier('MEID DEC: 293608736500703710')).toMatchObject({ ok: true, kind: 'MEID', value: 'AF0123450ABCDE' });
  });

  it('should read an all-decimal MEID with a decimal Luhn check digit when a MEID is expected', () => {
    expect(parseIdentifier('35-209900-176148-1', { expect: ['MEID'] })).toMatchObject({ ok: true, kind: 'MEID', value: '35209900176148', checkDigit: '1' });
  });

  it('should convert an all-decimal MEID as hex', () => {
    expect(parseIdentifier('35209900176148', { expect: ['MEID'] })).toMatchObject({ ok: true, decimal: '089132876801532232', decimalCheckDigit: '3' });
    expect(parseIdentifier('08913 28768 0153 2232 3')).toMatchObject({ ok: true, kind: 'MEID', value: '35209900176148', inputForm: 'decimal' });
  });

  it('should read 14 decimal digits as an IMEI first (section 1.9), or as a MEID when the field takes one', () => {
    expect(parseIdentifier('35209900176148')).toMatchObject({ ok: true, kind: 'IMEI', value: '352099001761481' });
    expect(parseIdentifier('35209900176148', { expect: ['IMEI', 'MEID'] })).toMatchObject({ kind: 'IMEI' });
    expect(parseIdentifier('MEID: 35209900176148')).toMatchObject({ ok: true, kind: 'MEID', value: '35209900176148' });
  });

  it.each([
    ['AF 01 23 45 0A BC DE D', 'meid_check_digit'],
    ['29360 87365 0070 3710 1', 'meid_check_digit'],
    ['29360 87365 9999 9999 4', 'meid_serial_range'],
    ['GF 01 23 45 0A BC DE', 'invalid_characters'],
    ['AF0123450ABCD', 'unknown_format'],
  ])('should refuse %s with the rule %s', (raw, rule) => {
    expect(parseIdentifier(raw)).toMatchObject({ ok: false, rule });
  });

  it('should refuse a decimal MEID whose first 10 digits are over 32 bits, and say a SIM number is likelier when any kind is taken', () => {
    expect(parseIdentifier('99999 99999 0070 3710 4', { expect: ['MEID'] })).toMatchObject({ ok: false, rule: 'meid_manufacturer_range' });
    expect(parseIdentifier('99999 99999 0070 3710 4')).toMatchObject({
      ok: false,
      rule: 'iccid_prefix',
      message: expect.stringMatching(/starts with 89, but this number starts with 99; nor is it a decimal MEID: .*at most 4294967295/),
    });
  });

  it('should refuse a 15-digit MEID with a wrong check digit when a MEID is expected', () => {
    expect(parseIdentifier('352099001761482', { expect: ['MEID'] })).toMatchObject({ ok: false, rule: 'meid_check_digit' });
  });

  it('should explain the MEID lengths when only a MEID is expected', () => {
    expect(parseIdentifier('AF0123450ABCD', { expect: ['MEID'] })).toMatchObject({ ok: false, rule: 'meid_length', message: expect.stringContaining('13 characters') });
  });
});

describe('ESN', () => {
  it('should accept both forms of the same ESN', () => {
    const fromHex = parseIdentifier('E69FFFFF');
    expect(fromHex).toEqual({
      ok: true,
      kind: 'ESN',
      value: 'E69FFFFF',
      display: 'E69FFFFF',
      notes: [],
      inputForm: 'hex',
      decimal: '23010485759',
      manufacturerCode: 230,
      serialNumber: 10485759,
      pseudoEsn: false,
    });
    expect(parseIdentifier('230 10485759')).toMatchObject({ ok: true, kind: 'ESN', value: 'E69FFFFF', inputForm: 'decimal', decimal: '23010485759' });
  });

  it.each([
    ['8016B128', '12801487144'],
    ['800737E1', '12800473057'],
  ])('should flag %s / %s as a pseudo-ESN', (hex, decimal) => {
    for (const raw of [hex, decimal, `ESN: 0x${hex.toLowerCase()}`]) {
      const result = parseIdentifier(raw);
      expect(result).toMatchObject({ ok: true, kind: 'ESN', value: hex, decimal, pseudoEsn: true, manufacturerCode: 128 });
      expect(result.ok && result.notes[0]).toContain('pseudo-ESN');
    }
  });

  it('should warn that a decimal ESN starting with 1 could be a phone number', () => {
    const result = parseIdentifier('12801487144');
    expect(result.ok && result.notes).toEqual([expect.stringContaining('pseudo-ESN'), expect.stringContaining('phone number')]);
  });

  it.each([
    ['25610485759', 'esn_manufacturer_range'],
    ['23016777216', 'esn_serial_range'],
    ['E69FFFF', 'unknown_format'],
    ['G69FFFFF', 'invalid_characters'],
  ])('should refuse %s with the rule %s', (raw, rule) => {
    expect(parseIdentifier(raw)).toMatchObject({ ok: false, rule });
  });

  it('should explain the ESN lengths when only an ESN is expected', () => {
    expect(parseIdentifier('E69FFFF', { expect: ['ESN'] })).toMatchObject({ ok: false, rule: 'esn_length', message: expect.stringContaining('7 characters') });
  });
});

describe('ICCID', () => {
  it.each(['8914800000000000006', '8965880812100011146', '89014103211118510720'])('should accept %s', (iccid) => {
    expect(parseIdentifier(iccid)).toMatchObject({ ok: true, kind: 'ICCID', value: iccid, checkDigit: iccid.slice(-1), notes: [] });
  });

  it('should group for display and read labels', () => {
    expect(parseIdentifier('ICCID 8914 8000 0000 0000 006')).toMatchObject({ ok: true, value: '8914800000000000006', display: '8914 8000 0000 0000 006' });
    expect(parseIdentifier('SIM: 8914800000000000006')).toMatchObject({ ok: true, kind: 'ICCID' });
  });

  it('should remove the F padding that a SIM or modem adds', () => {
    const result = parseIdentifier('8914800000000000006f');
    expect(result).toMatchObject({ ok: true, kind: 'ICCID', value: '8914800000000000006' });
    expect(result.ok && result.notes).toEqual([expect.stringContaining('F padding')]);
  });

  it.each(['8914800000000000001', '8965880812100011147', '8991151000000000118'])('should refuse %s with the rule iccid_check_digit', (iccid) => {
    expect(parseIdentifier(iccid)).toMatchObject({ ok: false, rule: 'iccid_check_digit', message: expect.stringContaining('ICCID check digit') });
  });

  it('should offer the check digit of a 19-digit ICCID that may be missing it', () => {
    expect(parseIdentifier('8991151000000000118')).toMatchObject({ suggestion: '89911510000000001185' });
  });

  it('should offer, not add, the check digit of 18 digits', () => {
    expect(parseIdentifier('896588081210001114')).toMatchObject({ ok: false, rule: 'iccid_check_digit_missing', suggestion: '8965880812100011146', message: expect.stringContaining('8965880812100011146') });
  });

  it('should offer 19 digits when a modem appended a 20th', () => {
    expect(parseIdentifier('89148000000000000065')).toMatchObject({ ok: false, rule: 'iccid_check_digit', suggestion: '8914800000000000006' });
  });

  it('should refuse an ICCID that does not start with 89', () => {
    expect(parseIdentifier('7914800000000000006')).toMatchObject({ ok: false });
    expect(parseIdentifier('7914800000000000006', { expect: ['ICCID'] })).toMatchObject({ ok: false, rule: 'iccid_prefix', message: expect.stringContaining('starts with 79') });
  });

  it('should refuse 20 digits that do not start with 89 as an ICCID with the wrong prefix, since only an ICCID has 20 digits', () => {
    expect(parseIdentifier('79148000000000000065')).toMatchObject({ ok: false, rule: 'iccid_prefix', message: expect.stringContaining('starts with 79') });
    expect(parseIdentifier('79148000000000000065', { expect: ['IMEI', 'ICCID'] })).toMatchObject({ ok: false, rule: 'iccid_prefix' });
  });

  it('should refuse SIM numbers of the wrong length', () => {
    expect(parseIdentifier('891480000000000000061')).toMatchObject({ ok: false, rule: 'iccid_length', message: expect.stringContaining('21 digits') });
    expect(parseIdentifier('89148000000000000', { expect: ['ICCID'] })).toMatchObject({ ok: false, rule: 'iccid_length' });
  });
});

describe('EID', () => {
  it.each(['89049032123451234512345678901235', '89086030202200000022000023022943', '89044045116727494800000004479366'])('should accept %s', (eid) => {
    expect(parseIdentifier(eid)).toMatchObject({ ok: true, kind: 'EID', value: eid, checkDigits: eid.slice(30) });
  });

  it('should group for display and read labels', () => {
    expect(parseIdentifier('EID: 8904 9032 1234 5123 4512 3456 7890 1235')).toMatchObject({
      ok: true,
      value: '89049032123451234512345678901235',
      display: '8904 9032 1234 5123 4512 3456 7890 1235',
    });
  });

  it.each(['89049032123451234512345678901234', '89086030202200000022000023022944'])('should refuse %s with the rule eid_check_digits', (eid) => {
    expect(parseIdentifier(eid)).toMatchObject({ ok: false, rule: 'eid_check_digits' });
  });

  it('should refuse 31 digits', () => {
    expect(parseIdentifier('8904903212345123451234567890123')).toMatchObject({ ok: false, rule: 'eid_length', message: expect.stringContaining('31 digits') });
  });
});

describe('classification', () => {
  it('should try every kind', () => {
    const samples = ['89049032123451234512345678901235', '8914800000000000006', '352099001761481', 'AF0123450ABCDE', 'E69FFFFF'];
    expect(samples.map((sample) => parseIdentifier(sample)).map((result) => result.ok && result.kind).sort()).toEqual([...IDENTIFIER_KINDS].sort());
  });

  it.each([
    ['8914800000000000006', ['IMEI'], 'a SIM number (ICCID)'],
    ['352099001761481', ['ICCID', 'EID'], 'a device IMEI'],
    ['AF0123450ABCDE', ['IMEI'], 'a device MEID'],
    ['E69FFFFF', ['MEID'], 'a device ESN'],
    ['89049032123451234512345678901235', ['ICCID'], 'an eSIM number (EID)'],
  ] as const)('should refuse %s when the field takes %j', (raw, kinds, found) => {
    expect(parseIdentifier(raw, { expect: kinds })).toMatchObject({ ok: false, rule: 'wrong_kind', message: expect.stringContaining(found) });
  });

  it('should name the accepted kinds in a wrong_kind message', () => {
    expect(parseIdentifier('8914800000000000006', { expect: ['IMEI', 'MEID'] })).toEqual({
      ok: false,
      rule: 'wrong_kind',
      message: 'This looks like a SIM number (ICCID), but this field takes a device IMEI or a device MEID',
    });
  });

  it('should treat an empty expect list as any kind', () => {
    expect(parseIdentifier('8914800000000000006', { expect: [] })).toMatchObject({ ok: true, kind: 'ICCID' });
  });

  it('should refuse a label that contradicts the field or the value', () => {
    expect(parseIdentifier('ICCID: 352099001761481', { expect: ['IMEI'] })).toMatchObject({ ok: false, rule: 'wrong_kind', message: expect.stringContaining('labelled ICCID') });
    expect(parseIdentifier('IMEI: 8914800000000000006')).toMatchObject({ ok: false, rule: 'label_mismatch', message: expect.stringContaining('labelled IMEI but looks like a SIM number') });
  });

  it.each(['', '   ', 'IMEI:', ']C0'])('should refuse %j as empty', (raw) => {
    expect(parseIdentifier(raw)).toMatchObject({ ok: false, rule: 'empty' });
  });

  it('should refuse a value with no known shape, listing the shapes', () => {
    const result = parseIdentifier('123456789');
    expect(result).toMatchObject({ ok: false, rule: 'unknown_format' });
    expect(!result.ok && result.message).toContain('an IMEI has 15 digits');
  });
});

describe('splitScannedText', () => {
  it('should split on newlines, tabs, commas and semicolons, dropping empties and exact repeats', () => {
    expect(splitScannedText('352099001761481\r\n\n490154203237518, 8914800000000000006;\tE69FFFFF\n352099001761481\n ,, ')).toEqual([
      '352099001761481',
      '490154203237518',
      '8914800000000000006',
      'E69FFFFF',
    ]);
  });

  it.each([
    ['35 209900 176148 1'],
    ['35209900 176148 1'],
    ['IMEI: 35 209900 176148 1'],
    ['8914 8000 0000 0000 006'],
    ['AF 01 23 45 0A BC DE C'],
    ['29360 87365 0070 3710 0'],
    ['EID 8904 9032 1234 5123 4512 3456 7890 1235'],
  ])('should keep the grouped number %j whole', (text) => {
    expect(splitScannedText(text)).toEqual([text]);
  });

  it('should keep a grouped number with a wrong check digit whole, so its refusal names the check digit', () => {
    expect(splitScannedText('35 209900 176148 2')).toEqual(['35 209900 176148 2']);
  });

  it('should split identifiers separated by spaces', () => {
    expect(splitScannedText('352099001761481 490154203237518 8914800000000000006')).toEqual(['352099001761481', '490154203237518', '8914800000000000006']);
    expect(splitScannedText('12345678 87654321')).toEqual(['12345678', '87654321']);
  });

  it('should not join a stray piece onto a full identifier', () => {
    expect(splitScannedText('352099001761481 2')).toEqual(['352099001761481', '2']);
  });

  it('should keep pieces together rather than guess a split inside them', () => {
    // "35 209900" alone would pass as an ESN: the whole comes back, and parseIdentifier refuses it.
    expect(splitScannedText('35 209900 17614')).toEqual(['35 209900 17614']);
    expect(splitScannedText('8914 8000 0000 0000 006 35 209900 176148 1')).toEqual(['8914 8000 0000 0000 006 35 209900 176148 1']);
  });

  it('should start a new value at each label and keep the label on it', () => {
    expect(splitScannedText('IMEI1: 352099001761481 IMEI2: 35 686800 004141 8 EID: 89049032123451234512345678901235')).toEqual([
      'IMEI1: 352099001761481',
      'IMEI2: 35 686800 004141 8',
      'EID: 89049032123451234512345678901235',
    ]);
  });

  it('should drop a label with no value after it', () => {
    expect(splitScannedText('IMEI:\n352099001761481')).toEqual(['352099001761481']);
  });

  it('should give values that parse', () => {
    const values = splitScannedText('IMEI 1: 35 209900 176148 1, ICCID 8914 8000 0000 0000 006\nMEID/IMEI: AF 01 23 45 0A BC DE');
    expect(values.map((value) => parseIdentifier(value)).map((result) => result.ok && result.value)).toEqual(['352099001761481', '8914800000000000006', 'AF0123450ABCDE']);
  });
});
