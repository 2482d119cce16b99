import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../../db/client.js';

/** Where the TM Forum Open APIs live: `/tmf-api/<apiName>/v4/<resource>`. */
export const TMF_PREFIX = '/tmf-api';

/**
 * What a renderer needs to build a TMF representation: the database to read through use cases,
 * and the base URL every absolute `href` starts with (`http://127.0.0.1:3000`, no trailing slash).
 * The API routes and the event delivery use the same renderers with this context, so both say the same thing.
 */
export type TmfRenderContext = { db: DbOrTx; baseUrl: string };

/** The base URL the caller reached this server at: its protocol and host (with port), as Fastify sees them behind `trustProxy`. */
export function tmfBaseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Whether a path (with or without query) is under `/tmf-api`. */
export function isTmfPath(url: string): boolean {
  return url === TMF_PREFIX || url.startsWith(`${TMF_PREFIX}/`) || url.startsWith(`${TMF_PREFIX}?`);
}

/**
 * A resource's absolute href: `tmfHref('http://h', 'customerManagement/v4/customer', id)` is
 * `http://h/tmf-api/customerManagement/v4/customer/<id>`. The id is URL-encoded (uuids pass unchanged).
 */
export function tmfHref(baseUrl: string, resourcePath: string, id: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const path = resourcePath.replace(/^\/+|\/+$/g, '');
  return `${base}${TMF_PREFIX}/${path}/${encodeURIComponent(id)}`;
}
