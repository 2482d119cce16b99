/**
 * `Idempotency-Key` on TM Forum creates (POST customer, productOrder …): a client that did not hear
 * the answer (timeout, dropped connection) sends the same request with the same key again and gets
 * the resource the first one made, 201 with the same body, and nothing is created twice.
 *
 *   const scope = idempotencyScopeOf(request);                        // null without an authenticated caller
 *   const key = idempotencyKeyOf(request);                            // the header, checked; null when absent
 *   const id = await db.transaction((tx) =>
 *     createOnce(tx, { scope, key, resourceType: 'customer', body: request.body }, () => createTheThing(tx)));
 *   // id: the new resource's id, or the one the key already made
 *
 * Keys are per caller (an API key or a signed-in user) and per resource type; the same key with a
 * different body is refused (422), as it is a client bug, not a retry. Two requests with one key
 * take turns (a transaction lock on the key), so the second always sees the first's resource.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { tmfIdempotencyKeys } from '../tmf.schema.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{8,120}$/;

/** The caller an idempotency key belongs to: the API key, else the signed-in user; null for neither. */
export function idempotencyScopeOf(request: FastifyRequest): string | null {
  if (request.apiKey) return `api_key:${request.apiKey.id}`;
  const user = request.auth?.session.user;
  return user ? `user:${user.id}` : null;
}

/** The request's caller and `Idempotency-Key`, as a create use case takes them. */
export function idempotencyOf(request: FastifyRequest): { scope: string | null; key: string | null } {
  return { scope: idempotencyScopeOf(request), key: idempotencyKeyOf(request) };
}

/** The request's `Idempotency-Key` (8 to 120 printable characters), or null when it sent none; 400 naming `headers.idempotency-key` when malformed. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !KEY.test(value)) {
    throw AppError.field('VALIDATION_FAILED', `headers.${IDEMPOTENCY_HEADER}`, 'format', 'Send one key of 8 to 120 printable characters, such as a UUID made for this request');
  }
  return value;
}

/** A stable digest of a request body: the same JSON (whatever the key order) gives the same digest. */
export function requestHashOf(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export type IdempotentCreate = {
  /** `idempotencyScopeOf(request)`; with null (no caller) the key is not kept. */
  scope: string | null;
  /** `idempotencyKeyOf(request)`; null creates every time. */
  key: string | null;
  resourceType: string;
  /** The request body as received, to refuse the key's reuse with another request. */
  body: unknown;
};

/**
 * Runs `create` (in `tx`) unless the caller's key already made a resource of this type: then answers
 * that resource's id and `create` is not called. The key is stored in the same transaction as the
 * resource, so both land or neither does.
 */
export async function createOnce(tx: Tx, request: IdempotentCreate, create: () => Promise<string>): Promise<{ id: string; replayed: boolean }> {
  const { scope, key, resourceType } = request;
  if (!scope || !key) return { id: await create(), replayed: false };
  const requestHash = requestHashOf(request.body);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tmf-idempotency:${scope}:${resourceType}:${key}`}, 0))`);
  const [existing] = await tx
    .select({ resourceId: tmfIdempotencyKeys.resourceId, requestHash: tmfIdempotencyKeys.requestHash })
    .from(tmfIdempotencyKeys)
    .where(and(eq(tmfIdempotencyKeys.scope, scope), eq(tmfIdempotencyKeys.resourceType, resourceType), eq(tmfIdempotencyKeys.key, key)));
  if (existing) {
    if (existing.requestHash !== requestHash) {
      throw AppError.field(
        'RULE_VIOLATED',
        `headers.${IDEMPOTENCY_HEADER}`,
        'key_reused',
        'This Idempotency-Key was already used for a different request: send a new key for a new request',
      );
    }
    return { id: existing.resourceId, replayed: true };
  }
  const id = await create();
  await tx.insert(tmfIdempotencyKeys).values({ scope, resourceType, key, resourceId: id, requestHash });
  return { id, replayed: false };
}
