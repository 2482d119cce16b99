import type { JobHandlers } from '../modules/jobs/job-runner.js';
import type { CarrierJobDeps } from './carrier-job-deps.js';
import { CARRIER_POLL_JOB, CARRIER_SUBMIT_JOB } from './carrier-jobs.js';
import { pollCarrierOrder } from './poll-carrier-order.js';
import { submitOrderToCarrier } from './submit-order-to-carrier.js';

/** The job handlers of sending orders to carriers, by job kind: what every worker (in-process or `npm run worker`) runs. */
export function provisioningJobHandlers(deps: CarrierJobDeps): JobHandlers {
  return {
    [CARRIER_SUBMIT_JOB]: submitOrderToCarrier(deps),
    [CARRIER_POLL_JOB]: pollCarrierOrder(deps),
  };
}
