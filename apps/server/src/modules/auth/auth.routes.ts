import { ZChangePasswordInput, ZSessionInfo, ZSignInInput } from '@linedesk/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ANY_ROLE, auditContextOf, PUBLIC, requireAuth } from '../../http/access.js';
import { typed, type App, type AppContext } from '../../http/app-context.js';
import { SESSION_COOKIE } from './session-token.js';
import { changePassword } from './use-cases/change-password.js';
import { signIn } from './use-cases/sign-in.js';
import { signOut } from './use-cases/sign-out.js';

export function registerAuthRoutes(app: App, { database, config }: AppContext): void {
  const { db } = database;
  const tags = ['Sign-in'];

  typed(app).post(
    '/api/auth/sign-in',
    {
      config: {
        access: PUBLIC,
        rateLimit: {
          max: config.signInRateLimitPerMinute,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) => `${request.ip}|${emailOf(request.body)}`,
        },
      },
      schema: { tags, summary: 'Sign in with email and password', body: ZSignInInput, response: { 200: ZSessionInfo } },
    },
    async (request, reply) => {
      const result = await signIn({
        db,
        input: request.body,
        ttlHours: config.sessionTtlHours,
        client: { ipAddress: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: String(request.id) },
      });
      setSessionCookie(reply, request, result.token, new Date(result.session.expiresAt), config.cookieSecure);
      return result.session;
    },
  );

  typed(app).post(
    '/api/auth/sign-out',
    { config: { access: ANY_ROLE, endsSessions: true }, schema: { tags, summary: 'Sign out this browser', response: { 204: z.null() } } },
    async (request, reply) => {
      const auth = requireAuth(request);
      await signOut({ db, audit: auditContextOf(request), tokenHash: auth.tokenHash, userId: auth.session.user.id });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  typed(app).get(
    '/api/auth/session',
    { config: { access: ANY_ROLE }, schema: { tags, summary: 'The signed-in user', response: { 200: ZSessionInfo } } },
    async (request) => requireAuth(request).session,
  );

  typed(app).post(
    '/api/auth/password',
    {
      // Guessing the current password from a stolen session is throttled like sign-in.
      config: {
        access: ANY_ROLE,
        endsSessions: true,
        rateLimit: {
          max: config.signInRateLimitPerMinute,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) => `password|${request.auth?.session.user.id ?? request.ip}`,
        },
      },
      schema: { tags, summary: 'Change your own password', body: ZChangePasswordInput, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await changePassword({
        db,
        audit: auditContextOf(request),
        userId: auth.session.user.id,
        currentTokenHash: auth.tokenHash,
        input: request.body,
      });
      return reply.status(204).send(null);
    },
  );
}

function emailOf(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  expires: Date,
  cookieSecure: boolean | 'auto',
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure === 'auto' ? request.protocol === 'https' : cookieSecure,
    expires,
  });
}
