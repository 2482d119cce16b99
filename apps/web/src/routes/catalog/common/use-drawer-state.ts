import { useState } from 'react';

/**
 * Which record a create/edit drawer shows. `key` changes on every opening so each one starts a
 * fresh form; `record` stays set while the drawer closes so its content does not vanish mid-animation.
 */
export function useDrawerState<T>() {
  const [state, setState] = useState<{ opened: boolean; record: T | null; key: number }>({ opened: false, record: null, key: 0 });
  return {
    opened: state.opened,
    record: state.record,
    key: state.key,
    openCreate: () => setState((prev) => ({ opened: true, record: null, key: prev.key + 1 })),
    openEdit: (record: T) => setState((prev) => ({ opened: true, record, key: prev.key + 1 })),
    close: () => setState((prev) => ({ ...prev, opened: false })),
  };
}
