import type { TCardInput, TWizardDraft } from '@linedesk/domain';
import type { PaymentGateway } from '../../payments/gateway/payment-gateway.js';
import { tokenizeCard } from '../../payments/use-cases/tokenize-card.js';
import { assertOpen, getDraftRow, type DraftPolicy } from '../draft-store.js';
import { changeDraft, type DraftChange } from '../draft-step.js';

/**
 * Payment Details by credit card: the gateway tokenizes the card before the draft is touched (a
 * declined card changes nothing), and the draft keeps only the token, brand, last 4 and expiry.
 */
export async function setCardPayment(change: DraftChange & { card: TCardInput; gateway: PaymentGateway }): Promise<TWizardDraft> {
  const { card, gateway, policy } = change;
  assertOpen(await getDraftRow(change.db, change.id), policy as DraftPolicy);
  const token = await tokenizeCard({ gateway, card, now: policy.now?.() ?? new Date() });
  return changeDraft(change, 'set_card_payment', async (_tx, row) => ({
    ...row.data,
    payment: {
      method: 'CARD',
      brand: token.brand,
      last4: token.last4,
      expMonth: token.expMonth,
      expYear: token.expYear,
      nameOnCard: card.nameOnCard.trim(),
      billingZip: card.billingZip.trim(),
      gateway: gateway.name,
      token: token.token,
    },
  }));
}
