import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.js';
import { sendError } from './error-handler.js';

/**
 * Serves the built web app on the same port as the API. Unknown non-API paths get index.html so
 * the browser's router can take them; unknown API paths get the JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(path.join(distDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    setHeaders: (reply, filePath) => {
      const isHashedAsset = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const isApi = pathname.startsWith('/api/') || pathname === '/api';
    if (request.method !== 'GET' || isApi || path.extname(pathname)) {
      return sendError(reply, request, new AppError('NOT_FOUND', `No route ${request.method} ${pathname}`));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
