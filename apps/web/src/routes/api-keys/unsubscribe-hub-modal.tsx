import type { TTmfHubView } from '@linedesk/domain';
import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormAlert } from '../../components/common/form-alert';
import { useUnsubscribeHub } from '../../hooks/api/integrations';

/** Unsubscribe, after a confirmation: the callback gets no more events; the integration may subscribe again. */
export function UnsubscribeHubModal({ hub, opened, onClose }: { hub: TTmfHubView | null; opened: boolean; onClose: () => void }) {
  const unsubscribe = useUnsubscribeHub();
  const close = () => {
    unsubscribe.reset();
    onClose();
  };
  const waiting = hub?.deliveries.waiting ?? 0;
  return (
    <Modal opened={opened && hub !== null} onClose={close} title="Unsubscribe from events?" size="md">
      {hub && (
        <Stack gap="md">
          <FormAlert error={unsubscribe.error} />
          <Text fz="sm">
            <Code style={{ overflowWrap: 'anywhere' }}>{hub.callback}</Code> will get no more {hub.apiName} events, from the next change on.
          </Text>
          <Text fz="sm" c="dimmed">
            {waiting > 0 ? `${waiting === 1 ? 'The 1 event' : `The ${waiting} events`} still waiting to be sent to it will be dropped. ` : ''}
            The integration can subscribe again through the API. The audit log keeps who unsubscribed it.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={unsubscribe.isPending}
              onClick={() =>
                unsubscribe.mutate(hub.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'green', title: 'Unsubscribed', message: `${hub.callback} gets no more ${hub.apiName} events.` });
                    close();
                  },
                })
              }
            >
              Unsubscribe
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
