import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDiscardDraft } from '../../../hooks/api/wizard';
import { errorReason } from '../../../lib/form-errors';
import { clearWizardStorage } from './wizard-links';

type DiscardableDraft = { id: string; title: string; carrierName: string | null };

/** "Discard this draft?", from the drafts list or from the draft itself: deletes it and what this tab kept of it. */
export function DiscardDraftModal({ draft, onClose, onDiscarded }: { draft: DiscardableDraft | null; onClose: () => void; onDiscarded?: () => void }) {
  const discard = useDiscardDraft();
  return (
    <Modal opened={draft !== null} onClose={onClose} title="Discard this draft?">
      {draft && (
        <Stack gap="md">
          <Text fz="sm">
            {draft.title}
            {draft.carrierName ? ` (${draft.carrierName})` : ''}: everything entered on this draft is deleted. No customer or order has been created from it.
          </Text>
          {discard.isError && (
            <Text fz="sm" c="red" role="alert">
              {errorReason(discard.error)}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              Keep the draft
            </Button>
            <Button
              color="red"
              loading={discard.isPending}
              onClick={() =>
                discard.mutate(draft.id, {
                  onSuccess: () => {
                    clearWizardStorage(draft.id);
                    notifications.show({ color: 'green', title: 'Draft discarded', message: `${draft.title} was deleted.` });
                    onClose();
                    onDiscarded?.();
                  },
                })
              }
            >
              Discard draft
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
