import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { JobLogger } from '../modules/jobs/job-runner.js';
import type { AdapterRegistry } from '../modules/provisioning/adapters/adapter-registry.js';
import type { SecretBox } from '../security/secret-box.js';

/** What the carrier job handlers (submit, poll) work with: passed in by whoever runs the workers. */
export type CarrierJobDeps = {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'carrierPollSeconds'>;
  secrets: SecretBox;
  adapters: AdapterRegistry;
  log: JobLogger;
};
