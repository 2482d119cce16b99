import type { TWizardDraft, TWizardStart } from '@linedesk/domain';
import { AppError } from '../../../http/app-error.js';
import { listOfferedCarriers } from '../../catalog/use-cases/list-offered-carriers.js';
import { changeDraft, type DraftChange } from '../draft-step.js';

/** Step 1: Carrier, Order Type and Contact Information. The carrier must sell the order type. */
export async function saveStartStep(change: DraftChange & { input: TWizardStart }): Promise<TWizardDraft> {
  const { input } = change;
  return changeDraft(change, 'save_start', async (tx, row) => {
    const carrier = (await listOfferedCarriers({ db: tx })).find((c) => c.code === input.carrierCode);
    if (!carrier) throw AppError.field('VALIDATION_FAILED', 'body.carrierCode', 'offered', `${input.carrierCode} is not an active carrier`);
    if (!carrier.orderTypes.includes(input.orderType)) {
      throw AppError.field('VALIDATION_FAILED', 'body.orderType', 'offered', `${carrier.name} does not take ${input.orderType === 'NEW' ? 'New' : 'Conversion'} orders`);
    }
    const previous = row.data.start;
    if (row.data.lines.length > 0 && previous && previous.carrierCode !== input.carrierCode) {
      throw AppError.field('RULE_VIOLATED', 'body.carrierCode', 'lines_exist', `This draft has lines for ${row.data.carrierName}; delete them on the Lines page before changing the carrier`);
    }
    if (input.orderType === 'NEW' && row.data.lines.some((line) => line.orderType === 'CONVERSION')) {
      throw AppError.field('RULE_VIOLATED', 'body.orderType', 'lines_exist', 'This draft has port-in lines; delete them on the Lines page before making it a New order');
    }
    return { ...row.data, start: input, carrierName: carrier.name };
  });
}
