import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { flushSync } from 'react-dom';
import { isApiError } from '../../../lib/api-client';
import type { FieldErrors } from '../../../lib/form-errors';
import { getAt, isBlank, serverErrors, setAt, withoutPath, type Path } from './form-state';

const STORAGE_VERSION = 1;

/** Where the unsaved form of one step of one draft is kept in this tab (sessionStorage). */
export function stepStorageKey(draftId: string, step: string): string {
  return `linedesk.wizard.${draftId}.${step}`;
}

/** The unsaved form kept for a step, if any (without mounting it). */
export function peekStoredStep<T>(key: string): T | null {
  return readStored<T>(key);
}

function readStored<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { v?: number; values?: T };
    return parsed.v === STORAGE_VERSION && parsed.values !== undefined ? parsed.values : null;
  } catch {
    return null;
  }
}

export function clearStoredStep(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Storage may be unavailable (private mode quotas): nothing to clear then.
  }
}

type Options<T> = {
  /** null: nothing of this form is kept (a card number). */
  storageKey: string | null;
  /** The form as the server's draft (or the defaults) has it. */
  initial: () => T;
  /** The client-side rules: the same schemas and checks the server runs. */
  validate: (values: T) => FieldErrors;
  /** What may rest in sessionStorage: secrets (PINs, SSNs, card numbers) are taken out. */
  persistable?: (values: T) => T;
  /** Values restored from storage are merged over the initial ones (keeps secrets and new fields). */
  merge?: (initial: T, stored: T) => T;
};

/**
 * One wizard step's form: values shaped like the API input, the unsaved copy kept in this tab so a
 * reload loses nothing, inline messages (as soon as a filled field is left, everything after a
 * submit), the server's field messages on the same inputs, and focus to the first field in error.
 */
export function useStepForm<T, E extends HTMLElement = HTMLFormElement>({ storageKey, initial, validate, persistable, merge }: Options<T>) {
  const [state, setState] = useState(() => {
    const stored = storageKey ? readStored<T>(storageKey) : null;
    const base = initial();
    return { values: stored ? (merge ? merge(base, stored) : { ...base, ...stored }) : base, restored: stored !== null, dirty: stored !== null };
  });
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [server, setServer] = useState<FieldErrors>({});
  const [unshown, setUnshown] = useState<string[]>([]);
  const formRef = useRef<E>(null);
  const alertId = useId();
  const { values, dirty } = state;

  // Every change is kept in this tab at once; a saved (or discarded) form leaves nothing behind.
  useEffect(() => {
    if (!dirty || !storageKey) return;
    try {
      sessionStorage.setItem(storageKey, JSON.stringify({ v: STORAGE_VERSION, values: persistable ? persistable(values) : values }));
    } catch {
      // A full or blocked storage must not break typing.
    }
  }, [dirty, values, storageKey, persistable]);

  const setValues = useCallback((update: (previous: T) => T) => {
    setState((previous) => ({ ...previous, values: update(previous.values), dirty: true }));
  }, []);

  const setField = useCallback(
    (path: Path, value: unknown) => {
      setValues((previous) => setAt(previous, path, value));
      setServer((previous) => withoutPath(previous, path));
    },
    [setValues],
  );

  /**
   * Sets several fields from the latest values (after an await, the values in scope may be old);
   * `update` returns the changes, or null for none.
   */
  const patch = useCallback(
    (update: (get: (path: Path) => unknown) => Record<Path, unknown> | null) => {
      setState((previous) => {
        const changes = update((path) => getAt(previous.values, path));
        if (!changes) return previous;
        let next = previous.values;
        for (const [path, value] of Object.entries(changes)) next = setAt(next, path, value);
        return { ...previous, values: next, dirty: true };
      });
    },
    [],
  );

  const client = validate(values);
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(client)) {
    if (submitted || (touched.has(key) && !isBlank(getAt(values, key)))) errors[key] = message;
  }
  for (const [key, message] of Object.entries(server)) errors[key] ??= message;

  const blur = (path: Path) => () => {
    if (!touched.has(path)) setTouched((previous) => new Set(previous).add(path));
  };

  /** Props for a text input bound to a string at `path`. */
  const text = (path: Path) => ({
    value: String(getAt(values, path) ?? ''),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setField(path, event.currentTarget.value),
    onBlur: blur(path),
    error: errors[path],
  });

  /** Props for a Mantine Select bound to a string-or-null at `path`. */
  const select = (path: Path) => ({
    value: (getAt(values, path) as string | null | undefined) ?? null,
    onChange: (value: string | null) => setField(path, value),
    onBlur: blur(path),
    error: errors[path],
  });

  /** Puts messages on the inputs, lists those with no input on screen, and moves focus to the first. */
  function showErrors(next: FieldErrors) {
    flushSync(() => {
      setServer(next);
      setSubmitted(true);
      setUnshown([]);
    });
    const form = formRef.current;
    const missing = unshownMessages(form, { ...validate(values), ...next });
    if (missing.length > 0) flushSync(() => setUnshown(missing));
    requestAnimationFrame(() => {
      const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
      const target = field ?? document.getElementById(alertId);
      target?.focus();
      target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
  }

  /** Runs the client rules for a submit: true when the form may be sent. */
  function check(): boolean {
    const problems = validate(values);
    if (Object.keys(problems).length === 0) {
      flushSync(() => {
        setSubmitted(true);
        setUnshown([]);
      });
      return true;
    }
    showErrors({});
    return false;
  }

  /** A refused save: the server's field messages go on the inputs (`strip` turns its field names into form paths). */
  function showServerError(error: unknown, strip?: RegExp) {
    showErrors(isApiError(error) ? serverErrors(error.fields, strip) : {});
  }

  /** The step was saved: nothing unsaved remains in this tab. */
  function markSaved() {
    if (storageKey) clearStoredStep(storageKey);
    setState((previous) => ({ ...previous, dirty: false, restored: false }));
  }

  /** Throws away what was restored from this tab and starts again from the saved draft. */
  function discardRestored() {
    if (storageKey) clearStoredStep(storageKey);
    setState({ values: initial(), restored: false, dirty: false });
    setServer({});
    setSubmitted(false);
  }

  return {
    values,
    setValues,
    setField,
    patch,
    errors,
    /** True once the field at `path` has been left (for hints that would be noise while typing). */
    wasLeft: (path: Path) => touched.has(path),
    text,
    select,
    blur,
    check,
    showErrors,
    showServerError,
    markSaved,
    discardRestored,
    restored: state.restored,
    dirty,
    formRef,
    alertId,
    unshown,
  };
}

export type StepForm<T, E extends HTMLElement = HTMLFormElement> = ReturnType<typeof useStepForm<T, E>>;

/** Where forms show a field's message: under an input (Mantine), or beside a table cell (`data-field-error`). */
const ERROR_DISPLAYS = '.mantine-InputWrapper-error, [data-field-error]';

function unshownMessages(form: HTMLElement | null, errors: FieldErrors): string[] {
  if (!form) return Object.values(errors);
  const shown = [...form.querySelectorAll<HTMLElement>(ERROR_DISPLAYS)]
    .filter((element) => element.getClientRects().length > 0)
    .map((element) => element.textContent ?? '');
  return [...new Set(Object.values(errors).filter((message) => !shown.some((text) => text.includes(message))))];
}
