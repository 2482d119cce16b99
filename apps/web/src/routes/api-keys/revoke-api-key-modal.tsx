import { maskedApiKey, type TApiKey } from '@linedesk/domain';
import { Code, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ConfirmModal } from '../../components/common/confirm-modal';
import { useRevokeApiKey } from '../../hooks/api/api-keys';

/** Revoke, after a confirmation: the key is refused from the next request on, and cannot be restored. */
export function RevokeApiKeyModal({ apiKey, opened, onClose }: { apiKey: TApiKey | null; opened: boolean; onClose: () => void }) {
  const revoke = useRevokeApiKey();
  const close = () => {
    revoke.reset();
    onClose();
  };
  if (!apiKey) return null;
  return (
    <ConfirmModal
      opened={opened}
      title="Revoke API key?"
      confirmLabel="Revoke key"
      error={revoke.error}
      pending={revoke.isPending}
      onClose={close}
      onConfirm={() =>
        revoke.mutate(apiKey.id, {
          onSuccess: (revoked) => {
            notifications.show({ color: 'green', title: 'API key revoked', message: `${revoked.name} can no longer call LineDesk.` });
            close();
          },
        })
      }
    >
      <Text fz="sm">
        <strong>{apiKey.name}</strong> (<Code>{maskedApiKey(apiKey.prefix)}</Code>) will be refused from its next request on. Anything still
        using it stops working at once.
      </Text>
      <Text fz="sm" c="dimmed">
        A revoked key cannot be restored: create a new key for the integration if it still needs access. The key stays in this list, and in
        the audit log, as revoked.
      </Text>
    </ConfirmModal>
  );
}
