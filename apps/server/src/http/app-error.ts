import { ERROR_STATUS, type ErrorCode, type TFieldError } from '@linedesk/domain';

/** The one error type use cases throw. Its code decides the HTTP status through `ERROR_STATUS`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: string;
  readonly fields: TFieldError[] | undefined;

  constructor(code: ErrorCode, reason: string, options: { fields?: TFieldError[]; cause?: unknown } = {}) {
    super(reason, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.reason = reason;
    this.fields = options.fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** A rule broken by one field's value, for checks a schema cannot express (uniqueness, state). */
  static field(code: ErrorCode, field: string, rule: string, message: string): AppError {
    return new AppError(code, message, { fields: [{ field, rule, message }] });
  }
}
