import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { presentedApiKey } from './api-key-auth.js';
import { SESSION_COOKIE } from '../modules/auth/session-token.js';
import { isApiPath, isTmfApiPath } from './api-paths.js';
import { AppError } from './app-error.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Authenticated by a signature over its body (a carrier's callback), never by the session cookie: no Origin to check. */
    signedBody?: boolean;
  }
}

/** Security headers, the Origin check that stops cross-site form posts, and rate limiting (per route). */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The camera's barcode reader is WebAssembly (served from here); compiling it needs this, and only this.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        // Mantine writes its theme variables into a <style> element and style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.cookieSecure === true,
  });

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} seconds`),
  });

  app.addHook('onRequest', async (request) => {
    if (!MUTATING.has(request.method) || !isApiPath(request.url)) return;
    if (request.routeOptions.config.signedBody) return;
    // Authenticated by its API key alone, never by the cookie: a cross-site form cannot carry one.
    if (presentedApiKey(request)) return;
    // A TM Forum client sends no cookie: without the session cookie nothing rides along a cross-site
    // request, so it is left to the access check (401 without a key) rather than refused for its Origin.
    if (isTmfApiPath(request.url) && !request.cookies[SESSION_COOKIE]) return;
    const origin = requestOrigin(request);
    if (!origin) throw new AppError('ORIGIN_REJECTED', 'A change must come with an Origin header from this site');
    if (origin !== ownOrigin(request) && !config.allowedOrigins.includes(origin)) {
      throw new AppError('ORIGIN_REJECTED', `Requests from ${origin} are not allowed to change data here`);
    }
  });
}

function requestOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin && origin !== 'null') return origin;
  const referer = request.headers.referer;
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
