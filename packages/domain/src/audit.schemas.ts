import { z } from 'zod';

/** One audited change: who did what to which entity, and what it looked like before and after. */
export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  requestId: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = z.object({
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(120).optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().trim().max(60).optional(),
  /** Entries strictly older than this entry id: keyset paging, newest first. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditPage = z.object({
  entries: z.array(ZAuditEntry),
  nextBefore: z.number().int().nullable(),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;
