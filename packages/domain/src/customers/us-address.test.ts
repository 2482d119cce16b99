import { describe, expect, it } from 'vitest';
import { US_STATES, isPoBox, isUsStateCode, normalizeStreetLine, parseZip, suggestAddress } from './us-address.js';

describe('US states', () => {
  it('should list the 50 states, DC, 5 territories and 3 military codes once each', () => {
    expect(US_STATES).toHaveLength(59);
    expect(new Set(US_STATES.map((state) => state.code)).size).toBe(59);
  });

  it.each(['TX', 'DC', 'PR', 'VI', 'GU', 'AS', 'MP', 'AA', 'AE', 'AP'])('should accept %s', (code) => {
    expect(isUsStateCode(code)).toBe(true);
  });

  it.each(['tx', 'XX', 'ON', 'T', ''])('should refuse %j', (code) => {
    expect(isUsStateCode(code)).toBe(false);
  });
});

describe('ZIP codes', () => {
  it.each([
    ['12345', '12345', null],
    ['12345-6789', '12345', '6789'],
    [' 00501 ', '00501', null],
  ])('should accept %j', (input, zip, zip4) => {
    expect(parseZip(input)).toMatchObject({ ok: true, zip, zip4 });
  });

  it.each([
    ['1234', 'format'],
    ['123456', 'format'],
    ['12345-678', 'format'],
    ['123456789', 'format'],
    ['12345 6789', 'format'],
    ['ABCDE', 'format'],
    ['00000', 'zeros'],
    ['12345-0000', 'zeros'],
  ])('should refuse %j with the rule %s', (input, rule) => {
    expect(parseZip(input)).toMatchObject({ ok: false, rule });
  });

  it('should display ZIP+4 with a dash', () => {
    expect(parseZip('12345-6789')).toMatchObject({ display: '12345-6789' });
  });
});

describe('street lines', () => {
  it.each([
    ['123 north main street apartment 4', '123 N MAIN ST APT 4'],
    ['500 Court Street Suite 200', '500 COURT ST STE 200'],
    ['  42   Elm  Av. ', '42 ELM AVE'],
    ['1 Market Str, Floor 3', '1 MARKET ST FL 3'],
    ['77 Sunset Boulv', '77 SUNSET BLVD'],
    ['900 Ocean Parkway Southwest', '900 OCEAN PKWY SW'],
    ['15 W. Oak Lane Unit B', '15 W OAK LN UNIT B'],
    ['8 Pine Court Building 2 Room 101', '8 PINE CT BLDG 2 RM 101'],
    ['3 Heritage Crossing', '3 HERITAGE XING'],
    ['10 Park Heights', '10 PARK HTS'],
    ['250 Lake Center', '250 LAKE CTR'],
    ['1600 Pennsylvania Avenue NW', '1600 PENNSYLVANIA AVE NW'],
    ['12 Harbor Expressway', '12 HARBOR EXPY'],
    ['4 Magnolia Terrace', '4 MAGNOLIA TER'],
    ['6 Old Mill Trail', '6 OLD MILL TRL'],
    ['2 Union Square', '2 UNION SQ'],
    ['20 Sun Circle', '20 SUN CIR'],
    ['5 Pacific Highway', '5 PACIFIC HWY'],
    ['31 Glen Place', '31 GLEN PL'],
    ['18 Willow Way', '18 WILLOW WAY'],
    ['101 Coastal Freeway', '101 COASTAL FWY'],
    ['9 Oak Road Department 12', '9 OAK RD DEPT 12'],
    ['123 1/2 Main Street', '123 1/2 MAIN ST'],
  ])('should normalise %j', (line, expected) => {
    expect(normalizeStreetLine(line)).toBe(expected);
  });

  it.each([
    ['1 Avenue of the Americas', '1 AVENUE OF THE AMERICAS'],
    ['12 West Street', '12 WEST ST'],
    ['12 North Main', '12 N MAIN'],
    ['9 Street Road', '9 STREET RD'],
    ['14 Front Street Rear', '14 FRONT ST REAR'],
    ['14 Upper Front', '14 UPPER FRONT'],
    ['33 Space Center Boulevard', '33 SPACE CENTER BLVD'],
    ['5 Northgate Drive', '5 NORTHGATE DR'],
    ['21 Main Streets Lane', '21 MAIN STREETS LN'],
  ])('should abbreviate only words in suffix or directional positions: %j', (line, expected) => {
    expect(normalizeStreetLine(line)).toBe(expected);
  });

  it('should keep # as typed', () => {
    expect(normalizeStreetLine('12 Main St #4')).toBe('12 MAIN ST #4');
    expect(normalizeStreetLine('12 Main St # 4')).toBe('12 MAIN ST # 4');
  });

  it('should normalise a unit-only second line', () => {
    expect(normalizeStreetLine('Suite 200')).toBe('STE 200');
    expect(normalizeStreetLine('apartment 4b')).toBe('APT 4B');
    expect(normalizeStreetLine('Rear')).toBe('REAR');
  });

  it('should write a PO box as PO BOX', () => {
    expect(normalizeStreetLine('P.O. Box 12')).toBe('PO BOX 12');
    expect(normalizeStreetLine('post office box 9')).toBe('PO BOX 9');
  });

  it('should return an empty string for a blank line', () => {
    expect(normalizeStreetLine('   ')).toBe('');
  });
});

describe('suggested address', () => {
  it('should offer the normalised lines when they differ', () => {
    expect(suggestAddress({ line1: '123 north main street', line2: 'apartment 4' })).toEqual({
      line1: '123 N MAIN ST',
      line2: 'APT 4',
      changed: true,
    });
  });

  it('should not offer a suggestion for an address already in standard form', () => {
    expect(suggestAddress({ line1: '123 N MAIN ST', line2: 'APT 4' })).toMatchObject({ changed: false });
    expect(suggestAddress({ line1: '123  N MAIN ST ', line2: null })).toEqual({ line1: '123 N MAIN ST', line2: null, changed: false });
    expect(suggestAddress({ line1: '123 N MAIN ST', line2: '  ' })).toMatchObject({ line2: null, changed: false });
    expect(suggestAddress({ line1: '123 N MAIN ST' })).toMatchObject({ line2: null, changed: false });
  });

  it('should treat a change of case as a change', () => {
    expect(suggestAddress({ line1: '123 N Main St' })).toMatchObject({ line1: '123 N MAIN ST', changed: true });
  });
});

describe('PO boxes', () => {
  it.each([
    'PO Box 12',
    'P.O. Box 12',
    'P. O. Box 12',
    'po box 12',
    'POBox 12',
    'PO Box12',
    'POB 12',
    'P.O.B. 12',
    'Post Office Box 12',
    'BOX 12',
    'Box #12',
    'PMB 455',
    '123 Main St PMB 455',
    '123 Main St, PO Box 5',
    'Private Mailbox 7',
    'General Delivery',
  ])('should recognise %j', (line) => {
    expect(isPoBox(line)).toBe(true);
  });

  it.each([
    'Boxwood Rd',
    '12 Boxwood Rd',
    '123 Box Elder St',
    'Box Canyon Rd',
    '45 Pobox Ln',
    '9 Post Office Rd',
    '12 Poblano Way',
    '77 Pomona Ave',
    '123 Main St Apt 4',
    '10 General Patton Ave',
  ])('should not flag %j', (line) => {
    expect(isPoBox(line)).toBe(false);
  });
});
