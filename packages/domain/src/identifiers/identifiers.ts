import type { IdentifierKind } from '../catalog/catalog.constants.js';
import { KIND_NAMES, KIND_SHAPES, parseEid, parseEsn, parseIccid, parseImei, parseMeid, refuse, shapeRefusal, type KindOutcome } from './identifier-kinds.js';
import { readLabel, type IdentifierLabel } from './labels.js';
import { isLuhnValid } from './luhn.js';

/**
 * Device and SIM identifiers as scanned or typed: IMEI (and IMEISV), MEID, ESN (and pESN), ICCID, EID.
 * The value is cleaned, classified in a fixed order, and checked against its kind's rules; anything that
 * fits no rule is refused with the rule it broke, never guessed.
 */

interface ParsedBase {
  ok: true;
  /** The canonical form to store and send: uppercase, no separators, check digit included where it belongs. */
  value: string;
  /** The value grouped for reading aloud or comparing with a label. */
  display: string;
  /** What was assumed or should be checked (an added check digit, a pseudo-ESN); empty when nothing. */
  notes: string[];
}

export interface ParsedImei extends ParsedBase {
  kind: Extract<IdentifierKind, 'IMEI'>;
  /** Type allocation code: the first 8 digits, identifying make and model. */
  tac: string;
  checkDigit: string;
  /** True when the check digit was computed (14 digits or an IMEISV were given) rather than read. */
  checkDigitAdded: boolean;
  fromImeisv: boolean;
  /** The IMEISV's 2-digit software version; null when an IMEI was given. */
  softwareVersion: string | null;
}

export interface ParsedMeid extends ParsedBase {
  kind: Extract<IdentifierKind, 'MEID'>;
  /** Which form was given; `value` is always the 14 hex digits. */
  inputForm: 'hex' | 'decimal';
  /** The optional check digit for the hex form (not part of the MEID). */
  checkDigit: string;
  /** The 18-digit decimal form. */
  decimal: string;
  /** The optional check digit for the decimal form. */
  decimalCheckDigit: string;
  /** The pseudo-ESN (pESN) the device reports where an ESN is asked for; not unique to this device. */
  pesn: string;
}

export interface ParsedEsn extends ParsedBase {
  kind: Extract<IdentifierKind, 'ESN'>;
  /** Which form was given; `value` is always the 8 hex digits. */
  inputForm: 'hex' | 'decimal';
  /** The 11-digit decimal form. */
  decimal: string;
  manufacturerCode: number;
  serialNumber: number;
  /** A pseudo-ESN (manufacturer code 0x80) is derived from a MEID and is not unique. */
  pseudoEsn: boolean;
}

export interface ParsedIccid extends ParsedBase {
  kind: Extract<IdentifierKind, 'ICCID'>;
  checkDigit: string;
}

export interface ParsedEid extends ParsedBase {
  kind: Extract<IdentifierKind, 'EID'>;
  checkDigits: string;
}

export type ParsedIdentifier = ParsedImei | ParsedMeid | ParsedEsn | ParsedIccid | ParsedEid;

export type IdentifierRule =
  | 'empty'
  | 'invalid_characters'
  | 'unknown_format'
  | 'wrong_kind'
  | 'label_mismatch'
  | 'imei_check_digit'
  | 'imei_length'
  | 'imei_format'
  | 'meid_check_digit'
  | 'meid_manufacturer_range'
  | 'meid_serial_range'
  | 'meid_length'
  | 'esn_manufacturer_range'
  | 'esn_serial_range'
  | 'esn_length'
  | 'iccid_check_digit'
  | 'iccid_check_digit_missing'
  | 'iccid_prefix'
  | 'iccid_length'
  | 'iccid_format'
  | 'eid_check_digits'
  | 'eid_length'
  | 'eid_format';

export interface IdentifierRefusal {
  ok: false;
  rule: IdentifierRule;
  /** A sentence for the clerk that names the rule. */
  message: string;
  /** A corrected value to offer (a missing check digit, say), never applied without the clerk confirming it. */
  suggestion?: string;
}

