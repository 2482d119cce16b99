import type { ZodType } from 'zod';
import type { FieldErrors } from '../../../lib/form-errors';

/**
 * Form values are plain objects shaped like the API's input, so a field's path ("contacts.0.email",
 * "serviceAddress.zip") is the same in the form, in the client-side check and in the server's
 * error (`body.contacts.0.email`): one key finds the input to mark and to focus.
 */
export type Path = string;

export function getAt(value: unknown, path: Path): unknown {
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** A copy of `value` with `path` set; arrays stay arrays. */
export function setAt<T>(value: T, path: Path, next: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return value;
  const container = (value ?? {}) as Record<string, unknown> | unknown[];
  const child = rest.length === 0 ? next : setAt((container as Record<string, unknown>)[head], rest.join('.'), next);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[Number(head)] = child;
    return copy as T;
  }
  return { ...container, [head]: child } as T;
}

/** True when a field holds nothing yet: a required-field message waits for a submit, not a Tab through. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** zod issues as `path -> first message`, with the paths prefixed when the schema checks a part of the form. */
export function zodErrors(schema: ZodType, value: unknown, prefix = ''): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const name = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'form';
    errors[name] ??= issue.message;
  }
  return errors;
}

/**
 * Server field errors keyed like the form (`body.options.notes` -> `options.notes`), first message
 * per field.
 */
export function serverErrors(fields: readonly { field: string; message: string }[], strip: RegExp = /^(body|query|params)\./): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of fields) errors[field.replace(strip, '') || 'form'] ??= message;
  return errors;
}

/** Drops the messages at `path` and below it (the field was just edited). */
export function withoutPath(errors: FieldErrors, path: Path): FieldErrors {
  const prefix = `${path}.`;
  let changed = false;
  const next: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key === path || key.startsWith(prefix)) changed = true;
    else next[key] = message;
  }
  return changed ? next : errors;
}
