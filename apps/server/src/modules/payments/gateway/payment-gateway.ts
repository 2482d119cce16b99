import type { CardBrand } from '@linedesk/domain';

/** A card as the gateway receives it: in memory for one call, never stored or logged by us. */
export type CardDetails = { number: string; expMonth: number; expYear: number; cvv: string; nameOnCard: string; billingZip: string };

export type TokenizeResult =
  | { approved: true; token: string; brand: CardBrand; last4: string; expMonth: number; expYear: number }
  | { approved: false; code: string; message: string };

/** A payment gateway that turns a card into a reusable token (and says when the issuer declines it). */
export type PaymentGateway = {
  readonly name: string;
  tokenizeCard(card: CardDetails): Promise<TokenizeResult>;
};
