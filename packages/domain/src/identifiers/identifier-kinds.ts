import type { IdentifierKind } from '../catalog/catalog.constants.js';
import type { IdentifierRefusal, IdentifierRule, ParsedEid, ParsedEsn, ParsedIccid, ParsedIdentifier, ParsedImei, ParsedMeid } from './identifiers.js';
import { isLuhnValid, luhnCheckDigit } from './luhn.js';
import { sha1 } from './sha1.js';

/**
 * One parser per kind, each given a cleaned value (uppercase, digits and A–F only). A parser answers null
 * when the value does not have its kind's shape at all, a refusal when it has the shape but breaks one of
 * the kind's rules (check digit, field range), and the parsed identifier otherwise.
 */
export type KindOutcome = ParsedIdentifier | IdentifierRefusal | null;

export function refuse(rule: IdentifierRule, message: string, suggestion?: string): IdentifierRefusal {
  return suggestion === undefined ? { ok: false, rule, message } : { ok: false, rule, message, suggestion };
}

const MISREAD = 'so the number was probably mistyped or misread';
const RETRY = `${MISREAD}; scan or type it again`;
const MAX_32_BITS = 0xffffffff;
const MAX_24_BITS = 0xffffff;

// ---------------------------------------------------------------------------------------------------------
// EID (GSMA SGP.29 §10): 32 digits, the last two are ISO 7064 MOD 97-10 check digits, as in an IBAN.

export function parseEid(value: string): ParsedEid | IdentifierRefusal | null {
  if (!/^\d{32}$/.test(value)) return null;
  if (BigInt(value) % 97n !== 1n) {
    return refuse('eid_check_digits', `The EID check digits (the last two) do not match the first 30 digits, ${RETRY}`);
  }
  return { ok: true, kind: 'EID', value, display: inGroups(value, 4), notes: [], checkDigits: value.slice(30) };
}

// ---------------------------------------------------------------------------------------------------------
// ICCID (ITU E.118): 89, then 17 or 18 digits, then a Luhn check digit.

export function parseIccid(value: string): ParsedIccid | IdentifierRefusal | null {
  const digits = withoutSimPadding(value);
  if (!/^89\d{16,18}$/.test(digits)) return null;
  if (digits.length === 18) {
    // Some SIM files leave the check digit off; offering it is fine, appending it unasked is not.
    const full = digits + luhnCheckDigit(digits);
    return refuse(
      'iccid_check_digit_missing',
      `This SIM number has 18 digits, one short of an ICCID, so its check digit looks missing; if the SIM card shows exactly these digits, the full ICCID is ${full}`,
      full,
    );
  }
  if (!isLuhnValid(digits)) return iccidCheckDigitRefusal(digits);
  const notes = digits === value ? [] : ['The F padding that SIM cards and modems add after the ICCID was removed'];
  return { ok: true, kind: 'ICCID', value: digits, display: inGroups(digits, 4), notes, checkDigit: digits.slice(-1) };
}

/** A SIM stores its ICCID in 20 nibbles and pads a shorter one with F; modems pass the padding on. */
function withoutSimPadding(value: string): string {
  return value.length === 20 && /^89\d+F+$/.test(value) ? value.replace(/F+$/, '') : value;
}

function iccidCheckDigitRefusal(digits: string): IdentifierRefusal {
  const message = 'The ICCID check digit (the last digit) does not match the others';
  if (digits.length === 19) {
    // A 20-digit ICCID whose check digit was left off looks exactly like this.
    const full = digits + luhnCheckDigit(digits);
    return refuse('iccid_check_digit', `${message}, ${MISREAD}; if the SIM card shows exactly these 19 digits, the check digit may be missing and the full ICCID would be ${full}`, full);
  }
  const first19 = digits.slice(0, 19);
  if (isLuhnValid(first19)) {
    // Some modem commands append a 20th digit that is not part of the ICCID.
    return refuse('iccid_check_digit', `${message}, ${MISREAD}; if it was read from a modem that adds an extra last digit, the ICCID is ${first19}`, first19);
  }
  return refuse('iccid_check_digit', `${message}, ${RETRY}`);
}

