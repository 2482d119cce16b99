import { useEffect, useRef, type RefObject } from 'react';

/** Where focus may go: an element id, or a ref to the element. */
export type FocusTarget = string | RefObject<HTMLElement | null>;

/**
 * Puts focus back on purpose after an action re-renders the element that had it away (a Remove
 * button whose row is gone, an Add button that disables itself, a Clear that turns into Undo), so
 * keyboard and screen-reader users keep their place instead of landing on the page's top.
 *
 * Returns `focusAfterRender(candidates)`: after the next render, the first candidate that is in the
 * document and not disabled gets focus (best first: e.g. the next row's button, the previous row's,
 * then the list's Add button).
 */
export function useFocusAfterRender(): (candidates: readonly (FocusTarget | null | undefined)[]) => void {
  const pending = useRef<readonly (FocusTarget | null | undefined)[] | null>(null);

  // No dependencies on purpose: it runs after every render and acts only when something is pending.
  useEffect(() => {
    const candidates = pending.current;
    if (!candidates) return;
    pending.current = null;
    const target = candidates
      .map((candidate) => (candidate == null ? null : typeof candidate === 'string' ? document.getElementById(candidate) : candidate.current))
      .find((element): element is HTMLElement => element != null && element.isConnected && !isDisabled(element));
    target?.focus();
  });

  return (candidates) => {
    pending.current = candidates;
  };
}

/** The ids of the items either side of `index` in a list (after first, then before), for after a Remove. */
export function neighbourIds<T>(items: readonly T[], index: number, idOf: (item: T) => string): string[] {
  return [items[index + 1], items[index - 1]].filter((item): item is T => item !== undefined).map(idOf);
}

function isDisabled(element: HTMLElement): boolean {
  return (element as HTMLButtonElement).disabled === true || element.getAttribute('aria-disabled') === 'true';
}
