import type { TTmfHubView } from '@linedesk/domain';
import { Code, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ConfirmModal } from '../../components/common/confirm-modal';
import { useUnsubscribeHub } from '../../hooks/api/integrations';

/** Unsubscribe, after a confirmation: the callback gets no more events; the integration may subscribe again. */
export function UnsubscribeHubModal({ hub, opened, onClose }: { hub: TTmfHubView | null; opened: boolean; onClose: () => void }) {
  const unsubscribe = useUnsubscribeHub();
  const close = () => {
    unsubscribe.reset();
    onClose();
  };
  if (!hub) return null;
  const waiting = hub.deliveries.waiting;
  return (
    <ConfirmModal
      opened={opened}
      title="Unsubscribe from events?"
      confirmLabel="Unsubscribe"
      error={unsubscribe.error}
      pending={unsubscribe.isPending}
      onClose={close}
      onConfirm={() =>
        unsubscribe.mutate(hub.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', title: 'Unsubscribed', message: `${hub.callback} gets no more ${hub.apiName} events.` });
            close();
          },
        })
      }
    >
      <Text fz="sm">
        <Code style={{ overflowWrap: 'anywhere' }}>{hub.callback}</Code> will get no more {hub.apiName} events, from the next change on.
      </Text>
      <Text fz="sm" c="dimmed">
        {waiting > 0 ? `${waiting === 1 ? 'The 1 event' : `The ${waiting} events`} still waiting to be sent to it will be dropped. ` : ''}
        The integration can subscribe again through the API. The audit log keeps who unsubscribed it.
      </Text>
    </ConfirmModal>
  );
}
