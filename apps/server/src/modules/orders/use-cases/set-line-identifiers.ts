import type { TLineIdentifier } from '@linedesk/domain';
import { namedStatement, type Tx } from '../../../db/client.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';

export type LineIdentifierChange = {
  lineId: string;
  before: TLineIdentifier[];
  after: TLineIdentifier[];
  /** `assign_inventory` or `unassign_inventory`: what the agent did, for the history. */
  action: 'assign_inventory' | 'unassign_inventory';
};

// Sent by name: planned once per connection.
const updateIdentifiers = namedStatement('set_line_identifiers', 'update lines set identifiers = $2::jsonb, updated_at = $3::timestamptz where id = $1::uuid');

/**
 * Writes each line's device and SIM identifiers (the account page, Create Order and the order page read
 * them), audited per line as identifier kind -> value before and after.
 */
export async function setLineIdentifiers(tx: Tx, audit: AuditContext, changes: LineIdentifierChange[]): Promise<void> {
  const now = new Date().toISOString();
  for (const change of changes) {
    await updateIdentifiers(tx, [change.lineId, JSON.stringify(change.after), now]);
  }
  await recordAudits(
    tx,
    audit,
    changes.map((change) => ({ entityType: 'line', entityId: change.lineId, action: change.action, before: byKind(change.before), after: byKind(change.after) })),
  );
}

function byKind(identifiers: TLineIdentifier[]): Record<string, string> {
  return Object.fromEntries(identifiers.map((identifier) => [identifier.kind, identifier.value]));
}
