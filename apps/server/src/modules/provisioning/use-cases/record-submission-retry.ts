import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { carrierSubmissions } from '../provisioning.schema.js';

/**
 * A transient delivery problem while the submission waits for a retry (timeout, 5xx, connection refused):
 * kept on the submission as its last error, so the order page can say why it is retrying. Only while
 * QUEUED; acceptance clears it. Not audited: nothing the user owns changed (the Carrier Messages tab has it).
 */
export async function recordSubmissionRetry(db: DbOrTx, change: { id: string; code: string; text: string }): Promise<void> {
  await db
    .update(carrierSubmissions)
    .set({ errorCode: change.code, errorText: change.text })
    .where(and(eq(carrierSubmissions.id, change.id), eq(carrierSubmissions.status, 'QUEUED')));
}