export type IdentifierResult = ParsedIdentifier | IdentifierRefusal;

export interface ParseIdentifierOptions {
  /** The kinds the field takes; a value of another kind is refused with `wrong_kind`. Absent or empty: any kind. */
  expect?: readonly IdentifierKind[];
}

/**
 * Section 1.9 of the identifier notes: when a value fits more than one kind, the earliest here wins. Only
 * 14 and 15 decimal digits are really ambiguous (IMEI before MEID); the lengths keep the others apart.
 */
const CLASSIFICATION_ORDER = ['EID', 'ICCID', 'IMEI', 'MEID', 'ESN'] as const satisfies readonly IdentifierKind[];
const _everyKindIsClassified: [Exclude<IdentifierKind, (typeof CLASSIFICATION_ORDER)[number]>] extends [never] ? true : never = true;

const PARSERS: Record<IdentifierKind, (value: string) => KindOutcome> = {
  EID: parseEid,
  ICCID: parseIccid,
  IMEI: parseImei,
  MEID: parseMeid,
  ESN: parseEsn,
};

export function parseIdentifier(raw: string, options: ParseIdentifierOptions = {}): IdentifierResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const expected: readonly IdentifierKind[] = options.expect?.length ? options.expect : CLASSIFICATION_ORDER;
  const { label } = input;
  const labelled = label?.kinds ?? null;
  if (label && labelled && !labelled.some((kind) => expected.includes(kind))) {
    return refuse('wrong_kind', `This number is labelled ${label.name}, but this field takes ${listKinds(expected)}`);
  }
  const wanted = CLASSIFICATION_ORDER.filter((kind) => expected.includes(kind) && (labelled?.includes(kind) ?? true));
  return classify(input.value, wanted, (found) => {
    if (label && expected.includes(found)) {
      return refuse('label_mismatch', `This number is labelled ${label.name} but looks like ${KIND_NAMES[found]}; check that the right barcode was scanned`);
    }
    return refuse('wrong_kind', `This looks like ${KIND_NAMES[found]}, but this field takes ${listKinds(expected)}`);
  });
}

/**
 * The first wanted kind (in classification order) that accepts the value wins. Failing that, a value
 * another kind accepts is the wrong kind; then the first wanted kind that recognised the shape explains
 * which of its rules broke; otherwise the value fits no wanted kind at all.
 */
function classify(value: string, wanted: readonly IdentifierKind[], refuseOtherKind: (found: IdentifierKind) => IdentifierRefusal): IdentifierResult {
  const outcomes = CLASSIFICATION_ORDER.map((kind) => ({ kind, outcome: PARSERS[kind](value), isWanted: wanted.includes(kind) }));
  const accepted = outcomes.find(({ outcome, isWanted }) => isWanted && outcome?.ok);
  if (accepted?.outcome) return accepted.outcome;
  const otherKind = outcomes.find(({ outcome, isWanted }) => !isWanted && outcome?.ok);
  if (otherKind) return refuseOtherKind(otherKind.kind);
  const refused = outcomes.find(({ outcome, isWanted }) => isWanted && outcome);
  if (refused?.outcome && !refused.outcome.ok) return misreadSimNumber(value, refused.outcome, wanted) ?? refused.outcome;
  return noShapeRefusal(value, wanted);
}

/**
 * 19 digits are an ICCID's length and a decimal MEID's with its check digit. When the first 10 digits are too
 * large for any MEID, a SIM number whose 89 was misread is the likelier meaning, so the refusal says both.
 */
