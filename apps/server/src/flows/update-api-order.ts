import { isoDay, ORDER_STATUS_LABELS, type TFieldError, type TOrderScanEntry } from '@linedesk/domain';
import type { Db } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import type { AuditContext } from '../modules/audit/record-audit.js';
import { findItemsWithIdentifiers } from '../modules/inventory/use-cases/find-items-with-identifiers.js';
import { getOrder } from '../modules/orders/use-cases/get-order.js';
import { updateOrderDetails, type OrderDetailsChange } from '../modules/orders/use-cases/update-order-details.js';
import { assignOrderInventoryIn } from './assign-order-inventory.js';
import { cachedCarrierRules } from './order-state.js';

/** Devices and SIMs for one line: each an inventory item id or an identifier value, with the field that named it. */
export type LineResources = { lineId: string; /** The field naming the line (its item). */ field: string; resources: { ref: string; field: string }[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EDITABLE = ['PENDING', 'READY', 'ERROR'] as const;

/**
 * An integrator's change to an order, all or nothing in one transaction with the order locked: its notes,
 * requested due date and external id, and devices and SIMs put on its lines exactly as a scan on the
 * Inventory tab puts them (same rules, same refusals, Ready once every line has what it needs, sent by
 * itself when it sends automatically). Refused once the order went to the carrier, as the order page
 * refuses. A resource that cannot go on its line refuses the whole change, naming its field.
 */
export async function updateApiOrder(options: {
  db: Db;
  audit: AuditContext;
  orderId: string;
  details: OrderDetailsChange & { detailsField?: Partial<Record<keyof OrderDetailsChange, string>> };
  assignments: LineResources[];
  now?: Date;
}): Promise<void> {
  const { db, audit, orderId, details, assignments } = options;
  const carriers = await cachedCarrierRules(db);
  await db.transaction(async (tx) => {
    const { order, lines } = await getOrder({ db: tx, orderId, lock: true });
    const changesDetails = (['notes', 'requestedDueDate', 'externalId'] as const).some((key) => details[key] !== undefined && details[key] !== order[key]);
    if ((changesDetails || assignments.length) && !(EDITABLE as readonly string[]).includes(order.status)) {
      throw new AppError(
        'INVALID_TRANSITION',
        order.status === 'CANCELLED'
          ? 'The order is cancelled, so it can no longer change'
          : `The order is ${ORDER_STATUS_LABELS[order.status]}: it went to the carrier, so it can no longer change`,
      );
    }
    if (details.requestedDueDate && details.requestedDueDate !== order.requestedDueDate && details.requestedDueDate < isoDay(options.now ?? new Date())) {
      const field = details.detailsField?.requestedDueDate ?? 'body.requestedDueDate';
      throw AppError.field('VALIDATION_FAILED', field, 'not_past', 'The requested due date cannot be in the past');
    }
    await updateOrderDetails(tx, audit, order, { notes: details.notes, requestedDueDate: details.requestedDueDate, externalId: details.externalId });

    const items = await findItemsWithIdentifiers({ db: tx, ids: [...new Set(assignments.flatMap((a) => a.resources.filter((r) => UUID.test(r.ref)).map((r) => r.ref.toLowerCase())))] });
    for (const assignment of assignments) {
      const line = lines.find((l) => l.id === assignment.lineId);
      if (!line) throw new AppError('NOT_FOUND', 'No such line on this order');
      // What each resource scans as: an item's identifiers (the line takes the one it needs), or the value given.
      const values = assignment.resources.map(({ ref, field }) => {
        if (!UUID.test(ref)) return { field, values: [ref.trim()] };
        const item = items.find((i) => i.id === ref.toLowerCase());
        if (!item) throw AppError.field('VALIDATION_FAILED', field, 'not_found', 'No inventory item with this id');
        return { field, values: [...item.identifiers].sort((a, b) => a.slot - b.slot).map((i) => i.value) };
      });
      const held = new Set(line.identifiers.map((i) => i.value));
      const wanted = values.filter((v) => !v.values.some((value) => held.has(value)));
      if (wanted.length === 0) continue;
      await assignOrderInventoryIn(tx, {
        audit,
        orderId,
        lineId: line.id,
        carriers,
        text: wanted.flatMap((v) => v.values).join('\n'),
        veto: (entries) => refusalOf(entries, wanted, line.id),
      }).catch((error: unknown) => {
        // The scan names its own request's fields (body.lineId, body.text): here they are the item's.
        if (error instanceof AppError && error.fields?.some((f) => f.field.startsWith('body.'))) {
          throw new AppError(error.code, error.reason, { fields: error.fields.map((f) => (f.field.startsWith('body.') ? { ...f, field: assignment.field } : f)) });
        }
        throw error;
      });
    }
  });
}

/** The refusal of a PATCH's resources for one line: each must have put something on that line. */
function refusalOf(entries: TOrderScanEntry[], wanted: { field: string; values: string[] }[], lineId: string): AppError | null {
  const problems: TFieldError[] = [];
  for (const { field, values } of wanted) {
    const own = entries.filter((entry) => values.some((value) => sameValue(entry.input, value)));
    const placed = own.some((entry) => entry.outcome === 'ASSIGNED' || (entry.outcome === 'DUPLICATE' && entry.lineId === lineId));
    if (placed) continue;
    const why = own.find((entry) => entry.outcome === 'REFUSED') ?? own.find((entry) => entry.outcome === 'DUPLICATE') ?? own[0];
    problems.push({ field, rule: why?.rule ?? 'not_assigned', message: why?.message ?? 'This resource cannot go on the line' });
  }
  if (problems.length === 0) return null;
  return new AppError('RULE_VIOLATED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { fields: problems });
}

const sameValue = (input: string, value: string) => input.replace(/[\s-]/g, '').toUpperCase() === value.replace(/[\s-]/g, '').toUpperCase();
