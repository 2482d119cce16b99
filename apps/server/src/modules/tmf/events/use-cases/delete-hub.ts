import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../../db/client.js';
import { AppError } from '../../../../http/app-error.js';
import { recordAudit, type AuditContext } from '../../../audit/record-audit.js';
import { forgetHubApis } from '../hub-cache.js';
import type { TmfEventApi } from '../tmf-event-apis.js';
import { tmfHubs } from '../tmf-hubs.schema.js';

const ZId = z.uuid();

/**
 * Unregisters a hub of this API (`DELETE /hub/{id}`), or of any API when `api` is null (an admin's
 * Unsubscribe): nothing more is sent to it, and deliveries still pending are dropped when their turn
 * comes. Audited; an unknown id (or another API's hub) is NOT_FOUND.
 */
export async function deleteHub(options: { db: Db; audit: AuditContext; api: TmfEventApi | null; id: string }): Promise<void> {
  const { db, audit, api, id } = options;
  const notFound = new AppError('NOT_FOUND', api ? `No hub ${id} on ${api}` : `No event subscription ${id}`);
  if (!ZId.safeParse(id).success) throw notFound;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(tmfHubs)
      .where(and(eq(tmfHubs.id, id), api ? eq(tmfHubs.api, api) : undefined))
      .returning();
    if (!row) throw notFound;
    await recordAudit(tx, audit, { entityType: 'tmf_hub', entityId: row.id, action: 'delete', before: { api: row.api, callback: row.callback, query: row.query } });
  });
  forgetHubApis();
}
