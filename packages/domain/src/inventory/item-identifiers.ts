import type { IdentifierKind } from '../catalog/catalog.constants.js';
import { parseIdentifier, type ParsedIdentifier } from '../identifiers/identifiers.js';
import { identifierLabel, ITEM_IDENTIFIER_KINDS, type IdentifierSlot, type InventoryKind } from './inventory.constants.js';

/** One identifier of a stock item, normalised: `value` is what is stored and unique across the system. */
export type TItemIdentifier = { kind: IdentifierKind; slot: IdentifierSlot; value: string; display: string };

export type ItemIdentifierProblem = {
  /** Which of the given values broke the rule; null for the set as a whole (none given). */
  index: number | null;
  rule: string;
  message: string;
};

export type ItemIdentifiers = { ok: true; identifiers: TItemIdentifier[] } | { ok: false; problems: ItemIdentifierProblem[] };

/**
 * Checks one identifier for stock: its kind's format and check digit, and that it can identify one item.
 * A pseudo-ESN is derived from a MEID and shared by other devices, so it never identifies stock.
 */
export function parseStockIdentifier(raw: string, expect: readonly IdentifierKind[]): ParsedIdentifier | { ok: false; rule: string; message: string } {
  const parsed = parseIdentifier(raw, { expect });
  if (parsed.ok && parsed.kind === 'ESN' && parsed.pseudoEsn) {
    return { ok: false, rule: 'pseudo_esn', message: `${parsed.display} is a pseudo-ESN, which other devices share: receive the device by its MEID` };
  }
  return parsed;
}

/**
 * The identifiers scanned or typed for one item of `kind`, in the order given: each must be a kind the
 * item carries, one of each kind, except a device's second IMEI (slot 2, the order they came in).
 */
export function readItemIdentifiers(kind: InventoryKind, raws: readonly string[]): ItemIdentifiers {
  const allowed = ITEM_IDENTIFIER_KINDS[kind];
  const problems: ItemIdentifierProblem[] = [];
  const identifiers: TItemIdentifier[] = [];
  raws.forEach((raw, index) => {
    const parsed = parseStockIdentifier(raw, allowed);
    if (!parsed.ok) return problems.push({ index, rule: parsed.rule, message: parsed.message });
    if (identifiers.some((other) => other.value === parsed.value)) {
      return problems.push({ index, rule: 'repeated', message: `${parsed.display} was given twice` });
    }
    const sameKind = identifiers.filter((other) => other.kind === parsed.kind).length;
    const limit = parsed.kind === 'IMEI' ? 2 : 1;
    if (sameKind >= limit) {
      const message = parsed.kind === 'IMEI' ? 'A device holds at most two IMEIs' : `An item holds one ${parsed.kind}`;
      return problems.push({ index, rule: 'too_many', message });
    }
    identifiers.push({ kind: parsed.kind, slot: sameKind === 0 ? 1 : 2, value: parsed.value, display: parsed.display });
  });
  if (raws.length === 0) problems.push({ index: null, rule: 'required', message: `Scan or type the item's ${allowed.join(' or ')}` });
  return problems.length ? { ok: false, problems } : { ok: true, identifiers };
}

/** "IMEI 35 209900 176148 1": an identifier as a person reads it, with its label. */
export function describeItemIdentifier(identifier: { kind: IdentifierKind; slot: number; display: string }): string {
  return `${identifierLabel(identifier.kind, identifier.slot)} ${identifier.display}`;
}

/** The display form of a stored value (grouped for reading); the value itself when it no longer parses. */
export function displayOfStoredIdentifier(kind: IdentifierKind, value: string): string {
  const parsed = parseIdentifier(value, { expect: [kind] });
  return parsed.ok ? parsed.display : value;
}
