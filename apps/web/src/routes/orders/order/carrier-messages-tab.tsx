import type { TOrderDetail } from '@linedesk/domain';
import { IconMessages } from '@tabler/icons-react';
import { StateMessage } from '../../../components/common/status-state';

/**
 * The requests sent to the carrier for this order and the carrier's replies. Nothing goes to a
 * carrier before the order is sent: the tab says so rather than showing anything made up.
 */
export function CarrierMessagesTab({ order }: { order: TOrderDetail }) {
  const neverSent = order.status === 'PENDING' || order.status === 'READY' || order.status === 'CANCELLED';
  return (
    <StateMessage icon={<IconMessages size={24} />} color="gray" title="No carrier messages">
      {neverSent
        ? `Nothing has been sent to ${order.carrierName} for this order. The requests sent to the carrier and its replies appear here once the order is sent.`
        : `No requests to ${order.carrierName} or replies are recorded for this order yet.`}
    </StateMessage>
  );
}
