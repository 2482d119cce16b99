import { isoDay, maskAccountNumber, orderOptionsSchema, type TFinalStep, type TWizardDraft } from '@linedesk/domain';
import { AppError } from '../../../http/app-error.js';
import { parseOrThrow } from '../../../http/validate.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { nextSecret, type StoredPayment } from '../draft-data.js';
import { changeDraft, type DraftChange } from '../draft-step.js';

/**
 * The final page: Order Options, and Payment Details by bank account or invoice (a card is set by
 * `setCardPayment`, through the gateway). Leaving the payment out keeps the one stored.
 */
export async function saveFinalStep(change: DraftChange & { input: TFinalStep; secrets: SecretBox }): Promise<TWizardDraft> {
  const { input, secrets } = change;
  return changeDraft(change, 'save_final', async (_tx, row) => {
    const options = parseOrThrow(orderOptionsSchema(isoDay(change.policy.now?.() ?? new Date())), input.options, 'body.options');
    let payment: StoredPayment | null = row.data.payment;
    if (input.payment?.method === 'INVOICE') payment = { method: 'INVOICE' };
    if (input.payment?.method === 'BANK') {
      const stored = row.data.payment?.method === 'BANK' ? row.data.payment.accountNumber : null;
      const accountNumber = nextSecret(secrets, input.payment.accountNumber, stored, maskAccountNumber);
      if (!accountNumber) throw AppError.field('VALIDATION_FAILED', 'body.payment.accountNumber', 'required', 'Enter the bank account number');
      payment = {
        method: 'BANK',
        nameOnAccount: input.payment.nameOnAccount,
        routingNumber: input.payment.routingNumber,
        accountType: input.payment.accountType ?? 'CHECKING',
        accountNumber,
      };
    }
    if (input.payment === null) payment = null;
    return { ...row.data, options, payment };
  });
}
