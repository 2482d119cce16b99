import { hasIdentifierShape, parseIdentifier } from './identifiers.js';
import { readLabel, splitAtLabels } from './labels.js';

/**
 * Splits pasted or scanned text into one string per identifier, for `parseIdentifier`.
 *
 * Newlines, tabs, commas and semicolons always separate values. Spaces are ambiguous: boxes print an IMEI
 * grouped as "35 209900 176148 1" and an ICCID or EID in blocks of four, while a pasted line can also hold
 * several values separated by spaces. So within a line:
 * - a label ("IMEI 2:", "EID") starts a new value, and stays on the front of it as a hint;
 * - the pieces between spaces are separate values when each has the shape of an identifier on its own
 *   (even with a wrong check digit), or when one of them is a full-length identifier (14+ characters), so
 *   a stray digit after an IMEI is not read as an IMEISV;
 * - otherwise the pieces are one grouped value.
 * Guessing a split inside a run of pieces is avoided on purpose: "35 209900" would pass as an ESN, so a
 * grouped IMEI missing a digit would turn into a wrong but valid ESN. A line that mixes grouped and
 * ungrouped numbers comes back as one value, which parseIdentifier then refuses for the clerk to fix.
 * Empty values, a label with no value after it, and exact repeats (a double scan) are dropped; the same
 * identifier written two ways is kept twice, since telling those apart needs parseIdentifier.
 */
export function splitScannedText(text: string): string[] {
  return [...new Set(splitScannedPieces(text))];
}

/** The values of `splitScannedText` in order, repeats included (classifyScan reports them as duplicates). */
export function splitScannedPieces(text: string): string[] {
  return text
    .split(/[\r\n\t,;]+/)
    .flatMap((line) => splitAtLabels(line.trim()))
    .flatMap(splitLabelledPart);
}

/** Shorter identifiers (an 8-character ESN) can be a group of a longer number; longer ones cannot. */
const FULL_LENGTH = 14;

function splitLabelledPart(part: string): string[] {
  const text = part.trim();
  const { label, rest } = readLabel(text);
  const values = splitOnSpaces(rest);
  // The label goes back on the first value, where parseIdentifier reads it as a hint.
  if (label && values.length > 0) values[0] = `${text.slice(0, text.length - rest.length).trim()} ${values[0]}`;
  return values;
}

function splitOnSpaces(text: string): string[] {
  const pieces = text.split(/\s+/).filter((piece) => piece !== '');
  if (pieces.length <= 1) return pieces;
  const shaped = pieces.map((piece) => hasIdentifierShape(parseIdentifier(piece)));
  const everyPieceIsOne = shaped.every(Boolean);
  const hasFullLengthPiece = pieces.some((piece, index) => shaped[index] && piece.length >= FULL_LENGTH);
  return everyPieceIsOne || hasFullLengthPiece ? pieces : [pieces.join(' ')];
}
