import { sql } from 'drizzle-orm';
import { selectRows, type DbOrTx } from '../../../db/client.js';
import { lineNumberHolders, toLineNumber, type LineNumber, type LineNumberRow } from './list-line-numbers-page.js';

/** Numbers by MDN (ten digits), in the order asked; numbers no line holds are left out. */
export async function findLineNumbers(options: { db: DbOrTx; mdns: readonly string[] }): Promise<LineNumber[]> {
  const { db, mdns } = options;
  if (mdns.length === 0) return [];
  const rows = await selectRows<LineNumberRow>(db, lineNumberHolders(sql`l.mdn = any(${sql.param([...mdns])}::text[])`));
  const byMdn = new Map(rows.map((row) => [row.mdn, toLineNumber(row)]));
  return mdns.map((mdn) => byMdn.get(mdn)).filter((found): found is LineNumber => found !== undefined);
}
