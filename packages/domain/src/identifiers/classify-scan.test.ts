import { describe, expect, it } from 'vitest';
import { isGs1CheckDigitValid, looksLikeSerialNumber, readBoxBarcode } from './box-barcodes.js';
import { classifyScan, type ScanEntry } from './classify-scan.js';

/** What a clerk sees of each entry: the outcome, the rule, and the identifier's value when there is one. */
function summary(entries: ScanEntry[]) {
  return entries.map((entry) => {
    const rule = 'rule' in entry ? entry.rule : null;
    const value = 'identifier' in entry && entry.identifier ? entry.identifier.value : null;
    return [entry.outcome, rule, value];
  });
}

// A dual-SIM eSIM phone's box: IMEI 1, IMEI 2, EID, serial number and UPC-A, each its own Code 128.
const PHONE_BOX = ['352099001761481', '356868000041418', '89049032123451234512345678901235', 'F2LXK0ABCD12', '012345678905'];

describe('classifyScan', () => {
  it('should classify each barcode of a device box, and set the serial number and UPC aside with a note', () => {
    const result = classifyScan(PHONE_BOX.join('\n'));
    expect(summary(result.entries)).toEqual([
      ['accepted', null, '352099001761481'],
      ['accepted', null, '356868000041418'],
      ['accepted', null, '89049032123451234512345678901235'],
      ['ignored', 'serial_number', null],
      ['ignored', 'product_code', null],
    ]);
    expect(result.accepted.map((entry) => entry.identifier.kind)).toEqual(['IMEI', 'IMEI', 'EID']);
    expect(result.ignored.map((entry) => entry.message)).toEqual([
      expect.stringContaining('serial number'),
      'This is the UPC-A product code 012345678905, which names the model, not this device: left out',
    ]);
    expect(result.refused).toEqual([]);
  });

  it('should read the same box from a labelled paste on one line, keeping each label', () => {
    const result = classifyScan('IMEI1: 35 209900 176148 1 IMEI2: 35 686800 004141 8 EID: 8904 9032 1234 5123 4512 3456 7890 1235 S/N: F2LXK0ABCD12');
    expect(summary(result.entries)).toEqual([
      ['accepted', null, '352099001761481'],
      ['accepted', null, '356868000041418'],
      ['accepted', null, '89049032123451234512345678901235'],
      ['ignored', 'serial_number', null],
    ]);
    expect(result.entries.map((entry) => entry.label)).toEqual(['IMEI1', 'IMEI2', 'EID', 'S/N']);
    expect(result.ignored[0]?.message).toContain('the serial number (S/N)');
  });

  it('should accept a serial-number label that holds an IMEI, as some devices print', () => {
    expect(summary(classifyScan('S/N: 352099001761481').entries)).toEqual([['accepted', null, '352099001761481']]);
  });

  it.each([
    ['EAN-13', '4006381333931'],
    ['UPC-A', '012345678905'],
    ['UPC-A', '0 12345 67890 5'],
    ['EAN-13', ']E04006381333931'],
  ])('should set a %s product code aside: %s', (name, text) => {
    const [entry] = classifyScan(text).entries;
    expect(entry).toMatchObject({ outcome: 'ignored', rule: 'product_code', identifier: null, message: expect.stringContaining(`${name} product code`) });
  });

  it('should set an 8-digit product code aside only when the camera says it is one, since 8 digits are also an ESN', () => {
    expect(classifyScan('96385074', { format: 'ean_8' }).entries).toMatchObject([{ outcome: 'ignored', rule: 'product_code', message: expect.stringContaining('EAN-8') }]);
    expect(classifyScan('96385074', { format: 'code_128' }).entries).toMatchObject([{ outcome: 'accepted', identifier: { kind: 'ESN' } }]);
    expect(classifyScan(']E496385074').entries).toMatchObject([{ outcome: 'ignored', rule: 'product_code' }]);
  });

  it.each([['(01)00194252030950(21)F2LXK0ABCD12'], ['(01) 00194252030950 (21) F2LXK0ABCD12'], ['0100194252030950\u001d21F2LXK0ABCD12'], [']C10100194252030950']])(
    'should set GS1 product data aside: %j',
    (text) => {
      expect(summary(classifyScan(text).entries)).toEqual([['ignored', 'gs1_data', null]]);
    },
  );

  it('should mark a repeat scan as a duplicate, also when written another way', () => {
    const result = classifyScan('352099001761481\n35-209900-176148-1\nAF0123450ABCDE\n29360 87365 0070 3710 0');
    expect(summary(result.entries)).toEqual([
      ['accepted', null, '352099001761481'],
      ['duplicate', 'duplicate', '352099001761481'],
      ['accepted', null, 'AF0123450ABCDE'],
      ['duplicate', 'duplicate', 'AF0123450ABCDE'],
    ]);
    expect(result.duplicates[0]?.message).toBe('A device IMEI 35 209900 176148 1 was already scanned: left out this time');
  });

  it('should mark as duplicates the identifiers already on the list', () => {
    const result = classifyScan('8914800000000000006\n352099001761481', { known: ['8914800000000000006'] });
    expect(summary(result.entries)).toEqual([
      ['duplicate', 'duplicate', '8914800000000000006'],
      ['accepted', null, '352099001761481'],
    ]);
    expect(result.duplicates[0]?.message).toContain('is already on the list');
  });

  it('should set aside a valid identifier of a kind not taken here, naming what is', () => {
    const result = classifyScan(PHONE_BOX.join('\n'), { expect: ['IMEI', 'ICCID'] });
    expect(summary(result.entries)[2]).toEqual(['ignored', 'not_needed', '89049032123451234512345678901235']);
    expect(result.ignored[0]?.message).toBe(
      'This is an eSIM number (EID) 8904 9032 1234 5123 4512 3456 7890 1235, but only a device IMEI or a SIM number (ICCID) can be used here: left out',
    );
  });

  it('should read 14 digits as the MEID a CDMA line takes', () => {
    expect(classifyScan('35209900176148', { expect: ['MEID', 'ESN'] }).entries).toMatchObject([{ outcome: 'accepted', identifier: { kind: 'MEID', value: '35209900176148' } }]);
  });

  it('should refuse what was meant as an identifier, with the rule and any suggestion', () => {
    const result = classifyScan('352099001761482\n896588081210001114\n49015420323751X\nIMEI: F2LXK0ABCD12\n1234567890');
    expect(summary(result.entries)).toEqual([
      ['refused', 'imei_check_digit', null],
      ['refused', 'iccid_check_digit_missing', null],
      ['refused', 'invalid_characters', null],
      ['refused', 'invalid_characters', null],
      ['refused', 'unknown_format', null],
    ]);
    expect(result.refused[1]).toMatchObject({ suggestion: '8965880812100011146', message: expect.stringContaining('8965880812100011146') });
  });

  it('should give no entry for an empty scan or a label alone', () => {
    expect(classifyScan(' \n]C0\nIMEI:\n,').entries).toEqual([]);
  });

  it('should keep the input as scanned on each entry', () => {
    expect(classifyScan('  IMEI 1: 35 209900 176148 1  ').entries).toMatchObject([{ input: 'IMEI 1: 35 209900 176148 1', label: 'IMEI 1' }]);
  });
});

