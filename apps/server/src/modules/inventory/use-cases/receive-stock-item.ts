import { INVENTORY_STATUS_LABELS, isoDay, readItemIdentifiers, type ZReceiveStockItem, type TStockItem } from '@linedesk/domain';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { fieldsError } from '../../../http/validate.js';
import type { AuditContext } from '../../audit/record-audit.js';
import { referenceProblems, type StockReferences } from '../stock-references.js';
import { isUniqueViolation, STOCK_INTAKE_LOCK } from '../stock-intake.js';
import { addStockItems } from './add-stock-items.js';
import { findStockItems } from './find-stock-items.js';
import { getStockItems } from './get-stock-items.js';

/**
 * Receive one item (the Receive screen, one scan after another): its identifiers must fit its kind, pass
 * their check digits and be new to the whole system; the carrier and agent must exist. Received today
 * unless a date is given.
 */
export async function receiveStockItem(options: {
  db: Db;
  audit: AuditContext;
  refs: StockReferences;
  input: z.output<typeof ZReceiveStockItem>;
}): Promise<TStockItem> {
  const { db, audit, refs, input } = options;
  const read = readItemIdentifiers(input.kind, input.identifiers);
  const problems = [
    ...(read.ok ? [] : read.problems.map((p) => ({ path: p.index === null ? ['identifiers'] : ['identifiers', p.index], rule: p.rule, message: p.message }))),
    ...referenceProblems(refs, input, { carrier: 'carrierCode', agent: 'agentCode' }).map((p) => ({ path: [p.field], rule: p.rule, message: p.message })),
  ];
  const today = isoDay(new Date());
  if (input.receivedOn && input.receivedOn > today) problems.push({ path: ['receivedOn'], rule: 'future_date', message: 'Stock cannot be received in the future' });
  if (problems.length || !read.ok) throw fieldsError(problems);

  const id = await db.transaction(async (tx) => {
    await STOCK_INTAKE_LOCK.take(tx);
    const existing = await findStockItems({ db: tx, values: read.identifiers.map((i) => i.value) });
    if (existing.length) {
      const fields = existing.map((item) => {
        const index = read.identifiers.findIndex((i) => i.value === item.identifier.value);
        const where = [INVENTORY_STATUS_LABELS[item.status], item.carrierCode].join(', ');
        return { field: `body.identifiers.${index}`, rule: 'in_stock', message: `${item.identifier.kind} ${read.identifiers[index]!.display} is already in stock (${where})` };
      });
      throw new AppError('ALREADY_EXISTS', fields.map((f) => f.message).join('; '), { fields });
    }
    try {
      const [created] = await addStockItems(tx, audit, [{ ...input, receivedOn: input.receivedOn ?? today }]);
      return created!;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('ALREADY_EXISTS', 'One of these identifiers was just received by someone else', { cause: error });
      throw error;
    }
  });
  const [item] = await getStockItems({ db, ids: [id] });
  return item!;
}
