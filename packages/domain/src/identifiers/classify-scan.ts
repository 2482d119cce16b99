import type { IdentifierKind } from '../catalog/catalog.constants.js';
import { looksLikeSerialNumber, readBoxBarcode, type BoxBarcode } from './box-barcodes.js';
import { KIND_NAMES } from './identifier-kinds.js';
import { listKinds, parseIdentifier, readScannedValue, type IdentifierRule, type ParsedIdentifier } from './identifiers.js';
import { splitScannedPieces } from './split-scan.js';

/**
 * Everything scanned or pasted at once, sorted value by value: a device box gives IMEI 1, IMEI 2, the EID,
 * the serial number and the UPC/EAN product code in one go, a SIM kit its ICCID and product code. Each
 * identifier is accepted (or is a duplicate of one already read), what the order does not use is ignored
 * with a note saying what it was, and anything else is refused with the rule it broke. Nothing is dropped
 * without an entry, and nothing is guessed.
 */

/** Why an entry was set aside: a product code, GS1 product data, the serial number, or an identifier of a kind not taken here. */
export type ScanIgnoreRule = 'product_code' | 'gs1_data' | 'serial_number' | 'not_needed';

interface ScanEntryBase {
  /** The value as scanned or pasted, for the clerk to recognise. */
  input: string;
  /** The label written before it ("IMEI 2", "S/N"), null when none. */
  label: string | null;
  /** One sentence for the clerk. */
  message: string;
}

export interface ScanAccepted extends ScanEntryBase {
  outcome: 'accepted';
  identifier: ParsedIdentifier;
}

export interface ScanDuplicate extends ScanEntryBase {
  outcome: 'duplicate';
  rule: 'duplicate';
  identifier: ParsedIdentifier;
}

export interface ScanIgnored extends ScanEntryBase {
  outcome: 'ignored';
  rule: ScanIgnoreRule;
  /** The identifier, when a valid one of a kind not taken here was set aside (`not_needed`). */
  identifier: ParsedIdentifier | null;
}

export interface ScanRefused extends ScanEntryBase {
  outcome: 'refused';
  rule: IdentifierRule;
  /** A corrected value to offer (a missing check digit), never applied without the clerk confirming it. */
  suggestion?: string;
}

export type ScanEntry = ScanAccepted | ScanDuplicate | ScanIgnored | ScanRefused;

export interface ScanClassification {
  /** Every entry, in the order scanned. */
  entries: ScanEntry[];
  accepted: ScanAccepted[];
  duplicates: ScanDuplicate[];
  ignored: ScanIgnored[];
  refused: ScanRefused[];
}

export interface ClassifyScanOptions {
  /** The kinds wanted here; a valid identifier of another kind is ignored with a note. Absent or empty: any kind. */
  expect?: readonly IdentifierKind[];
  /** The barcode format when the text came from one camera scan ("ean_13", "code_128"…, as BarcodeDetector names them). */
  format?: string;
  /** Normalised identifiers already taken (on the order, in the list): scanning one again is a duplicate. */
  known?: readonly string[];
}

export function classifyScan(text: string, options: ClassifyScanOptions = {}): ScanClassification {
  const known = new Set((options.known ?? []).map((value) => value.toUpperCase()));
  const seen = new Set<string>();
  const entries = scannedValues(text, options.format)
    .map((input) => classifyValue(input, options, known, seen))
    .filter((entry) => entry !== null);
  return {
    entries,
    accepted: entries.filter((entry) => entry.outcome === 'accepted'),
    duplicates: entries.filter((entry) => entry.outcome === 'duplicate'),
    ignored: entries.filter((entry) => entry.outcome === 'ignored'),
    refused: entries.filter((entry) => entry.outcome === 'refused'),
  };
}

/** Lines of GS1 data stay whole ("(01) 00194252030950 (21) …" would split into an IMEI-looking piece). */
function scannedValues(text: string, format: string | undefined): string[] {
  return text
    .split(/[\r\n]+/)
    .flatMap((line) => (line.trim() !== '' && readBoxBarcode(line, format)?.type === 'gs1_data' ? [line.trim()] : splitScannedPieces(line)));
}

function classifyValue(input: string, options: ClassifyScanOptions, known: ReadonlySet<string>, seen: Set<string>): ScanEntry | null {
  const { label: writtenLabel, compact } = readScannedValue(input);
  const label = writtenLabel?.name ?? null;
  const base = { input, label };
  const boxBarcode = readBoxBarcode(input, options.format);
  if (boxBarcode) return { ...base, outcome: 'ignored', rule: boxBarcode.type, identifier: null, message: boxBarcodeMessage(boxBarcode) };

  const expect = options.expect ?? [];
  const result = parseIdentifier(input, { expect });
  if (result.ok) {
    if (known.has(result.value) || seen.has(result.value)) {
      const already = known.has(result.value) ? 'is already on the list' : 'was already scanned';
      return { ...base, outcome: 'duplicate', rule: 'duplicate', identifier: result, message: `${capitalise(KIND_NAMES[result.kind])} ${result.display} ${already}: left out this time` };
    }
    seen.add(result.value);
    return { ...base, outcome: 'accepted', identifier: result, message: acceptedMessage(result) };
  }
  if (result.rule === 'empty') return null;
  if (result.rule === 'wrong_kind') {
    const otherKind = parseIdentifier(input);
    if (otherKind.ok) {
      const message = `This is ${KIND_NAMES[otherKind.kind]} ${otherKind.display}, but only ${listKinds(expect)} can be used here: left out`;
      return { ...base, outcome: 'ignored', rule: 'not_needed', identifier: otherKind, message };
    }
  }
  const isSerialLabel = writtenLabel !== null && writtenLabel.kinds === null;
  if (isSerialLabel || (writtenLabel === null && looksLikeSerialNumber(compact.toUpperCase()))) {
    const what = isSerialLabel ? `the serial number (${label})` : 'a serial number (letters and digits)';
    const message = `This is ${what}, which is not a device or SIM number and is not used on the order: left out; scan the IMEI, EID or ICCID barcode`;
    return { ...base, outcome: 'ignored', rule: 'serial_number', identifier: null, message };
  }
  const refused: ScanRefused = { ...base, outcome: 'refused', rule: result.rule, message: result.message };
  return result.suggestion === undefined ? refused : { ...refused, suggestion: result.suggestion };
}

function acceptedMessage(identifier: ParsedIdentifier): string {
  return [`${capitalise(KIND_NAMES[identifier.kind])} ${identifier.display}`, ...identifier.notes].join('. ');
}

function boxBarcodeMessage(barcode: BoxBarcode): string {
  if (barcode.type === 'gs1_data') return 'This is GS1 product data (item number, batch or dates), not a device or SIM number: left out';
  return `This is the ${barcode.name} product code ${barcode.code}, which names the model, not this device: left out`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