describe('box barcodes', () => {
  it.each(['012345678905', '4006381333931', '96385074', '00194252030950'])('should verify the GS1 check digit of %s', (code) => {
    expect(isGs1CheckDigitValid(code)).toBe(true);
    expect(isGs1CheckDigitValid(code.slice(0, -1) + String((Number(code.slice(-1)) + 1) % 10))).toBe(false);
  });

  it('should not take a 12- or 13-digit number with a wrong GS1 check digit for a product code', () => {
    expect(readBoxBarcode('012345678906')).toBeNull();
    expect(classifyScan('4006381333932').entries).toMatchObject([{ outcome: 'refused', rule: 'unknown_format' }]);
  });

  it.each([
    ['F2LXK0ABCD12', true],
    ['R58N12ABCDE', true],
    ['C39XK1ABHG7F', true],
    ['R12345678901', true],
    ['R1234567890', false], // one stray letter in a decimal ESN's length
    ['49015420323751X', false], // one stray letter in an IMEI's length: a misread IMEI
    ['GF0123450ABCDE', false], // one stray letter in a MEID's length
    ['AF0123450ABCDE', false], // hex: a MEID
    ['352099001761481', false],
    ['MODEL', false],
  ])('should tell a serial number %s: %s', (value, isSerial) => {
    expect(looksLikeSerialNumber(value)).toBe(isSerial);
  });
});
