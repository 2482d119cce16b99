import { randomUUID } from 'node:crypto';

/** A signed-in user's cookie: sessions live in the database, so it works at every server on it. */
export type Session = { cookie: string };

export async function signIn(serverUrl: string, role: 'agent' | 'admin' = 'agent'): Promise<Session> {
  const response = await fetch(`${serverUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: serverUrl },
    body: JSON.stringify({ email: `${role}@demo.linedesk.app`, password: `linedesk-${role}` }),
  });
  if (response.status !== 200) throw new Error(`sign-in at ${serverUrl} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  return { cookie };
}

/** One Send as the web app makes it: POST with a session and the click's Idempotency-Key. */
export type SendRequest = { orderId: string; idempotencyKey: string };

export function sendRequestsFor(orderIds: string[]): SendRequest[] {
  return orderIds.map((orderId) => ({ orderId, idempotencyKey: randomUUID() }));
}

/** The answer to a Send: the HTTP status and the order's status in the page it answered, or the network error when there was no answer. */
export type SendOutcome = { request: SendRequest; serverUrl: string; status: number | null; orderStatus: string | null; error: string | null };

export async function sendOrder(serverUrl: string, session: Session, request: SendRequest): Promise<SendOutcome> {
  try {
    const response = await fetch(`${serverUrl}/api/orders/${request.orderId}/send`, {
      method: 'POST',
      headers: { origin: serverUrl, cookie: session.cookie, 'idempotency-key': request.idempotencyKey },
    });
    const body = (await response.json()) as { status?: string; message?: string };
    return { request, serverUrl, status: response.status, orderStatus: response.ok ? (body.status ?? null) : null, error: response.ok ? null : JSON.stringify(body) };
  } catch (error) {
    return { request, serverUrl, status: null, orderStatus: null, error: error instanceof Error ? `${error.message} (${String(error.cause ?? '')})` : String(error) };
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight, keeping the order of the items. */
export async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}
