import {
  describeItemIdentifier,
  displayOfStoredIdentifier,
  parseCsv,
  readStockCsvHeader,
  readStockCsvRow,
  STOCK_CSV_MAX_ROWS,
  type TStockRow,
  type TStockRowIdentifier,
} from '@linedesk/domain';
import { AppError } from '../../http/app-error.js';
import { referenceProblems, type StockReferences } from './stock-references.js';

export type RowProblem = { field: string; rule: string; message: string };

/** One data row of a stock file with its line: as read (null when it could not be), and what is wrong with it. */
export type ImportRow = { line: number; read: TStockRow | null; problems: RowProblem[] };

/**
 * Reads a stock CSV file: the file as a whole must be CSV with a known header and at most
 * STOCK_CSV_MAX_ROWS rows (else the import is refused, naming why); then each row is checked on its own
 * (kind, identifiers, cost, date, carrier and agent), and an identifier repeated in the file is refused
 * on every row after the first that has it. What the database already holds is for the import to say.
 */
export function readStockImportRows(csv: string, refs: StockReferences, today: string): ImportRow[] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw AppError.field('VALIDATION_FAILED', 'body.csv', 'csv_format', parsed.message);
  const [header, ...records] = parsed.records;
  if (!header) throw AppError.field('VALIDATION_FAILED', 'body.csv', 'no_header', 'The file is empty: it needs a header row, then one row per item');
  const columns = readStockCsvHeader(header.cells);
  if (!columns.ok) {
    throw new AppError('VALIDATION_FAILED', `The header row cannot be read: ${columns.problems.map((p) => p.message).join('; ')}`, {
      fields: columns.problems.map((p) => ({ field: 'body.csv', rule: p.rule, message: p.message })),
    });
  }
  if (records.length === 0) throw AppError.field('VALIDATION_FAILED', 'body.csv', 'no_rows', 'The file has a header row but no items');
  if (records.length > STOCK_CSV_MAX_ROWS) {
    throw AppError.field('VALIDATION_FAILED', 'body.csv', 'too_many_rows', `The file has ${records.length} rows; import at most ${STOCK_CSV_MAX_ROWS} at a time`);
  }

  const firstLineOf = new Map<string, number>();
  return records.map(({ line, cells }) => {
    const result = readStockCsvRow(cells, columns.columns, today);
    if (!result.ok) return { line, read: null, problems: result.problems };
    const { row } = result;
    const problems: RowProblem[] = referenceProblems(refs, row, { carrier: 'carrier', agent: 'agent' });
    for (const identifier of row.identifiers) {
      const first = firstLineOf.get(identifier.value);
      if (first === undefined) firstLineOf.set(identifier.value, line);
      else problems.push({ field: columnOf(identifier), rule: 'repeated_in_file', message: `${labelOf(identifier)} is also on line ${first} of this file` });
    }
    return { line, read: row, problems };
  });
}

/** The CSV column an identifier came from. */
export function columnOf(identifier: { kind: string; slot: number }): string {
  return identifier.slot === 2 ? 'imei2' : identifier.kind.toLowerCase();
}

/** "IMEI 2 35 209900 176148 1": an identifier as the report and its messages show it. */
export function labelOf(identifier: TStockRowIdentifier | { kind: TStockRowIdentifier['kind']; slot: number; value: string }): string {
  return describeItemIdentifier({ ...identifier, display: displayOfStoredIdentifier(identifier.kind, identifier.value) });
}
