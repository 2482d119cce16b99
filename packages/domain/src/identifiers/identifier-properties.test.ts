import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGs1CheckDigitValid } from './box-barcodes.js';
import { classifyScan } from './classify-scan.js';
import { parseIdentifier } from './identifiers.js';
import { luhnCheckDigit } from './luhn.js';

// Properties over generated identifiers: valid ones are accepted as their kind with one normalised value,
// any single-character change of a check-digit-bearing one is refused, and formatting noise changes nothing.

const DECIMAL = [...'0123456789'];
const HEX = [...'0123456789ABCDEF'];
const digits = (length: number) => fc.string({ unit: fc.constantFrom(...DECIMAL), minLength: length, maxLength: length });
const hexDigits = (length: number) => fc.string({ unit: fc.constantFrom(...HEX), minLength: length, maxLength: length });

const imei = digits(14).map((body) => body + luhnCheckDigit(body));
const iccid = fc.oneof(digits(16), digits(17)).map((rest) => `89${rest}${luhnCheckDigit(`89${rest}`)}`);
const eid = digits(28).map((rest) => {
  const body = `89${rest}`;
  return body + String(98n - (BigInt(`${body}00`) % 97n)).padStart(2, '0');
});
/** A hex MEID (regional code A0–FF) with a letter after its first character too, so a one-character change leaves it hex. */
const hexMeid = fc
  .tuple(fc.constantFrom(...'ABCDEF'), hexDigits(13))
  .map(([first, rest]) => first + rest)
  .filter((meid) => /[A-F]/.test(meid.slice(1)));
const decimalMeid = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffff }))
  .map(([manufacturer, serial]) => ({
    decimal: String(manufacturer).padStart(10, '0') + String(serial).padStart(8, '0'),
    hex: manufacturer.toString(16).toUpperCase().padStart(8, '0') + serial.toString(16).toUpperCase().padStart(6, '0'),
  }));
const hexEsn = fc.tuple(fc.constantFrom(...'9ABCDEF'), hexDigits(7)).map(([first, rest]) => first + rest);

/** `value` with one character replaced by another digit of the same base. */
function changeOne(value: string, position: number, shift: number, base: 10 | 16): string {
  const index = position % value.length;
  const digit = parseInt(value.charAt(index), base);
  const replacement = ((digit + 1 + (shift % (base - 1))) % base).toString(base).toUpperCase();
  return value.slice(0, index) + replacement + value.slice(index + 1);
}

/** Separators a label or a person puts between digits. */
const separator = fc.constantFrom(' ', '-', '  ', '.', '\u2013', ' - ');
function withSeparators(value: string) {
  return fc.array(fc.option(separator, { nil: '' }), { minLength: value.length - 1, maxLength: value.length - 1 }).map((gaps) =>
    [...value].map((character, index) => character + (gaps[index] ?? '')).join(''),
  );
}
function noisy(value: string, prefixes: readonly string[]) {
  return fc
    .tuple(withSeparators(value), fc.constantFrom(...prefixes), fc.constantFrom('', ' ', '\t', '  '), fc.constantFrom('', ' ', '\u00a0'))
    .map(([spaced, prefix, before, after]) => `${before}${prefix}${spaced}${after}`);
}

describe('generated identifiers', () => {
  it('should accept every valid IMEI as that IMEI, and its 14 digits and an IMEISV as the same IMEI', () => {
    fc.assert(
      fc.property(imei, digits(2), (value, softwareVersion) => {
        expect(parseIdentifier(value)).toMatchObject({ ok: true, kind: 'IMEI', value, checkDigitAdded: false });
        expect(parseIdentifier(value.slice(0, 14))).toMatchObject({ ok: true, kind: 'IMEI', value, checkDigitAdded: true });
        expect(parseIdentifier(value.slice(0, 14) + softwareVersion)).toMatchObject({ ok: true, kind: 'IMEI', value, fromImeisv: true, softwareVersion });
      }),
    );
  });

  it('should accept every valid ICCID (89…, Luhn) as that ICCID', () => {
    fc.assert(fc.property(iccid, (value) => void expect(parseIdentifier(value)).toMatchObject({ ok: true, kind: 'ICCID', value })));
  });

  it('should accept every valid EID (mod 97) as that EID', () => {
    fc.assert(fc.property(eid, (value) => void expect(parseIdentifier(value)).toMatchObject({ ok: true, kind: 'EID', value })));
  });

  it('should accept a hex MEID with or without its check digit, and its decimal form, as the same MEID', () => {
    fc.assert(
      fc.property(hexMeid, (meid) => {
        const parsed = parseIdentifier(meid);
        expect(parsed).toMatchObject({ ok: true, kind: 'MEID', value: meid, inputForm: 'hex', checkDigit: luhnCheckDigit(meid, 16) });
        if (!parsed.ok || parsed.kind !== 'MEID') return;
        expect(parseIdentifier(meid + parsed.checkDigit)).toEqual(parsed);
        expect(parseIdentifier(parsed.decimal)).toMatchObject({ ok: true, kind: 'MEID', value: meid, inputForm: 'decimal' });
        expect(parseIdentifier(parsed.decimal + parsed.decimalCheckDigit)).toMatchObject({ ok: true, kind: 'MEID', value: meid });
      }),
    );
  });

  it('should accept every decimal MEID with its fields in range as the hex MEID it converts to', () => {
    fc.assert(
      fc.property(decimalMeid, ({ decimal, hex }) => {
        expect(parseIdentifier(decimal)).toMatchObject({ ok: true, kind: 'MEID', value: hex, decimal });
        expect(parseIdentifier(decimal + luhnCheckDigit(decimal))).toMatchObject({ ok: true, kind: 'MEID', value: hex, decimal });
      }),
    );
  });

  it('should accept an all-decimal MEID with its check digit as a MEID where a MEID is wanted', () => {
    fc.assert(fc.property(imei, (value) => void expect(parseIdentifier(value, { expect: ['MEID'] })).toMatchObject({ ok: true, kind: 'MEID', value: value.slice(0, 14) })));
  });

  it('should accept an ESN in either form as the same ESN', () => {
    fc.assert(
      fc.property(hexEsn, (value) => {
        const parsed = parseIdentifier(value);
        expect(parsed).toMatchObject({ ok: true, kind: 'ESN', value });
        if (parsed.ok && parsed.kind === 'ESN') expect(parseIdentifier(parsed.decimal)).toMatchObject({ ok: true, kind: 'ESN', value });
      }),
    );
  });
});

