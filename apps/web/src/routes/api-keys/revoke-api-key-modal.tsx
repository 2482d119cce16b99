import { maskedApiKey, type TApiKey } from '@linedesk/domain';
import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormAlert } from '../../components/common/form-alert';
import { useRevokeApiKey } from '../../hooks/api/api-keys';

/** Revoke, after a confirmation: the key is refused from the next request on, and cannot be restored. */
export function RevokeApiKeyModal({ apiKey, opened, onClose }: { apiKey: TApiKey | null; opened: boolean; onClose: () => void }) {
  const revoke = useRevokeApiKey();
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={opened && apiKey !== null} onClose={close} title="Revoke API key?" size="md">
      {apiKey && (
        <Stack gap="md">
          <FormAlert error={revoke.error} />
          <Text fz="sm">
            <strong>{apiKey.name}</strong> (<Code>{maskedApiKey(apiKey.prefix)}</Code>) will be refused from its next request on. Anything
            still using it stops working at once.
          </Text>
          <Text fz="sm" c="dimmed">
            A revoked key cannot be restored: create a new key for the integration if it still needs access. The key stays in this list,
            and in the audit log, as revoked.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(apiKey.id, {
                  onSuccess: (revoked) => {
                    notifications.show({ color: 'green', title: 'API key revoked', message: `${revoked.name} can no longer call LineDesk.` });
                    close();
                  },
                })
              }
            >
              Revoke key
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
