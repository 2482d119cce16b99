import { TMF_PRODUCT_ORDER_PATCHABLE, type TTmfProductOrderUpdate } from '@linedesk/domain';
import type { Db } from '../../../db/client.js';
import { updateApiOrder, type LineResources } from '../../../flows/update-api-order.js';
import { AppError } from '../../../http/app-error.js';
import type { AuditContext } from '../../audit/record-audit.js';
import { getOrder } from '../../orders/use-cases/get-order.js';
import { findRejectedProductOrders } from './use-cases/find-rejected-product-orders.js';

const IDENTIFYING = ['id', 'href', '@type', '@baseType', '@schemaLocation'];

/**
 * PATCH productOrder (merge patch): `description` (the order's notes; `note` texts are added to them),
 * `requestedCompletionDate`, `externalId`, and each item's `product.realizingResource` (devices and SIMs put
 * on the item's line as a scan puts them). Anything else is LineDesk's to change and refused by name.
 */
export async function updateTmfProductOrder(options: { db: Db; audit: AuditContext; id: string; body: TTmfProductOrderUpdate }): Promise<void> {
  const { db, audit, id, body } = options;
  const refused = Object.keys(body).filter((key) => !(TMF_PRODUCT_ORDER_PATCHABLE as readonly string[]).includes(key) && !IDENTIFYING.includes(key));
  if (refused.length) {
    throw new AppError('VALIDATION_FAILED', `These attributes cannot be changed: ${refused.join(', ')}`, {
      fields: refused.map((key) => ({
        field: `body.${key}`,
        rule: 'not_patchable',
        message:
          key === 'state'
            ? 'The state follows the order: to cancel it, POST a cancelProductOrder'
            : `Only ${TMF_PRODUCT_ORDER_PATCHABLE.join(', ')} (an item's product.realizingResource) can change`,
      })),
    });
  }
  const found = await getOrder({ db, orderId: id }).catch(async (error: unknown) => {
    if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
    if ((await findRejectedProductOrders({ db, ids: [id] })).length) {
      throw new AppError('INVALID_TRANSITION', 'This productOrder was rejected: no order was made, so it cannot change; send a new productOrder');
    }
    throw new AppError('NOT_FOUND', `No product order with id ${id}`);
  });

  const assignments: LineResources[] = [];
  for (const [index, item] of (body.productOrderItem ?? []).entries()) {
    const at = `productOrderItem[${index}]`;
    const line = found.lines.find((l) => (l.externalItemId ?? String(l.position + 1)) === item.id);
    if (!line) throw AppError.field('VALIDATION_FAILED', `${at}.id`, 'not_found', `No item ${item.id} on this order`);
    const resources = item.product?.realizingResource ?? [];
    if (resources.length === 0) continue;
    assignments.push({ lineId: line.id, field: at, resources: resources.map((ref, j) => ({ ref: ref.value ?? ref.id, field: `${at}.product.realizingResource[${j}]` })) });
  }

  const hasNotes = body.description !== undefined || body.note !== undefined;
  const base = body.description === undefined ? found.order.notes : body.description;
  // A note already among the notes is not added again: the same PATCH retried changes nothing more.
  const kept = new Set((base ?? '').split('\n\n').map((text) => text.trim()));
  const added = [...new Set((body.note ?? []).map((note) => note.text.trim()))].filter((text) => text && !kept.has(text));
  const notes = hasNotes ? [base, ...added].filter((text): text is string => Boolean(text?.trim())).join('\n\n') : undefined;
  if (notes && notes.length > 2000) throw AppError.field('VALIDATION_FAILED', 'description', 'max_length', 'The notes take at most 2,000 characters');
  await updateApiOrder({
    db,
    audit,
    orderId: id,
    details: {
      notes: notes === undefined ? undefined : notes || null,
      requestedDueDate: body.requestedCompletionDate === undefined ? undefined : (body.requestedCompletionDate?.slice(0, 10) ?? null),
      externalId: body.externalId,
      detailsField: { requestedDueDate: 'requestedCompletionDate' },
    },
    assignments,
  });
}