describe('a single changed digit', () => {
  const change = fc.tuple(fc.nat(), fc.nat());

  it('should be refused in an IMEI, by its check digit', () => {
    fc.assert(
      fc.property(imei, change, (value, [position, shift]) => {
        expect(parseIdentifier(changeOne(value, position, shift, 10))).toMatchObject({ ok: false, rule: 'imei_check_digit' });
      }),
    );
  });

  it('should be refused in an ICCID', () => {
    fc.assert(fc.property(iccid, change, (value, [position, shift]) => void expect(parseIdentifier(changeOne(value, position, shift, 10))).toMatchObject({ ok: false })));
  });

  it('should be refused in an EID', () => {
    fc.assert(fc.property(eid, change, (value, [position, shift]) => void expect(parseIdentifier(changeOne(value, position, shift, 10))).toMatchObject({ ok: false })));
  });

  it('should be refused in a hex MEID written with its check digit', () => {
    fc.assert(
      fc.property(hexMeid, change, (meid, [position, shift]) => {
        const changed = changeOne(meid + luhnCheckDigit(meid, 16), position, shift, 16);
        expect(parseIdentifier(changed)).toMatchObject({ ok: false, rule: 'meid_check_digit' });
      }),
    );
  });

  it('should be refused in a decimal MEID written with its check digit', () => {
    fc.assert(
      fc.property(decimalMeid, change, ({ decimal }, [position, shift]) => {
        expect(parseIdentifier(changeOne(decimal + luhnCheckDigit(decimal), position, shift, 10))).toMatchObject({ ok: false });
      }),
    );
  });

  it('should be refused in an all-decimal MEID with its check digit where a MEID is wanted', () => {
    fc.assert(
      fc.property(imei, change, (value, [position, shift]) => {
        expect(parseIdentifier(changeOne(value, position, shift, 10), { expect: ['MEID'] })).toMatchObject({ ok: false, rule: 'meid_check_digit' });
      }),
    );
  });
});

describe('formatting noise', () => {
  const same = (clean: string, prefixes: readonly string[]) => fc.property(noisy(clean, prefixes), (raw) => void expect(parseIdentifier(raw)).toEqual(parseIdentifier(clean)));

  it('should not change how an IMEI is read', () => {
    fc.assert(fc.property(imei, (value) => fc.assert(same(value, ['', 'IMEI: ', 'IMEI ', 'imei: ', 'IMEI 1: ', 'IMEI2 ', 'IMEI/MEID: ', 'IMEI No. ', ']C0']), { numRuns: 10 })), { numRuns: 30 });
  });

  it('should not change how an ICCID is read', () => {
    fc.assert(fc.property(iccid, (value) => fc.assert(same(value, ['', 'ICCID: ', 'ICCID ', 'SIM: ', 'SIM Card ICCID: ', ']C0']), { numRuns: 10 })), { numRuns: 30 });
  });

  it('should not change how an EID is read', () => {
    fc.assert(fc.property(eid, (value) => fc.assert(same(value, ['', 'EID: ', 'eid ', 'EID No. ', ']C0']), { numRuns: 10 })), { numRuns: 30 });
  });

  it('should not change how a hex MEID is read, in either case', () => {
    fc.assert(
      fc.property(hexMeid, fc.boolean(), (meid, lower) => {
        const written = lower ? meid.toLowerCase() : meid;
        fc.assert(same(written, ['', 'MEID: ', 'MEID HEX: ', '0x', 'MEID: 0x', ']C0']), { numRuns: 10 });
      }),
      { numRuns: 30 },
    );
  });

  it('should not change how an ESN is read', () => {
    fc.assert(fc.property(hexEsn, (value) => fc.assert(same(value, ['', 'ESN: ', '0x', 'ESN HEX: ']), { numRuns: 10 })), { numRuns: 30 });
  });
});

describe('classifyScan over generated box scans', () => {
  const upcA = digits(11).map((body) => [...'0123456789'].map((checkDigit) => body + checkDigit).find(isGs1CheckDigitValid) ?? '');
  const identifier = fc.oneof(imei, iccid, eid, hexMeid);

  it('should accept each identifier once, in order, mark repeats as duplicates and set product codes aside', () => {
    fc.assert(
      fc.property(fc.uniqueArray(identifier, { minLength: 1, maxLength: 6 }), fc.array(upcA, { maxLength: 3 }), fc.constantFrom('\n', '\r\n', ', ', '; ', '\t'), (values, upcs, joiner) => {
        const scanned = [...values, ...upcs, values[0] ?? ''];
        const result = classifyScan(scanned.join(joiner));
        expect(result.accepted.map((entry) => entry.identifier.value)).toEqual(values);
        expect(result.duplicates.map((entry) => entry.input)).toEqual([values[0]]);
        expect(result.ignored.map((entry) => entry.rule)).toEqual(upcs.map(() => 'product_code'));
        expect(result.refused).toEqual([]);
      }),
    );
  });
});
