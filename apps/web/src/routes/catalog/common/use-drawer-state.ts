import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchFreshRecord, type CatalogEntity, type CatalogView } from '../../../hooks/api/catalog';
import { errorReason } from '../../../lib/form-errors';
import type { FormHost } from './use-catalog-form';

type State<T> = { opened: boolean; record: T | null; key: number; reloaded: boolean };

/**
 * Which record a create/edit drawer shows. An edit starts from the record as stored now (fetched
 * afresh, not the list's possibly old row). `key` changes on every opening and reload so each one
 * starts a fresh form; `record` stays set while the drawer closes so its content does not vanish
 * mid-animation.
 */
export function useDrawerState<E extends CatalogEntity>(entity: E) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<State<CatalogView<E>>>({ opened: false, record: null, key: 0, reloaded: false });

  const show = (record: CatalogView<E> | null, reloaded: boolean) =>
    setState((prev) => ({ opened: true, record, key: prev.key + 1, reloaded }));

  async function openEdit(row: CatalogView<E>) {
    try {
      show(await fetchFreshRecord(queryClient, entity, row.id), false);
    } catch (error) {
      notifications.show({ color: 'red', title: `Could not open ${row.name}`, message: errorReason(error) });
    }
  }

  const host: FormHost<E> = { reloaded: state.reloaded, reload: (fresh) => show(fresh, true) };

  return {
    opened: state.opened,
    record: state.record,
    key: state.key,
    host,
    openCreate: () => show(null, false),
    openEdit: (row: CatalogView<E>) => void openEdit(row),
    close: () => setState((prev) => ({ ...prev, opened: false })),
  };
}

export type DrawerState<E extends CatalogEntity> = ReturnType<typeof useDrawerState<E>>;
