import { isDeepStrictEqual } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';
import { lines } from '../orders.schema.js';
import type { LineRow } from './get-order.js';

export type LineRejection = { line: LineRow; rejection: { code: string; text: string } };

/**
 * The carrier refused these lines: each keeps the carrier's code and text (shown on the line until it is
 * sent again), audited. Only a line still Pending takes it; one already Active keeps its activation.
 * Answers the ids of the lines changed.
 */
export async function setLineRejections(tx: Tx, audit: AuditContext, rejections: LineRejection[]): Promise<string[]> {
  const changed: LineRejection[] = [];
  for (const entry of rejections) {
    if (entry.line.status !== 'PENDING' || isDeepStrictEqual(entry.line.carrierRejection, entry.rejection)) continue;
    const [row] = await tx
      .update(lines)
      .set({ carrierRejection: entry.rejection, updatedAt: sql`now()` })
      .where(and(eq(lines.id, entry.line.id), eq(lines.status, 'PENDING')))
      .returning({ id: lines.id });
    if (row) changed.push(entry);
  }
  await recordAudits(
    tx,
    audit,
    changed.map(({ line, rejection }) => ({
      entityType: 'line',
      entityId: line.id,
      action: 'carrier_rejected',
      before: { carrierRejection: line.carrierRejection },
      after: { carrierRejection: rejection },
    })),
  );
  return changed.map(({ line }) => line.id);
}
