import type { Config } from '../../../config.js';
import type { PaymentGateway } from './payment-gateway.js';
import { createTestGateway } from './test-gateway.js';

/** The payment gateway the configuration names (PAYMENT_GATEWAY). */
export function paymentGatewayFor(config: Pick<Config, 'paymentGateway'>): PaymentGateway {
  switch (config.paymentGateway) {
    case 'test':
      return createTestGateway();
  }
}
