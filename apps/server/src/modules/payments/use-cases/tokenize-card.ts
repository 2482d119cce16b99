import { checkCardExpiry, checkCardNumber, checkCvv, type TCardInput } from '@linedesk/domain';
import { AppError } from '../../../http/app-error.js';
import { fieldsError } from '../../../http/validate.js';
import type { PaymentGateway, TokenizeResult } from '../gateway/payment-gateway.js';

/**
 * Checks a card as typed and has the gateway tokenize it. The number and CVV live only in this
 * call: errors never repeat them, and only the gateway's token, brand, last 4 and expiry come back.
 */
export async function tokenizeCard(options: { gateway: PaymentGateway; card: TCardInput; now: Date }): Promise<Extract<TokenizeResult, { approved: true }>> {
  const { gateway, card, now } = options;
  const problems: { path: string[]; rule: string; message: string }[] = [];
  const number = checkCardNumber(card.number);
  if (!number.ok) problems.push({ path: ['number'], rule: number.rule, message: number.message });
  const expiry = checkCardExpiry(card.expMonth, card.expYear, now);
  if (!expiry.ok) problems.push({ path: [expiry.rule === 'year' ? 'expYear' : 'expMonth'], rule: expiry.rule, message: expiry.message });
  const cvv = checkCvv(card.cvv, number.ok ? number.brand : 'UNKNOWN');
  if (!cvv.ok) problems.push({ path: ['cvv'], rule: cvv.rule, message: cvv.message });
  if (problems.length || !number.ok || !expiry.ok) throw fieldsError(problems);
  const result = await gateway.tokenizeCard({ ...card, number: number.digits, expMonth: expiry.month, expYear: expiry.year });
  if (!result.approved) throw AppError.field('RULE_VIOLATED', 'body.number', result.code, result.message);
  return result;
}
