import type { Role } from '@linedesk/domain';
import type { LightMyRequestResponse } from 'fastify';
import { SYSTEM_ACTOR } from '../src/modules/audit/record-audit.js';
import { startJobRunner, type JobLogger, type JobRunner } from '../src/modules/jobs/job-runner.js';
import { tmfEventJobHandlers } from '../src/modules/tmf/events/tmf-event-handlers.js';
import { createApiKey } from '../src/modules/api-keys/use-cases/create-api-key.js';
import { TEST_HOST, type TestApp } from './test-app.js';

/** An integrator's API key (`ldk_…`), handed out as Administration > Integrations does, without expiry. */
export async function createTmfApiKey(t: Pick<TestApp, 'database'>, name: string, role: Role): Promise<string> {
  return (await createApiKey({ db: t.database.db, audit: SYSTEM_ACTOR, input: { name, role, expiresAt: null } })).key;
}

export type TmfCall = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  /** The Bearer key; null or empty: no Authorization header (an anonymous caller). */
  key: string | null;
  contentType?: string;
  headers?: Record<string, string>;
};

/**
 * A call as an integrator's tool makes it (newman, the TM Forum kit): Bearer key, JSON accepted, a JSON
 * content type even on a GET (not on a DELETE: it carries no body, and Fastify's parser refuses an empty
 * JSON one), no cookie, no Origin.
 */
export function tmfCall(t: Pick<TestApp, 'app'>, call: TmfCall): Promise<LightMyRequestResponse> {
  const method = call.method ?? 'GET';
  return t.app.inject({
    method,
    url: call.url,
    ...(call.payload !== undefined ? { payload: JSON.stringify(call.payload) } : {}),
    headers: {
      host: TEST_HOST,
      ...(call.key ? { authorization: `Bearer ${call.key}` } : {}),
      accept: 'application/json',
      ...(method === 'DELETE' ? {} : { 'content-type': call.contentType ?? 'application/json' }),
      ...call.headers,
    },
  });
}

const QUIET: JobLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A worker for the TMF event jobs only, with quick retries (`retry`, ms) and looks every 20 ms. */
export function startTmfEventRunner(
  t: Pick<TestApp, 'database' | 'config'>,
  options: { concurrency: number; retry: { baseMs: number; capMs: number }; callbackTimeoutMs?: number },
): JobRunner {
  const { db } = t.database;
  return startJobRunner({
    db,
    handlers: tmfEventJobHandlers({ db, config: t.config, log: QUIET, ...(options.callbackTimeoutMs ? { callbackTimeoutMs: options.callbackTimeoutMs } : {}) }),
    concurrency: options.concurrency,
    leaseSeconds: 30,
    retry: options.retry,
    pollMs: 20,
    log: QUIET,
  });
}
