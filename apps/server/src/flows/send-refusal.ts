import { describeLineNeeds, ORDER_STATUS_LABELS, type ErrorCode } from '@linedesk/domain';
import { hasCarrierConnection } from '../modules/provisioning/adapters/adapter-registry.js';
import { liveLines, missingOf, type OrderState } from './order-state.js';

export type SendRefusal = { code: ErrorCode; reason: string };

/**
 * Why the order cannot be sent now, or null when it can: it must be Ready (or in Error, fixed, with
 * nothing missing: a resend), and its carrier must be connected (a `manual` carrier is provisioned by hand).
 * The order page's Send button and the Send itself give the same reason.
 */
export function sendRefusal(state: OrderState): SendRefusal | null {
  const { status, carrierName } = state.order;
  if (status === 'CANCELLED') return { code: 'INVALID_TRANSITION', reason: 'The order is cancelled' };
  if (status === 'COMPLETE' || status === 'PARTIAL') return { code: 'INVALID_TRANSITION', reason: `The order is ${ORDER_STATUS_LABELS[status]}` };
  if (status === 'SENT') return { code: 'INVALID_TRANSITION', reason: `Sent to ${carrierName}; waiting for the carrier` };
  if (status === 'IN_PROGRESS') {
    return { code: 'INVALID_TRANSITION', reason: `${carrierName} is activating ${liveLines(state).length === 1 ? 'the line' : 'the lines'}` };
  }
  const needs = liveLines(state)
    .map((line) => {
      const missing = missingOf(state, line, line.identifiers);
      return describeLineNeeds({ position: line.position, missing });
    })
    .filter((need): need is string => need !== null);
  if (needs.length) return { code: 'RULE_VIOLATED', reason: needs.join('; ') };
  if (status === 'PENDING') return { code: 'INVALID_TRANSITION', reason: 'The order is Pending; it becomes Ready once every line has its inventory' };
  if (!liveLines(state).some((line) => line.status === 'PENDING')) return { code: 'RULE_VIOLATED', reason: 'The order has no line left to activate' };
  if (!state.carrier) return { code: 'RULE_VIOLATED', reason: `The carrier ${state.order.carrierCode} is not in the catalog, so the order cannot be sent` };
  if (!hasCarrierConnection(state.carrier.provisioningAdapter)) {
    return { code: 'RULE_VIOLATED', reason: `${carrierName} is provisioned by hand (no carrier connection): activate the lines in the carrier's portal` };
  }
  return null;
}
