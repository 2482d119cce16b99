import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormAlert } from './form-alert';

/**
 * A destructive action asked once more: what happens, Cancel (focused, so Enter does not confirm by
 * accident) and the red action, with the server's refusal shown above if it comes.
 */
export function ConfirmModal(props: {
  opened: boolean;
  title: string;
  confirmLabel: string;
  error: unknown;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { opened, title, confirmLabel, error, pending, onConfirm, onClose, children } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md">
      <Stack gap="md">
        <FormAlert error={error} />
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