function misreadSimNumber(value: string, refusal: IdentifierRefusal, wanted: readonly IdentifierKind[]): IdentifierRefusal | null {
  if (refusal.rule !== 'meid_manufacturer_range' || value.length !== 19 || !wanted.includes('ICCID')) return null;
  const asIccid = shapeRefusal('ICCID', value);
  return refuse(asIccid.rule, `${asIccid.message}; nor is it a decimal MEID: ${lowerFirst(refusal.message)}`);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function noShapeRefusal(value: string, wanted: readonly IdentifierKind[]): IdentifierRefusal {
  const [onlyKind] = wanted;
  if (onlyKind && wanted.length === 1) return shapeRefusal(onlyKind, value);
  const simKind = likelySimKind(value);
  if (simKind && wanted.includes(simKind)) return shapeRefusal(simKind, value);
  // Only an ICCID has 20 digits (or 19 that are no MEID).
  if (/^\d{19,20}$/.test(value) && wanted.includes('ICCID')) return shapeRefusal('ICCID', value);
  const size = /^\d+$/.test(value) ? `${value.length}-digit number` : `${value.length}-character value`;
  return refuse('unknown_format', `This ${size} is not a device or SIM number: ${wanted.map((kind) => KIND_SHAPES[kind]).join('; ')}`);
}

/** A long number starting 89 (the telecom prefix) was meant as a SIM number; its length says which one. */
function likelySimKind(value: string): IdentifierKind | null {
  if (!/^89\d{15,}$/.test(value)) return null;
  return value.length > 25 ? 'EID' : 'ICCID';
}

// ---------------------------------------------------------------------------------------------------------
// Cleaning: what scanners and labels add around the value.

/** Barcode scanners can send an AIM symbology identifier first: "]C0" for Code 128, "]E0" for EAN. */
const AIM_SYMBOLOGY_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;
/** Separators printed or typed inside a number: whitespace, dashes of any width, dots, slashes. */
const SEPARATORS = /[\s\-\u2010-\u2015./]/g;

type CleanInput = { ok: true; value: string; label: IdentifierLabel | null };

/** The label and the value without scanner prefix, separators or 0x, as written (not yet uppercased or checked). */
export function readScannedValue(raw: string): { label: IdentifierLabel | null; compact: string } {
  const { label, rest } = readLabel(raw.trim().replace(AIM_SYMBOLOGY_PREFIX, '').trim());
  const compact = rest.replace(SEPARATORS, '').replace(/^0x/i, '');
  // In "IMEI 2 08360410701054" the 2 is either IMEI 2's slot or the IMEI's first digit. Labelled IMEIs have
  // their check digit; when only the second reading has a right one, it is the IMEI.
  const slot = /^IMEI ([12])$/.exec(label?.name ?? '')?.[1];
  if (label && slot && /^\d{14}$/.test(compact) && isLuhnValid(slot + compact)) return { label: { ...label, name: 'IMEI' }, compact: slot + compact };
  return { label, compact };
}

function cleanInput(raw: string): CleanInput | IdentifierRefusal {
  const { label, compact } = readScannedValue(raw);
  if (compact === '') return refuse('empty', 'Scan or type a device or SIM number; nothing was entered');
  const stray = /[^0-9A-Fa-f]/.exec(compact);
  if (stray) {
    return refuse('invalid_characters', `"${stray[0]}" cannot be part of a device or SIM number, which has only digits 0–9 and, for a MEID or ESN, the letters A–F`);
  }
  return { ok: true, value: compact.toUpperCase(), label };
}

export function listKinds(kinds: readonly IdentifierKind[]): string {
  const names = kinds.map((kind) => KIND_NAMES[kind]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}

// ---------------------------------------------------------------------------------------------------------

/** Refusals that still mean "this has a known kind's shape" (a check digit or field range broke). */
const SHAPE_RULES: ReadonlySet<IdentifierRule> = new Set<IdentifierRule>([
  'imei_check_digit',
  'meid_check_digit',
  'meid_manufacturer_range',
  'meid_serial_range',
  'esn_manufacturer_range',
  'esn_serial_range',
  'iccid_check_digit',
  'iccid_check_digit_missing',
  'eid_check_digits',
]);

/** True when the result is an identifier, or one of a recognised kind with a wrong check digit or range. */
export function hasIdentifierShape(result: IdentifierResult): boolean {
  return result.ok || SHAPE_RULES.has(result.rule);
}
