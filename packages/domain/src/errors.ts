import { z } from 'zod';

/**
 * Stable error codes. Clients branch on these, never on the text; the table below is the only
 * place a code meets an HTTP status, so a new code cannot ship without one.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  ORIGIN_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** One failing field: where it is (`body.email`, `query.limit`), which rule it broke, and why. */
export const ZFieldError = z.object({
  field: z.string(),
  rule: z.string(),
  message: z.string(),
});
export type TFieldError = z.infer<typeof ZFieldError>;

/**
 * Every error leaves the server in this one shape: TM Forum's `Error` (code, reason, message,
 * status as a string) with the failing fields and the request id as extensions.
 */
export const ZApiError = z.object({
  '@type': z.literal('Error'),
  code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
  reason: z.string(),
  message: z.string().optional(),
  status: z.string(),
  fields: z.array(ZFieldError).optional(),
  requestId: z.string().optional(),
});
export type TApiError = z.infer<typeof ZApiError>;
