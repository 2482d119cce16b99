import { ERROR_STATUS, type ErrorCode, type TApiError, type TFieldError } from '@linedesk/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { isApiPath, isTmfApiPath, pathnameOf } from './api-paths.js';
import { AppError } from './app-error.js';

/** Serialises any thrown value to the one error shape. Internals of unexpected errors never leave the server. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error as FastifyError);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, fields: appError.fields }, appError.reason);
    return sendError(reply, request, appError);
  });
}

/**
 * What the router refuses before any route runs: a path that is not valid URL encoding (400), or a
 * path segment longer than any id here (an unknown resource, 404). Both in the one error shape.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const pathname = request.url.split('?')[0] ?? '/';
  const appError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('NOT_FOUND', 'No such resource: a path segment is longer than any id')
      : new AppError('VALIDATION_FAILED', `The path ${pathname.slice(0, 200)} is not valid URL encoding`);
  return sendError(reply, request, appError);
}

/**
 * Unknown paths: with the web app served, a page path gets index.html so the browser's router can
 * take it; API paths (/api and /tmf-api), files and other methods get the JSON 404.
 */
export function registerNotFound(app: FastifyInstance, options: { webAppFallback: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    const pathname = pathnameOf(request.url);
    const isApi = isApiPath(pathname);
    const isPage = request.method === 'GET' && !isApi && !/\.[a-z0-9]+$/i.test(pathname);
    if (options.webAppFallback && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendError(reply, request, new AppError('NOT_FOUND', `No route ${request.method} ${pathname}`));
  });
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const body: TApiError = {
    '@type': 'Error',
    code: error.code,
    reason: error.reason,
    // TM Forum's Error carries a `message` too: under /tmf-api, what is wrong with each field, else the reason.
    ...(isTmfApiPath(request.url) ? { message: errorMessage(error) } : {}),
    status: String(error.status),
    ...(error.fields ? { fields: error.fields } : {}),
    requestId: String(request.id),
  };
  return reply.status(error.status).type('application/json; charset=utf-8').send(body);
}

function errorMessage(error: AppError): string {
  if (!error.fields || error.fields.length === 0) return error.reason;
  return error.fields.map((field) => `${field.field}: ${field.message}`).join('; ');
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((issue): TFieldError => ({
      field: fieldPath(error.validationContext ?? 'body', issue.instancePath),
      rule: namedRule((issue.params as { params?: unknown } | undefined)?.params) ?? issue.keyword,
      message: issue.message ?? 'Invalid value',
    }));
    return validationFailed(fields);
  }
  if (error instanceof ZodError) {
    return validationFailed(
      error.issues.map((issue) => ({
        field: issue.path.join('.') || 'value',
        rule: namedRule((issue as { params?: unknown }).params) ?? issue.code,
        message: issue.message,
      })),
    );
  }
  if (isResponseSerializationError(error)) return new AppError('INTERNAL', 'The server produced an invalid response');
  const bodyProblem = BODY_PROBLEMS[error.code ?? ''];
  if (bodyProblem) return AppError.field('VALIDATION_FAILED', 'body', bodyProblem.rule, bodyProblem.message);
  const byFastifyCode = FASTIFY_CODES[error.code ?? ''];
  if (byFastifyCode) return new AppError(byFastifyCode, error.message);
  if (isUniqueViolation(error)) return new AppError('CONFLICT', 'A record with the same unique value already exists');
  if (postgresCode(error) === '22021' || postgresCode(error) === '22P05') {
    return new AppError('VALIDATION_FAILED', 'Text cannot contain NUL (\\u0000) or other characters the database cannot store');
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(codeForStatus(error.statusCode), error.message);
  }
  return new AppError('INTERNAL', 'Something went wrong on the server; the request id identifies it in the logs');
}

/** The stable rule name a schema gave its check (`params: { rule }`), when it gave one. */
export function namedRule(params: unknown): string | undefined {
  const rule = (params as { rule?: unknown } | undefined)?.rule;
  return typeof rule === 'string' ? rule : undefined;
}

function validationFailed(fields: TFieldError[]): AppError {
  const names = [...new Set(fields.map((field) => field.field))].join(', ');
  return new AppError('VALIDATION_FAILED', `Check these fields: ${names}`, { fields });
}

function fieldPath(context: string, instancePath: string): string {
  const inner = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const where = context === 'querystring' ? 'query' : context;
  return inner ? `${where}.${inner}` : where;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/** A JSON body (application/json or application/merge-patch+json) that cannot be read: named as `body`. */
const BODY_PROBLEMS: Record<string, { rule: string; message: string }> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: { rule: 'required', message: 'The body is empty: send a JSON object' },
  FST_ERR_CTP_INVALID_JSON_BODY: { rule: 'json', message: 'The body is not valid JSON' },
};

function codeForStatus(status: number): ErrorCode {
  const match = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, value]) => value === status);
  return match ? match[0] : 'VALIDATION_FAILED';
}

/** The SQLSTATE of a database error, whichever driver raised it (Drizzle wraps it as `cause`). */
function postgresCode(error: unknown): unknown {
  const candidate = error as { code?: unknown; cause?: { code?: unknown } };
  return candidate.cause?.code ?? candidate.code;
}

function isUniqueViolation(error: unknown): boolean {
  return postgresCode(error) === '23505';
}
