import type { z } from 'zod';
import { isApiError } from './api-client';

export type FieldErrors = Record<string, string>;

/**
 * Runs the same zod schema the server uses, so the browser shows the server's own messages
 * before a round trip. Returns the parsed value, or the first message per field.
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const name = issue.path.map(String).join('.') || 'form';
    errors[name] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The field messages of a failed call, keyed like the form's inputs (`email`, not `body.email`). */
export function serverFieldErrors(error: unknown): FieldErrors {
  return isApiError(error) ? error.fieldErrors() : {};
}

/** The sentence to show above a form: the server's `reason`, or a plain fallback. */
export function errorReason(error: unknown): string {
  if (isApiError(error)) return error.reason;
  return 'Something went wrong. Try again.';
}

/**
 * After a refused submit, moves focus (and the view) to the first field marked invalid, so a long
 * form never fails silently below the fold. Runs after the render that shows the messages.
 */
export function focusFirstInvalid(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
    field?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
}
