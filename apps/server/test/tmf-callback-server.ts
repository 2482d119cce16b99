import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** An event a callback took (answered 2xx): its headers and parsed JSON body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any field of the envelope
export type ReceivedEvent = { path: string; headers: IncomingHttpHeaders; body: any };

export type CallbackServer = {
  /** The absolute URL of a path on this server, for a hub's callback. */
  url(path: string): string;
  /** Events a path took, in arrival order. */
  received(path: string): ReceivedEvent[];
  /** Every POST a path got, taken or not. */
  attempts(path: string): number;
  /** The path answers 500 to its next `count` POSTs. */
  failNext(path: string, count: number): void;
  /** Waits until a path took at least `count` events (or fails after `timeoutMs`). */
  waitFor(path: string, count: number, timeoutMs?: number): Promise<ReceivedEvent[]>;
  close(): Promise<void>;
};

/**
 * A real HTTP listener for TMF hub callbacks (node:http on a free port of 127.0.0.1), as an integrator
 * would run one: it records what each path receives and answers 201, or 500 when told to fail.
 */
export async function startCallbackServer(): Promise<CallbackServer> {
  const taken = new Map<string, ReceivedEvent[]>();
  const tries = new Map<string, number>();
  const failures = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0]!;
      tries.set(path, (tries.get(path) ?? 0) + 1);
      const failing = failures.get(path) ?? 0;
      if (request.method !== 'POST') {
        response.writeHead(405).end();
        return;
      }
      if (failing > 0) {
        failures.set(path, failing - 1);
        response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"listener down"}');
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        response.writeHead(400).end();
        return;
      }
      taken.set(path, [...(taken.get(path) ?? []), { path, headers: request.headers, body }]);
      response.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received: (path) => [...(taken.get(path) ?? [])],
    attempts: (path) => tries.get(path) ?? 0,
    failNext: (path, count) => void failures.set(path, count),
    waitFor: async (path, count, timeoutMs = 15_000) => {
      const until = Date.now() + timeoutMs;
      while ((taken.get(path)?.length ?? 0) < count) {
        if (Date.now() > until) throw new Error(`${path} took ${taken.get(path)?.length ?? 0} events, not ${count}, within ${timeoutMs} ms`);
        await sleep(20);
      }
      return [...taken.get(path)!];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
