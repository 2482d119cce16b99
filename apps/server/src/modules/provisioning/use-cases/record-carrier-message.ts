import type { CarrierMessageDirection } from '@linedesk/domain';
import { namedStatement, type DbOrTx } from '../../../db/client.js';
import { jsonRecords } from '../../../db/json-records.js';
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
  await insertMessages(db, [
    MESSAGE_ROWS.encode(list.map((m, i) => ({
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
    }))),
  ]);
}

// Any number of messages in one statement text, sent by name (every exchange with a carrier writes some).
const MESSAGE_ROWS = jsonRecords(carrierMessages, ['orderId', 'submissionId', 'attempt', 'direction', 'operation', 'httpStatus', 'summary', 'payload', 'at']);
const insertMessages = namedStatement(
  'record_carrier_messages',
  `insert into carrier_messages (${MESSAGE_ROWS.columns}) select ${MESSAGE_ROWS.columnsOf('r')} from ${MESSAGE_ROWS.from('$1')} r`,
);
