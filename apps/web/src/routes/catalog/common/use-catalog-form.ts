import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { z } from 'zod';
import { useSaveCatalogRecord, type CatalogEntity, type CatalogInput, type CatalogView } from '../../../hooks/api/catalog';
import { CATALOG_NOUNS, capitalize } from '../../../lib/catalog-records';
import { focusFirstInvalid, serverFieldErrors, validateWith, type FieldErrors } from '../../../lib/form-errors';

/**
 * What every catalog form does on submit: check the payload with the same zod schema the server
 * uses (plus the form's own parse errors, such as an unreadable dollar amount), save, toast, and
 * put the server's field messages back on the inputs.
 */
export function useCatalogForm<E extends CatalogEntity>(
  entity: E,
  record: { id: string } | null,
  onSaved: (saved: CatalogView<E>) => void,
) {
  const save = useSaveCatalogRecord(entity);
  const [errors, setErrors] = useState<FieldErrors>({});
  const noun = CATALOG_NOUNS[entity].one;

  /** `formElement` is the submit event's form: where focus goes when something needs fixing. */
  function submit(formElement: HTMLFormElement, schema: z.ZodType, payload: unknown, parseErrors: FieldErrors = {}) {
    save.reset();
    const parsed = validateWith(schema, payload);
    if (!parsed.ok || Object.keys(parseErrors).length > 0) {
      setErrors(withListErrors({ ...(parsed.ok ? {} : parsed.errors), ...parseErrors }));
      focusFirstInvalid(formElement);
      return;
    }
    setErrors({});
    save.mutate(
      { id: record?.id ?? null, input: parsed.data as CatalogInput<E> },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            title: `${capitalize(noun)} ${record ? 'saved' : 'created'}`,
            message: record ? `Changes to ${saved.name} are saved.` : `${saved.name} is now in the catalog.`,
          });
          onSaved(saved);
        },
        onError: (error) => {
          setErrors(withListErrors(serverFieldErrors(error)));
          focusFirstInvalid(formElement);
        },
      },
    );
  }

  return { save, errors, submit, submitLabel: record ? 'Save changes' : `Create ${noun}` };
}

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
