import { TMF_PREFIX } from '../modules/tmf/kernel/tmf-context.js';

/** The path of a URL, without its query. */
export function pathnameOf(url: string): string {
  return url.split('?')[0] ?? '/';
}

/** Under /tmf-api: the TM Forum Open APIs. */
export function isTmfApiPath(url: string): boolean {
  const pathname = pathnameOf(url);
  return pathname === TMF_PREFIX || pathname.startsWith(`${TMF_PREFIX}/`);
}

/**
 * Under /api (the app's own API) or /tmf-api (the TM Forum face): routes that must declare who may
 * call them, changes the Origin check guards, and paths that answer a JSON 404 rather than the web app.
 */
export function isApiPath(url: string): boolean {
  const pathname = pathnameOf(url);
  return pathname === '/api' || pathname.startsWith('/api/') || isTmfApiPath(pathname);
}
