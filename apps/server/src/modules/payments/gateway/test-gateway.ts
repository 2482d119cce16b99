import { checkCardNumber } from '@linedesk/domain';
import { randomBytes } from 'node:crypto';
import type { PaymentGateway, TokenizeResult } from './payment-gateway.js';

/**
 * The built-in test gateway, for demo and test installations: it approves the card networks'
 * published test numbers and declines the documented decline numbers, like a real gateway's test
 * mode. Anything else is refused, so a real card is never taken in test mode.
 */
export const TEST_CARD_APPROVALS = [
  '4242424242424242',
  '4111111111111111',
  '5555555555554444',
  '2223003122003222',
  '378282246310005',
  '6011111111111117',
] as const;

export const TEST_CARD_DECLINES: Record<string, { code: string; message: string }> = {
  '4000000000000002': { code: 'card_declined', message: 'The card was declined by its issuer. Ask for another card or another payment method.' },
  '4000000000009995': { code: 'insufficient_funds', message: 'The card was declined for insufficient funds. Ask for another card or another payment method.' },
  '4000000000000069': { code: 'expired_card', message: 'The issuer reports this card as expired. Ask for another card.' },
};

export function createTestGateway(): PaymentGateway {
  return {
    name: 'test',
    async tokenizeCard(card): Promise<TokenizeResult> {
      const checked = checkCardNumber(card.number);
      if (!checked.ok) return { approved: false, code: 'invalid_number', message: checked.message };
      const decline = TEST_CARD_DECLINES[checked.digits];
      if (decline) return { approved: false, ...decline };
      if (!(TEST_CARD_APPROVALS as readonly string[]).includes(checked.digits)) {
        return { approved: false, code: 'test_mode', message: 'The test payment gateway takes only test card numbers (see the README); no real card is charged here.' };
      }
      return {
        approved: true,
        token: `tok_test_${randomBytes(12).toString('hex')}`,
        brand: checked.brand,
        last4: checked.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
      };
    },
  };
}
