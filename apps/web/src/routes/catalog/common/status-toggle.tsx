import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  catalogKeys,
  CONFLICT_MESSAGE,
  fetchFreshRecord,
  isConflict,
  useSaveCatalogRecord,
  type CatalogEntity,
  type CatalogView,
} from '../../../hooks/api/catalog';
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

export type ToggleOptions<E extends CatalogEntity> = {
  /**
   * Save from this very copy (an editor page: the copy its form started from) instead of fetching
   * the record afresh first, as a list row, possibly minutes old, needs.
   */
  asLoaded?: boolean;
  onSaved?: (saved: CatalogView<E>) => void;
  /** Someone else saved the record first; this is it as stored now. */
  onConflict?: (fresh: CatalogView<E>) => void;
};

type Confirm<E extends CatalogEntity> = { opened: boolean; record: CatalogView<E> | null; options: ToggleOptions<E>; conflict: boolean };

/**
 * Deactivate (after a confirmation) or activate a record: a PUT of the record as stored with
 * `isActive` flipped, refused (and reloaded) when someone else saved it since it was read.
 * Returns the toggle, the row being saved, and the confirmation modal to render.
 */
export function useStatusToggle<E extends CatalogEntity>(entity: E) {
  const queryClient = useQueryClient();
  const save = useSaveCatalogRecord(entity);
  const [confirm, setConfirm] = useState<Confirm<E>>({ opened: false, record: null, options: {}, conflict: false });
  const [pendingId, setPendingId] = useState<string | null>(null);
  const noun = CATALOG_NOUNS[entity].one;
  const close = () => setConfirm((prev) => ({ ...prev, opened: false }));

  function alreadyThere(record: CatalogView<E>) {
    notifications.show({
      color: 'blue',
      title: `${capitalize(noun)} already ${record.isActive ? 'active' : 'inactive'}`,
      message: `Someone else already ${record.isActive ? 'activated' : 'deactivated'} ${record.name}.`,
    });
    void queryClient.invalidateQueries({ queryKey: catalogKeys.entity(entity) });
  }

  async function reloadAfterConflict(record: CatalogView<E>, options: ToggleOptions<E>) {
    let fresh: CatalogView<E>;
    try {
      fresh = await fetchFreshRecord(queryClient, entity, record.id);
    } catch (error) {
      close();
      notifications.show({ color: 'red', title: `Could not reload ${record.name}`, message: errorReason(error) });
      return;
    }
    options.onConflict?.(fresh);
    if (fresh.isActive !== record.isActive) {
      close();
      alreadyThere(fresh);
    } else if (!fresh.isActive) {
      notifications.show({ color: 'yellow', title: `${record.name} was not activated`, message: CONFLICT_MESSAGE });
    } else {
      // The confirmation stays open on the fresh copy, saying why.
      setConfirm({ opened: true, record: fresh, options, conflict: true });
    }
  }

  function apply(record: CatalogView<E>, options: ToggleOptions<E>) {
    const isActive = !record.isActive;
    setPendingId(record.id);
    save.mutate(
      { id: record.id, updatedAt: record.updatedAt, input: { ...recordToInput(entity, record), isActive } },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            title: `${capitalize(noun)} ${isActive ? 'activated' : 'deactivated'}`,
            message: isActive ? `${record.name} is offered again.` : `${record.name} is no longer offered. Nothing was deleted.`,
          });
          close();
          options.onSaved?.(saved);
        },
        onError: (error) => {
          if (isConflict(error)) {
            void reloadAfterConflict(record, options);
            return;
          }
          notifications.show({ color: 'red', title: `Could not ${isActive ? 'activate' : 'deactivate'} ${record.name}`, message: errorReason(error) });
        },
        onSettled: () => setPendingId(null),
      },
    );
  }

  async function toggle(record: CatalogView<E>, options: ToggleOptions<E> = {}) {
    let current = record;
    if (!options.asLoaded) {
      try {
        current = await fetchFreshRecord(queryClient, entity, record.id);
      } catch (error) {
        notifications.show({ color: 'red', title: `Could not read ${record.name}`, message: errorReason(error) });
        return;
      }
      if (current.isActive !== record.isActive) {
        alreadyThere(current);
        return;
      }
    }
    if (current.isActive) setConfirm({ opened: true, record: current, options, conflict: false });
    else apply(current, options);
  }

  const record = confirm.record;
  const modal = (
    <Modal opened={confirm.opened} onClose={close} title={`Deactivate ${noun}?`} size="md">
      {record && (
        <Stack gap="md">
          {confirm.conflict && (
            <Alert color="yellow" variant="light" role="alert" icon={<IconRefresh size={18} aria-hidden />}>
              {CONFLICT_MESSAGE}
            </Alert>
          )}
          <Text fz="sm">
            <strong>{record.name}</strong> ({record.code}) will be marked inactive. {DEACTIVATE_EFFECT[entity]}
          </Text>
          <Text fz="sm" c="dimmed">
            Nothing is deleted: existing lines and orders keep their copy, and you can activate it again at any time.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={pendingId === record.id} onClick={() => apply(record, confirm.options)}>
              Deactivate
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );

  return { toggle: (record: CatalogView<E>, options?: ToggleOptions<E>) => void toggle(record, options), pendingId, modal };
}
