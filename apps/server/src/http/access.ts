import { ROLES, type Role, type TSessionInfo } from '@linedesk/domain';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../db/client.js';
import type { AuditContext } from '../modules/audit/record-audit.js';
import { findSessionUser } from '../modules/auth/use-cases/find-session-user.js';
import { hashSessionToken, SESSION_COOKIE } from '../modules/auth/session-token.js';
import { AppError } from './app-error.js';

/** Who may call a route: anyone (sign-in, health), or a session whose user has one of these roles. */
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
    /** A successful call may end sessions (sign-out, password change, user change). */
    endsSessions?: boolean;
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

/**
 * Every route under /api must say who may call it, or the server refuses to start. The list of
 * registered routes is kept so a test can try each one with each role.
 */
export function registerAccessControl(app: FastifyInstance, db: Db): void {
  app.decorate('registeredRoutes', [] as RegisteredRoute[]);
  const sessions = createSessionCache(SESSION_CACHE_TTL_MS);
  app.decorateRequest('auth', null);

  // Checked once every plugin has registered, since a plugin scope may fill in access for routes it adds.
  const apiRoutes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/')) apiRoutes.push(route);
  });
  app.addHook('onReady', async () => {
    for (const route of apiRoutes) {
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
      for (const method of [route.method].flat()) app.registeredRoutes.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const tokenHash = hashSessionToken(token);
      const session = await sessions.read(tokenHash, () => findSessionUser({ db, tokenHash }));
      request.auth = session ? { session, tokenHash } : null;
    }
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    if (!request.auth) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    if (!access.includes(request.auth.session.user.role)) {
      throw new AppError('FORBIDDEN', `Your role (${request.auth.session.user.role}) may not do this`);
    }
  });

  // Signing out, a password change and any change to a user end sessions: forget every cached one
  // before that answer leaves, so this process never serves a request on an ended session.
  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.endsSessions && reply.statusCode < 400) sessions.clear();
  });
}

/**
 * How long a looked-up session is trusted without asking the database again. Every request needs
 * its session, and on the embedded database that lookup was most of a request's cost. Another
 * process sharing a PostgreSQL database sees a sign-out or deactivation within this time.
 */
const SESSION_CACHE_TTL_MS = 3000;

function createSessionCache(ttlMs: number) {
  let entries = new Map<string, { session: TSessionInfo | null; until: number }>();
  return {
    read: async (tokenHash: string, load: () => Promise<TSessionInfo | null>): Promise<TSessionInfo | null> => {
      const now = Date.now();
      const hit = entries.get(tokenHash);
      if (hit && hit.until > now) return hit.session;
      // A lookup that began before a clear() may have read a session that has since ended: it
      // answers its own request but is not kept.
      const generation = entries;
      const session = await load();
      if (generation !== entries) return session;
      if (entries.size > 10_000) entries = new Map();
      const until = Math.min(now + ttlMs, session ? Date.parse(session.expiresAt) : now + ttlMs);
      entries.set(tokenHash, { session, until });
      return session;
    },
    clear: () => {
      entries = new Map();
    },
  };
}

/** The signed-in session of a route that is not public; the access hook has already refused anonymous calls. */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return request.auth;
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  const user = request.auth?.session.user;
  return { actorUserId: user?.id ?? null, actorLabel: user?.email ?? 'anonymous', requestId: String(request.id) };
}
