import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSaveCatalogRecord, type CatalogEntity, type CatalogView } from '../../../hooks/api/catalog';
import { CATALOG_NOUNS, capitalize, recordToInput } from '../../../lib/catalog-records';
import { errorReason } from '../../../lib/form-errors';

/** What stops happening when a record of each kind is deactivated. */
const DEACTIVATE_EFFECT: Record<CatalogEntity, string> = {
  carriers: 'Its packages will no longer be offered when selling.',
  packages: 'It will no longer be offered when selling.',
  products: 'It will no longer be offered on packages when selling.',
  'line-types': 'It will no longer be offered when selling.',
  'ld-rate-plans': 'It will no longer be applied to new lines.',
  'bill-profiles': 'It will no longer be offered for new accounts.',
  agents: 'It will no longer be offered as the agent on new orders.',
};

/**
 * Deactivate (after a confirmation) or activate a record: a PUT of the record as stored with
 * `isActive` flipped. Returns the toggle, the row being saved, and the confirmation modal to render.
 */
export function useStatusToggle<E extends CatalogEntity>(entity: E) {
  const save = useSaveCatalogRecord(entity);
  const [confirm, setConfirm] = useState<{ opened: boolean; record: CatalogView<E> | null }>({ opened: false, record: null });
  const [pendingId, setPendingId] = useState<string | null>(null);
  const noun = CATALOG_NOUNS[entity].one;

  function apply(record: CatalogView<E>) {
    const isActive = !record.isActive;
    setPendingId(record.id);
    save.mutate(
      { id: record.id, input: { ...recordToInput(entity, record), isActive } },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: `${capitalize(noun)} ${isActive ? 'activated' : 'deactivated'}`,
            message: isActive ? `${record.name} is offered again.` : `${record.name} is no longer offered. Nothing was deleted.`,
          });
          setConfirm((prev) => ({ ...prev, opened: false }));
        },
        onError: (error) =>
          notifications.show({ color: 'red', title: `Could not ${isActive ? 'activate' : 'deactivate'} ${record.name}`, message: errorReason(error) }),
        onSettled: () => setPendingId(null),
      },
    );
  }

  function toggle(record: CatalogView<E>) {
    if (record.isActive) setConfirm({ opened: true, record });
    else apply(record);
  }

  const record = confirm.record;
  const modal = (
    <Modal
      opened={confirm.opened}
      onClose={() => setConfirm((prev) => ({ ...prev, opened: false }))}
      title={`Deactivate ${noun}?`}
      size="md"
    >
      {record && (
        <Stack gap="md">
          <Text fz="sm">
            <strong>{record.name}</strong> ({record.code}) will be marked inactive. {DEACTIVATE_EFFECT[entity]}
          </Text>
          <Text fz="sm" c="dimmed">
            Nothing is deleted: existing lines and orders keep their copy, and you can activate it again at any time.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirm((prev) => ({ ...prev, opened: false }))} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={pendingId === record.id} onClick={() => apply(record)}>
              Deactivate
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );

  return { toggle, pendingId, modal };
}
