import type { CarrierMessageDirection } from '@linedesk/domain';
import type { DbOrTx } from '../../../db/client.js';
import { carrierMessages } from '../provisioning.schema.js';
import { redact } from '../redact.js';

export type CarrierMessageInput = {
  orderId: string;
  submissionId: string | null;
  attempt: number;
  direction: CarrierMessageDirection;
  /** "POST /v1/activations", "callback activation.completed" */
  operation: string;
  httpStatus: number | null;
  /** A short line for the list ("202 Accepted, request R-10023"). */
  summary: string;
  /** Redacted here again before it is stored, whatever the caller did. */
  payload: unknown;
  at?: Date;
};

/** Appends messages to an order's Carrier Messages (one statement for several), secrets redacted. */
export async function recordCarrierMessage(db: DbOrTx, messages: CarrierMessageInput | CarrierMessageInput[]): Promise<void> {
  const list = Array.isArray(messages) ? messages : [messages];
  if (list.length === 0) return;
  const now = Date.now();
  await db.insert(carrierMessages).values(
    list.map((m, i) => ({
      orderId: m.orderId,
      submissionId: m.submissionId,
      attempt: m.attempt,
      direction: m.direction,
      operation: m.operation,
      httpStatus: m.httpStatus,
      summary: m.summary.slice(0, 500),
      payload: redact(m.payload ?? null),
      // Several messages recorded together keep their order (oldest first), a millisecond apart.
      at: m.at ?? new Date(now + i),
    })),
  );
}
