import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { provisioningJobHandlers } from './flows/provisioning-jobs.js';
import { startJobRunner, type JobLogger, type JobRunner } from './modules/jobs/job-runner.js';
import { createAdapterRegistry } from './modules/provisioning/adapters/adapter-registry.js';
import { registerTmfEventListener } from './modules/tmf/events/tmf-audit-listener.js';
import { tmfEventJobHandlers } from './modules/tmf/events/tmf-event-handlers.js';
import type { SecretBox } from './security/secret-box.js';

/** The job worker as configured, with every job handler: in the server (WORKER=in-process) and in `npm run worker`. */
export function startWorker(options: { db: Db; config: Config; secrets: SecretBox; log: JobLogger; workerId?: string }): JobRunner {
  const { db, config, secrets, log } = options;
  const adapters = createAdapterRegistry({ carrierTimeoutMs: config.carrierTimeoutMs });
  // Changes the jobs make (an order completed) become TMF events too, as the server's do.
  registerTmfEventListener();
  return startJobRunner({
    db,
    handlers: { ...provisioningJobHandlers({ db, config, secrets, adapters, log }), ...tmfEventJobHandlers({ db, config, log }) },
    concurrency: config.workerConcurrency,
    leaseSeconds: config.jobLeaseSeconds,
    retry: { baseMs: config.jobRetryBaseMs, capMs: config.jobRetryCapMs },
    log,
    ...(options.workerId ? { workerId: options.workerId } : {}),
  });
}
