import { useDebouncedCallback } from '@mantine/hooks';
import { useState, type KeyboardEvent } from 'react';

/** How long typing may pause before the address (and so the search) takes what was typed. */
export const TYPING_PAUSE_MS = 300;

/**
 * A search box whose text the address keeps (`?q=`): what is typed stays in the box, and the
 * address gets it after a pause (or at once on `flush`, as Enter or a scanner ends). When the
 * address changes to anything else (Back, a link), the box follows it; its own change never
 * overwrites what was typed since.
 */
export function useAddressSearchText(q: string, onCommit: (value: string) => void) {
  const [text, setText] = useState(q);
  const [committed, setCommitted] = useState(q);
  const [syncedQ, setSyncedQ] = useState(q);
  if (q !== syncedQ) {
    setSyncedQ(q);
    if (q !== committed && q !== text.trim()) setText(q);
  }
  const commit = useDebouncedCallback((value: string) => {
    setCommitted(value.trim());
    onCommit(value.trim());
  }, TYPING_PAUSE_MS);
  return {
    text,
    change: (value: string) => {
      setText(value);
      commit(value);
    },
    flush: () => commit.flush(),
    /** Empties the box without committing; the caller clears the address. */
    clear: () => {
      commit.cancel();
      setText('');
      setCommitted('');
    },
  };
}

/**
 * Which row of a results list Enter in the search box opens: the first whenever new rows arrive,
 * until the arrow keys pick another. `null` while there is nothing to pick.
 */
export function useResultPicker<T>(rows: readonly T[] | undefined, enabled = true) {
  const [active, setActive] = useState<{ rows: readonly T[] | undefined; index: number }>({ rows: undefined, index: 0 });
  const activeIndex = enabled && rows && rows.length > 0 ? (active.rows === rows ? active.index : 0) : null;
  const activeRow = activeIndex === null ? undefined : rows?.[activeIndex];
  /** ↑ and ↓ move the pick; says whether it handled the key. */
  const onArrowKey = (event: KeyboardEvent<HTMLInputElement>): boolean => {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || !rows || rows.length === 0 || activeIndex === null) return false;
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    setActive({ rows, index: Math.min(rows.length - 1, Math.max(0, activeIndex + step)) });
    return true;
  };
  return { activeIndex, activeRow, onArrowKey };
}

/**
 * The keys of a results list's search box: Enter searches at once when the box holds more than the
 * address does (a scanner, or a fast typist, ends with Enter), and the next Enter opens the picked row
 * (not a stale one still showing); ↑ and ↓ pick.
 */
export function handleSearchBoxKey<T>(
  event: KeyboardEvent<HTMLInputElement>,
  box: { committed: string; flush: () => void; activeRow: T | undefined; stale: boolean; open: (row: T) => void; onArrowKey: (event: KeyboardEvent<HTMLInputElement>) => boolean },
): void {
  if (event.key === 'Enter') {
    event.preventDefault();
    if (event.currentTarget.value.trim() !== box.committed) return box.flush();
    if (box.activeRow && !box.stale) box.open(box.activeRow);
    return;
  }
  box.onArrowKey(event);
}
