import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { z } from 'zod';
import {
  fetchFreshRecord,
  isConflict,
  useSaveCatalogRecord,
  type CatalogEntity,
  type CatalogInput,
  type CatalogView,
} from '../../../hooks/api/catalog';
import { CATALOG_NOUNS, capitalize } from '../../../lib/catalog-records';
import { focusFirstInvalid, serverFieldErrors, validateWith, type FieldErrors } from '../../../lib/form-errors';

/**
 * What holds a form (a drawer, an editor page) and can start it again from a fresh copy of its
 * record: after a save refused because someone else saved first, the form is reloaded, not left
 * to overwrite their change.
 */
export type FormHost<E extends CatalogEntity> = {
  /** True when this form is the reload after such a conflict: it says so above its fields. */
  reloaded: boolean;
  /** Starts the form again from this copy of the record. */
  reload: (fresh: CatalogView<E>) => void;
};

/** An error whose field has no input on screen (hidden, filtered out, or none at all). */
export type UnshownError = { field: string; message: string };

/**
 * What every catalog form does on submit: check the payload with the same zod schema the server
 * uses (plus the form's own parse errors, such as an unreadable dollar amount), save, toast, and
 * put the server's field messages back on the inputs. A replace is sent with the `updatedAt` of
 * the copy the form started from; if that is no longer current the form is reloaded.
 */
export function useCatalogForm<E extends CatalogEntity>(
  entity: E,
  record: { id: string; updatedAt: string } | null,
  onSaved: (saved: CatalogView<E>) => void,
  host: FormHost<E> | null = null,
) {
  const queryClient = useQueryClient();
  const save = useSaveCatalogRecord(entity);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [unshown, setUnshown] = useState<UnshownError[]>([]);
  const alertId = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const noun = CATALOG_NOUNS[entity].one;
  const reloaded = host?.reloaded ?? false;

  // A reloaded form announces why it changed under the person's hands, and starts from there.
  useEffect(() => {
    if (reloaded) noticeRef.current?.focus();
  }, [reloaded]);

  /**
   * Puts the messages on the inputs; those with no input on screen are listed in the form's alert
   * (never dropped silently). Focus goes to the first invalid input, or to that alert.
   */
  function showErrors(formElement: HTMLFormElement, next: FieldErrors) {
    flushSync(() => {
      setErrors(next);
      setUnshown([]);
    });
    const missing = unshownErrors(formElement, next);
    if (missing.length === 0) {
      focusFirstInvalid(formElement);
      return;
    }
    flushSync(() => setUnshown(missing));
    const alert = document.getElementById(alertId);
    alert?.focus();
    alert?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  /** `formElement` is the submit event's form: where focus goes when something needs fixing. */
  function submit(formElement: HTMLFormElement, schema: z.ZodType, payload: unknown, parseErrors: FieldErrors = {}) {
    save.reset();
    const parsed = validateWith(schema, payload);
    if (!parsed.ok || Object.keys(parseErrors).length > 0) {
      showErrors(formElement, withListErrors({ ...(parsed.ok ? {} : parsed.errors), ...parseErrors }));
      return;
    }
    setErrors({});
    setUnshown([]);
    const input = parsed.data as CatalogInput<E>;
    save.mutate(record ? { id: record.id, updatedAt: record.updatedAt, input } : { id: null, input }, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'green',
          title: `${capitalize(noun)} ${record ? 'saved' : 'created'}`,
          message: record ? `Changes to ${saved.name} are saved.` : `${saved.name} is now in the catalog.`,
        });
        onSaved(saved);
      },
      onError: (error) => {
        if (isConflict(error) && record && host) {
          // If the fresh copy cannot be read either, the refusal's own reason stays in the alert.
          fetchFreshRecord(queryClient, entity, record.id).then(host.reload, () => undefined);
          return;
        }
        showErrors(formElement, withListErrors(serverFieldErrors(error)));
      },
    });
  }

  return {
    save,
    errors,
    submit,
    submitLabel: record ? 'Save changes' : `Create ${noun}`,
    /** For `CatalogFormAlert`: what to say above the fields. */
    alert: { alertId, unshown, reloaded, noticeRef, error: save.error },
  };
}

export type CatalogFormAlertState = ReturnType<typeof useCatalogForm>['alert'];

/**
 * An error on one item of a top-level list held by a single input (`lineTypeCodes.1`,
 * `orderTypes.0`, `salesPersonUserIds.2`) is also put on the list itself, where that input shows it.
 */
function withListErrors(errors: FieldErrors): FieldErrors {
  const result = { ...errors };
  for (const [field, message] of Object.entries(errors)) {
    const list = /^([A-Za-z]+)\.\d+$/.exec(field)?.[1];
    if (list) result[list] ??= message;
  }
  return result;
}

/**
 * Where a form shows a field's message: under its input (Mantine's error element), in a list's
 * alert, or in a row of a table editor (`data-field-error`).
 */
const ERROR_DISPLAYS = '.mantine-InputWrapper-error, [data-field-error], [role="alert"]';

/** The errors whose message is not on screen in the form after the render that shows them. */
function unshownErrors(formElement: HTMLFormElement, errors: FieldErrors): UnshownError[] {
  const shown = [...formElement.querySelectorAll<HTMLElement>(ERROR_DISPLAYS)]
    .filter((element) => element.getClientRects().length > 0)
    .map((element) => element.textContent ?? '');
  const result: UnshownError[] = [];
  for (const [field, message] of Object.entries(errors)) {
    if (shown.some((text) => text.includes(message))) continue;
    if (result.some((other) => other.message === message)) continue;
    result.push({ field, message });
  }
  return result;
}