// ---------------------------------------------------------------------------------------------------------
// IMEI (3GPP TS 23.003): TAC (8) + serial (6) + Luhn check digit. 14 digits = IMEI without its check digit,
// 16 digits = IMEISV (TAC + serial + 2-digit software version, no check digit).

export function parseImei(value: string): ParsedImei | IdentifierRefusal | null {
  if (!/^\d{14,16}$/.test(value)) return null;
  const body = value.slice(0, 14);
  const checkDigit = luhnCheckDigit(body);
  if (value.length === 15 && value.charAt(14) !== checkDigit) return imeiCheckDigitRefusal(value, body + checkDigit);
  const imei = body + checkDigit;
  const fromImeisv = value.length === 16;
  return {
    ok: true,
    kind: 'IMEI',
    value: imei,
    display: `${imei.slice(0, 2)} ${imei.slice(2, 8)} ${imei.slice(8, 14)} ${checkDigit}`,
    notes: imeiNotes(value, checkDigit),
    tac: imei.slice(0, 8),
    checkDigit,
    checkDigitAdded: value.length !== 15,
    fromImeisv,
    softwareVersion: fromImeisv ? value.slice(14) : null,
  };
}

function imeiNotes(value: string, checkDigit: string): string[] {
  if (value.length === 16) {
    return [`This is an IMEISV (software version ${value.slice(14)}); the IMEI is its first 14 digits with the check digit ${checkDigit} added`];
  }
  if (value.length === 14) {
    return [`14 digits were read as an IMEI without its check digit (the same digits would also be a MEID); the check digit ${checkDigit} was added`];
  }
  return [];
}

function imeiCheckDigitRefusal(value: string, corrected: string): IdentifierRefusal {
  const message = 'The IMEI check digit (the last digit) does not match the first 14 digits';
  // Networks carry the check digit as 0, so a number copied from network records can end in 0.
  if (value.endsWith('0')) {
    return refuse('imei_check_digit', `${message}, ${MISREAD}; if it was copied from network records, which show the check digit as 0, the IMEI is ${corrected}`, corrected);
  }
  return refuse('imei_check_digit', `${message}, ${RETRY}`);
}

// ---------------------------------------------------------------------------------------------------------
// MEID (3GPP2 X.S0008): 14 hex digits, plus an optional check digit that is not part of the MEID. Also
// written in decimal: the first 8 hex digits as 10 decimal digits, the last 6 as 8, plus an optional
// decimal Luhn check digit over those 18.

export function parseMeid(value: string): ParsedMeid | IdentifierRefusal | null {
  if (/^[0-9A-F]{14,15}$/.test(value)) return parseHexMeid(value);
  if (/^\d{18,19}$/.test(value)) return parseDecimalMeid(value);
  return null;
}

function parseHexMeid(value: string): ParsedMeid | IdentifierRefusal {
  const meid = value.slice(0, 14);
  const givenCheckDigit = value.charAt(14);
  if (givenCheckDigit && givenCheckDigit !== meidCheckDigit(meid)) {
    return refuse('meid_check_digit', `The MEID check digit (the 15th character) does not match the first 14, ${RETRY}`);
  }
  return meidResult(meid, 'hex');
}

function parseDecimalMeid(value: string): ParsedMeid | IdentifierRefusal {
  const manufacturer = value.slice(0, 10);
  const serial = value.slice(10, 18);
  if (Number(manufacturer) > MAX_32_BITS) {
    return refuse('meid_manufacturer_range', `In a decimal MEID the first 10 digits can be at most ${MAX_32_BITS}, but here they are ${manufacturer}, so this is not a valid MEID`);
  }
  if (Number(serial) > MAX_24_BITS) {
    return refuse('meid_serial_range', `In a decimal MEID digits 11 to 18 can be at most ${MAX_24_BITS}, but here they are ${serial}, so this is not a valid MEID`);
  }
  if (value.length === 19 && !isLuhnValid(value)) {
    return refuse('meid_check_digit', `The MEID check digit (the 19th digit) does not match the first 18, ${RETRY}`);
  }
  return meidResult(toHex(Number(manufacturer), 8) + toHex(Number(serial), 6), 'decimal');
}

