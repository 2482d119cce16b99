import { ROLES, type Role, type TSessionInfo } from '@linedesk/domain';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../db/client.js';
import type { AuditContext } from '../modules/audit/record-audit.js';
import { findSessionUser } from '../modules/auth/use-cases/find-session-user.js';
import { hashSessionToken, SESSION_COOKIE } from '../modules/auth/session-token.js';
import { createApiKeyAuthenticator, presentedApiKey, presentsForeignBearer, type ApiKeyAuth } from './api-key-auth.js';
import { isApiPath } from './api-paths.js';
import { AppError } from './app-error.js';
import { createLookupCache } from './lookup-cache.js';

/** Who may call a route: anyone (sign-in, health), or a session or API key with one of these roles. */
export type RouteAccess = 'public' | readonly Role[];
export const PUBLIC: RouteAccess = 'public';
export const ANY_ROLE: RouteAccess = ROLES;
export const ADMIN_ONLY: RouteAccess = ['admin'];
/** Who signs customers up and works their orders. */
export const SELLERS: RouteAccess = ['admin', 'agent'];

export type RequestAuth = { session: TSessionInfo; tokenHash: string };
export type RegisteredRoute = { method: string; url: string; access: RouteAccess };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** A successful call may end sessions or API keys (sign-out, password change, user change, key revocation). */
    endsSessions?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in session, when the request came with the session cookie. */
    auth: RequestAuth | null;
    /** The integrator's API key, when the request came with `Authorization: Bearer ldk_…` (then `auth` is null). */
    apiKey: ApiKeyAuth | null;
  }
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

/**
 * Every route under /api and /tmf-api must say who may call it, or the server refuses to start. The list of
 * registered routes is kept so a test can try each one with each role.
 */
export function registerAccessControl(app: FastifyInstance, db: Db): void {
  app.decorate('registeredRoutes', [] as RegisteredRoute[]);
  const sessions = createLookupCache<TSessionInfo | null>(SESSION_CACHE_TTL_MS, (session) => (session ? Date.parse(session.expiresAt) : null));
  const apiKeys = createApiKeyAuthenticator(db, SESSION_CACHE_TTL_MS);
  app.decorateRequest('auth', null);
  app.decorateRequest('apiKey', null);

  // Checked once every plugin has registered, since a plugin scope may fill in access for routes it adds.
  const apiRoutes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    if (isApiPath(route.url)) apiRoutes.push(route);
  });
  app.addHook('onReady', async () => {
    for (const route of apiRoutes) {
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
      for (const method of [route.method].flat()) app.registeredRoutes.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    // A request with an API key is the key's, whatever cookie it also carries; a bad key is refused
    // outright, even on a public route, so an integrator learns at once that the key is wrong.
    const key = presentedApiKey(request);
    if (key) {
      try {
        request.apiKey = await apiKeys.authenticate(key);
      } catch (error) {
        reply.header('www-authenticate', 'Bearer realm="LineDesk", error="invalid_token"');
        throw error;
      }
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const tokenHash = hashSessionToken(token);
        const session = await sessions.read(tokenHash, () => findSessionUser({ db, tokenHash }));
        request.auth = session ? { session, tokenHash } : null;
      }
    }
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    if (request.apiKey) {
      if (!access.includes(request.apiKey.role)) {
        throw new AppError('FORBIDDEN', `This API key's role (${request.apiKey.role}) may not do this`);
      }
      return;
    }
    if (!request.auth) {
      if (presentsForeignBearer(request)) {
        reply.header('www-authenticate', 'Bearer realm="LineDesk", error="invalid_token"');
        throw new AppError('UNAUTHENTICATED', 'The Bearer token is not a LineDesk API key (ldk_<prefix>_<secret>)');
      }
      throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    }
    if (!access.includes(request.auth.session.user.role)) {
      throw new AppError('FORBIDDEN', `Your role (${request.auth.session.user.role}) may not do this`);
    }
  });

  // Signing out, a password change, any change to a user and revoking an API key end sessions or
  // keys: forget every cached one before that answer leaves, so this process never serves a request
  // on an ended session or a revoked key.
  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.endsSessions && reply.statusCode < 400) {
      sessions.clear();
      apiKeys.clear();
    }
  });
}

/**
 * How long a looked-up session or API key is trusted without asking the database again. Another
 * process sharing a PostgreSQL database sees a sign-out, deactivation or revocation within this time.
 */
const SESSION_CACHE_TTL_MS = 3000;

/**
 * The signed-in session, for what only a person does (their drafts, their password, signing out).
 * An API key has no user behind it: such a route refuses it, saying so.
 */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (request.auth) return request.auth;
  if (request.apiKey) throw new AppError('FORBIDDEN', 'Only a signed-in user can do this: an API key has no user behind it');
  throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
}

/** The caller's role: the signed-in user's, or the API key's. */
export function roleOf(request: FastifyRequest): Role | null {
  return request.auth?.session.user.role ?? request.apiKey?.role ?? null;
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  const requestId = String(request.id);
  if (request.apiKey) return { actorUserId: null, actorLabel: `API key ${request.apiKey.name}`, requestId };
  const user = request.auth?.session.user;
  return { actorUserId: user?.id ?? null, actorLabel: user?.email ?? 'anonymous', requestId };
}
