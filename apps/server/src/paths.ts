import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The same code runs from src/ (tsx, tests) and bundled into dist/ (production), so paths are found
// from the package root rather than from this file's depth.
function findServerRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@linedesk/server') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the @linedesk/server package root');
    dir = parent;
  }
}

export const SERVER_ROOT = findServerRoot();
export const MIGRATIONS_DIR = path.join(SERVER_ROOT, 'drizzle');
export const DEFAULT_WEB_DIST_DIR = path.resolve(SERVER_ROOT, '../web/dist');
/** The demo carriers' accounts at the carrier gateway simulator (credential, webhook secret): one file for both. */
export const DEMO_CARRIER_ACCOUNTS_FILE = path.resolve(SERVER_ROOT, '../carrier-sim/demo-accounts.json');
