import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './support/server-process.js';

describe('the server as a process, on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linedesk-life-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should start on a fresh data folder, print the demo sign-in, serve the app and answer ready', async () => {
    const server = await startServer({ dataDir });
    try {
      expect(server.output()).toContain('admin@demo.linedesk.app');
      expect(server.output()).toContain('linedesk-agent');
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
      const page = await fetch(`${server.url}/users`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const api = await fetch(`${server.url}/api/auth/session`);
      expect(api.status).toBe(401);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
  });

  it('should refuse a second process on the same data folder', async () => {
    const first = await startServer({ dataDir });
    try {
      await expect(startServer({ dataDir })).rejects.toThrow(/Another LineDesk process \(pid \d+\) is using the data folder/);
    } finally {
      await first.stop();
    }
  });

  it('should keep its data across restarts without seeding twice', async () => {
    const server = await startServer({ dataDir });
    try {
      const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: 'admin@demo.linedesk.app', password: 'linedesk-admin' }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
      const users = await fetch(`${server.url}/api/users`, { headers: { cookie } });
      expect((await users.json()).length).toBe(4);
    } finally {
      expect(await server.stop('SIGINT')).toBe(0);
    }
  });
});
