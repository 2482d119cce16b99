import { canTransition, LINE_TRANSITIONS } from '@linedesk/domain';
import { namedStatement, type Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';
import type { LineRow } from './get-order.js';

// Every line the carrier activates, one or many in one statement, sent by name.
const activateLines = namedStatement<{ id: string }>(
  'activate_order_lines',
  `update lines l set status = 'ACTIVE', mdn = a.mdn, activated_at = a.activated_at, carrier_rejection = null, updated_at = now()
     from unnest($1::uuid[], $2::text[], $3::timestamptz[]) as a(id, mdn, activated_at)
    where l.id = a.id and l.status = 'PENDING'
   returning l.id`,
);

/** `mdn`: the number the carrier gave (or the ported one); null only when the carrier named none. `actor`: who reported it, when not `audit`'s actor. */
export type LineActivation = { line: LineRow; mdn: string | null; activatedAt: Date; actor?: AuditContext };

/**
 * The carrier activated these lines: Pending -> Active with the number it gave (or the ported one) and
 * when, audited. The update names Pending, so a line already activated (a repeated callback, a poll
 * racing a callback) is left as it is. Answers the ids of the lines it activated.
 */
export async function activateOrderLines(tx: Tx, audit: AuditContext, activations: LineActivation[]): Promise<string[]> {
  const wanted = activations.filter(({ line }) => canTransition(LINE_TRANSITIONS, line.status, 'ACTIVE'));
  if (wanted.length === 0) return [];
  const rows = await activateLines(tx, [wanted.map((a) => a.line.id), wanted.map((a) => a.mdn), wanted.map((a) => a.activatedAt.toISOString())]);
  const moved = new Set(rows.map((row) => row.id));
  const activated = wanted.filter(({ line }) => moved.has(line.id));
  await recordAudits(
    tx,
    audit,
    activated.map(({ line, mdn, activatedAt, actor }) => ({
      ...(actor ? { actor } : {}),
      entityType: 'line',
      entityId: line.id,
      action: 'activate',
      before: { status: line.status, mdn: line.mdn, carrierRejection: line.carrierRejection },
      after: { status: 'ACTIVE', mdn, activatedAt: activatedAt.toISOString(), carrierRejection: null },
    })),
  );
  return activated.map(({ line }) => line.id);
}
