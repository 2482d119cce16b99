import { getTableColumns, getTableName, type Table } from 'drizzle-orm';

type Insert<T extends Table> = T['$inferInsert'];

/**
 * Any number of rows of one table in a single, fixed statement: the rows travel as one jsonb
 * parameter and `jsonb_populate_recordset` reads them back with the columns' own types (enums,
 * dates, jsonb …), so one text serves one row or fifty (see `namedStatement`). `keys` are the
 * Drizzle property names written; a missing or undefined value is written as NULL, not the
 * column's default.
 */
export function jsonRecords<T extends Table, K extends keyof T['_']['columns'] & string>(table: T, keys: readonly K[]) {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const names = keys.map((key) => columns[key]!.name);
  const tableName = `"${getTableName(table)}"`;
  return {
    /** The column list, quoted: `"customer_id", "kind"`. */
    columns: names.map((name) => `"${name}"`).join(', '),
    /** The same columns read from alias `alias` of `from(…)`. */
    columnsOf: (alias: string) => names.map((name) => `${alias}."${name}"`).join(', '),
    /** The row source for parameter `param` (`$2`). */
    from: (param: string) => `jsonb_populate_recordset(null::${tableName}, ${param}::jsonb)`,
    /** The parameter's value: the rows keyed by column name. */
    encode: (rows: readonly { [P in K]?: Insert<T>[P & keyof Insert<T>] | null }[]): string =>
      JSON.stringify(
        rows.map((row) => {
          const record: Record<string, unknown> = {};
          for (let i = 0; i < keys.length; i += 1) record[names[i]!] = row[keys[i]!] ?? null;
          return record;
        }),
      ),
  };
}
