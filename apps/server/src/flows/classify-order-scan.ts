import { classifyScan, type IdentifierKind, type ParsedIdentifier } from '@linedesk/domain';

/** One value read from a scan or paste, classified. */
export type ScannedValue =
  | { input: string; outcome: 'identifier'; parsed: ParsedIdentifier; /** False when the order takes no identifier of this kind. */ applies: boolean }
  | { input: string; outcome: 'ignored' | 'refused'; rule: string; message: string };

/** At most this many values in one paste: more than any order's lines can take. */
export const MAX_SCANNED_VALUES = 200;

/**
 * Splits scanned or pasted text into values and classifies each (kind, check digits, labels, separators),
 * told which kinds the order takes, so a 14-digit MEID on a CDMA order is not read as an IMEI. A box's
 * product code, GS1 data and serial number are ignored with a note; a valid identifier of a kind the
 * order does not take comes back with `applies: false`; a value that fits no rule is refused with the
 * rule it broke. Repeats come back as identifiers too: the order decides what a duplicate is.
 */
export function classifyOrderScan(text: string, takes: readonly IdentifierKind[], format?: string): ScannedValue[] {
  // With nothing to take, `expect` is given every kind's absence as "any kind", and nothing applies.
  const { entries } = classifyScan(text, { expect: takes, format });
  return entries.map((entry): ScannedValue => {
    switch (entry.outcome) {
      case 'accepted':
      case 'duplicate':
        return { input: entry.input, outcome: 'identifier', parsed: entry.identifier, applies: takes.includes(entry.identifier.kind) };
      case 'ignored':
        return entry.identifier
          ? { input: entry.input, outcome: 'identifier', parsed: entry.identifier, applies: false }
          : { input: entry.input, outcome: 'ignored', rule: entry.rule, message: entry.message };
      case 'refused':
        return { input: entry.input, outcome: 'refused', rule: entry.rule, message: entry.message };
    }
  });
}