/** Plain Luhn when the MEID is all decimal digits (an IMEI-style MEID), Luhn mod 16 otherwise. */
function meidCheckDigit(meid: string): string {
  return luhnCheckDigit(meid, /^\d+$/.test(meid) ? 10 : 16);
}

function meidResult(meid: string, inputForm: ParsedMeid['inputForm']): ParsedMeid {
  // The hex digits are read as base 16 even when they are all 0–9.
  const decimal = toDecimal(parseInt(meid.slice(0, 8), 16), 10) + toDecimal(parseInt(meid.slice(8), 16), 8);
  return {
    ok: true,
    kind: 'MEID',
    value: meid,
    display: inGroups(meid, 2),
    notes: [],
    inputForm,
    checkDigit: meidCheckDigit(meid),
    decimal,
    decimalCheckDigit: luhnCheckDigit(decimal),
    pesn: pseudoEsnFromMeid(meid),
  };
}

/**
 * The pseudo-ESN a MEID device reports where an ESN is asked for: 80 followed by the low 24 bits of the
 * SHA-1 of the MEID's 7 bytes (the binary value, not the text). `meid` is the 14 hex digits.
 */
export function pseudoEsnFromMeid(meid: string): string {
  if (!/^[0-9A-Fa-f]{14}$/.test(meid)) throw new RangeError(`A pseudo-ESN is derived from a 14-digit hex MEID, got "${meid}"`);
  const bytes = Uint8Array.from({ length: 7 }, (_, index) => parseInt(meid.slice(index * 2, index * 2 + 2), 16));
  const digest = sha1(bytes);
  return `80${[...digest.slice(-3)].map((byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

// ---------------------------------------------------------------------------------------------------------
// ESN: 32 bits, manufacturer code (8) + serial (24), as 8 hex digits or as 3 + 8 decimal digits (each
// field converted on its own). No check digit, so only the shape and the field ranges can be checked.

const PSEUDO_ESN_MANUFACTURER = 0x80;
const MAX_ESN_MANUFACTURER = 255;

export function parseEsn(value: string): ParsedEsn | IdentifierRefusal | null {
  if (/^[0-9A-F]{8}$/.test(value)) return esnResult(parseInt(value.slice(0, 2), 16), parseInt(value.slice(2), 16), 'hex');
  if (!/^\d{11}$/.test(value)) return null;
  const manufacturer = value.slice(0, 3);
  const serial = value.slice(3);
  if (Number(manufacturer) > MAX_ESN_MANUFACTURER) {
    return refuse('esn_manufacturer_range', `In an 11-digit ESN the first 3 digits (the manufacturer code) can be at most ${MAX_ESN_MANUFACTURER}, but here they are ${manufacturer}`);
  }
  if (Number(serial) > MAX_24_BITS) {
    return refuse('esn_serial_range', `In an 11-digit ESN the last 8 digits (the serial number) can be at most ${MAX_24_BITS}, but here they are ${serial}`);
  }
  return esnResult(Number(manufacturer), Number(serial), 'decimal');
}

function esnResult(manufacturerCode: number, serialNumber: number, inputForm: ParsedEsn['inputForm']): ParsedEsn {
  const value = toHex(manufacturerCode, 2) + toHex(serialNumber, 6);
  const decimal = toDecimal(manufacturerCode, 3) + toDecimal(serialNumber, 8);
  const pseudoEsn = manufacturerCode === PSEUDO_ESN_MANUFACTURER;
  const notes = esnNotes(manufacturerCode, inputForm === 'decimal' && decimal.startsWith('1'));
  return { ok: true, kind: 'ESN', value, display: value, notes, inputForm, decimal, manufacturerCode, serialNumber, pseudoEsn };
}

function esnNotes(manufacturerCode: number, couldBePhoneNumber: boolean): string[] {
  const notes: string[] = [];
  if (manufacturerCode === PSEUDO_ESN_MANUFACTURER) {
    notes.push('This is a pseudo-ESN (pESN, 80 in hex or 128 in decimal): it is derived from a MEID and is not unique, so give the carrier the device MEID or IMEI too');
  } else if (isReservedEsnManufacturer(manufacturerCode)) {
    notes.push(`Manufacturer code ${manufacturerCode} is reserved and some reserved codes split the ESN differently; compare the decimal form with the device label`);
  }
  if (couldBePhoneNumber) {
    notes.push('An 11-digit number starting with 1 could also be a phone number with its country code; check that this is the device ESN');
  }
  return notes;
}

function isReservedEsnManufacturer(code: number): boolean {
  return code <= 18 || code === 250 || code === 255;
}

// ---------------------------------------------------------------------------------------------------------
// Refusals for a value that has no kind's shape: what each kind looks like, for the message.

export const KIND_NAMES: Record<IdentifierKind, string> = {
  ICCID: 'a SIM number (ICCID)',
  IMEI: 'a device IMEI',
  MEID: 'a device MEID',
  ESN: 'a device ESN',
  EID: 'an eSIM number (EID)',
};

export const KIND_SHAPES: Record<IdentifierKind, string> = {
  EID: 'an EID has 32 digits',
  ICCID: 'an ICCID has 19 or 20 digits starting with 89',
  IMEI: 'an IMEI has 15 digits (14 without its check digit, 16 as an IMEISV)',
  MEID: 'a MEID has 14 characters 0–9 and A–F (15 with its check digit), or 18 digits in decimal (19 with its check digit)',
  ESN: 'an ESN has 8 characters 0–9 and A–F, or 11 digits in decimal',
};

/** Why `value` is not of `kind` when the parser did not even recognise its shape. */
export function shapeRefusal(kind: IdentifierKind, value: string): IdentifierRefusal {
  const isDecimal = /^\d+$/.test(value);
  const size = isDecimal ? `${value.length} digits` : `${value.length} characters`;
  switch (kind) {
    case 'IMEI':
      return isDecimal ? refuse('imei_length', `An IMEI has 15 digits (14 without its check digit, 16 as an IMEISV); this number has ${size}`) : refuse('imei_format', 'An IMEI is made of digits only, but this value has letters in it');
    case 'ICCID':
      if (!isDecimal) return refuse('iccid_format', 'An ICCID (SIM number) is made of digits only, but this value has letters in it');
      if (!value.startsWith('89')) return refuse('iccid_prefix', `An ICCID (SIM number) starts with 89, but this number starts with ${value.slice(0, 2)}`);
      return refuse('iccid_length', `An ICCID (SIM number) has 19 or 20 digits; this number has ${size}`);
    case 'EID':
      return isDecimal ? refuse('eid_length', `An EID (eSIM number) has 32 digits; this number has ${size}`) : refuse('eid_format', 'An EID (eSIM number) is made of digits only, but this value has letters in it');
    case 'MEID':
      return refuse('meid_length', `A MEID has 14 characters 0–9 and A–F (15 with its check digit), or 18 digits in decimal (19 with its check digit); this value has ${size}`);
    case 'ESN':
      return refuse('esn_length', `An ESN has 8 characters 0–9 and A–F, or 11 digits in decimal; this value has ${size}`);
  }
}

// ---------------------------------------------------------------------------------------------------------

function toHex(value: number, width: number): string {
  return value.toString(16).toUpperCase().padStart(width, '0');
}

function toDecimal(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function inGroups(value: string, size: number): string {
  const groups: string[] = [];
  for (let start = 0; start < value.length; start += size) groups.push(value.slice(start, start + size));
  return groups.join(' ');
}
