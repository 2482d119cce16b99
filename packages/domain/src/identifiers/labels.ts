import type { IdentifierKind } from '../catalog/catalog.constants.js';

/**
 * Labels that boxes, modems and people put in front of a number ("IMEI:", "ICCID ", "S/N:"). The label is
 * stripped before classifying, and it says which kinds were meant, so a mismatch is pointed out rather than
 * quietly reclassified. No label can start a valid value: each begins with a letter that is not a hex digit,
 * or with E followed by one that is not.
 */
export interface IdentifierLabel {
  /** The label as written, without the colon or "No." after it, in uppercase (for messages). */
  name: string;
  /** The kinds the label names; null for a plain serial-number label. */
  kinds: readonly IdentifierKind[] | null;
}

// "MEID HEX", "ESN (DEC)": the form qualifier is only taken when something separates it from the value,
// because DEC could also be the first three characters of a hex MEID.
const FORM = String.raw`(?:\s*\(\s*(?:HEX|DEC)\s*\)|\s*(?:HEX|DEC)(?=[\s:#=]))?`;

const LABELS: ReadonlyArray<{ pattern: RegExp; kinds: readonly IdentifierKind[] | null }> = [
  { pattern: /^(?:IMEI\s*\/\s*MEID|MEID\s*\/\s*IMEI)/i, kinds: ['IMEI', 'MEID'] },
  { pattern: /^IMEI\s*SV/i, kinds: ['IMEI'] },
  // Dual-SIM boxes say "IMEI 1:" / "IMEI2"; the index needs a separator after it so "IMEI 135…" keeps its 1.
  { pattern: /^IMEI(?:\s*[12](?=[\s:#=]))?/i, kinds: ['IMEI'] },
  { pattern: new RegExp(`^MEID${FORM}`, 'i'), kinds: ['MEID'] },
  { pattern: new RegExp(`^P?ESN${FORM}`, 'i'), kinds: ['ESN'] },
  { pattern: /^(?:SIM\s*(?:CARD\s*)?)?ICCID|^SIM(?:\s*CARD)?/i, kinds: ['ICCID'] },
  { pattern: /^EID/i, kinds: ['EID'] },
  { pattern: /^(?:S\/N|SN|SERIAL)/i, kinds: null },
];

/** What may follow a label before the value: "No.", "Number", "#", then a colon or equals sign. */
const LABEL_TAIL = /^(?:\s*(?:NO\.?|NUMBER|#))?\s*[:#=]?\s*/i;

/** Splits a leading label off `text` (already trimmed); `label` is null when there is none. */
export function readLabel(text: string): { label: IdentifierLabel | null; rest: string } {
  for (const { pattern, kinds } of LABELS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const afterName = text.slice(match[0].length);
    const tail = LABEL_TAIL.exec(afterName)?.[0] ?? '';
    const name = match[0].toUpperCase().replace(/\s+/g, ' ');
    return { label: { name, kinds }, rest: afterName.slice(tail.length) };
  }
  return { label: null, rest: text };
}

// A label word after whitespace starts a new value ("IMEI1: … IMEI2: …" on one line from a box's 2D code).
// A word joined by a slash ("IMEI/MEID") is one label, so only whitespace counts as the boundary.
const LABEL_START = /\s+(?=(?:IMEISV|IMEI|MEID|P?ESN|ICCID|SIM|EID|S\/N|SN|SERIAL)(?![A-Z]))/i;

/** Splits a line before each label, so every part holds at most one label, at its start. */
export function splitAtLabels(line: string): string[] {
  return line.split(LABEL_START);
}
