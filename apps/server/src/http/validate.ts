import type { TFieldError } from '@linedesk/domain';
import type { z } from 'zod';
import { AppError } from './app-error.js';
import { namedRule } from './error-handler.js';

/** A rule's stable name: the one a schema gave (`params.rule`), else zod's issue code. */
function ruleOf(issue: z.core.$ZodIssue): string {
  return namedRule((issue as { params?: unknown }).params) ?? issue.code;
}

/**
 * Parses with a schema that needs context a route schema cannot have (settings, the draft's other
 * steps, today's date), failing like route validation does: every field named under `prefix`.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = 'body'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw fieldsError(parsed.error.issues.map((issue) => ({ path: issue.path as (string | number)[], rule: ruleOf(issue), message: issue.message })), prefix);
}

/** One VALIDATION_FAILED error from problems found at paths under `prefix`. */
export function fieldsError(issues: { path: readonly (string | number | symbol)[]; rule: string; message: string }[], prefix = 'body'): AppError {
  const fields: TFieldError[] = issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join('.'),
    rule: issue.rule,
    message: issue.message,
  }));
  const names = [...new Set(fields.map((f) => f.field))].join(', ');
  return new AppError('VALIDATION_FAILED', `Check these fields: ${names}`, { fields });
}
