import { randomInt } from 'node:crypto';
import {
  type TGatewayAccepted,
  type TGatewayActivation,
  type TGatewayActivationRequest,
  type TGatewayCallback,
} from '@linedesk/domain';
import { CallbackSender } from './callbacks.js';
import type { SimConfig, TSimAccount } from './config.js';
import { decideLine } from './decide-line.js';
import { FaultState } from './faults.js';
import { Networks } from './network.js';
import { loadPortSubscribers, type TPortSubscriber } from './port-subscribers.js';

export interface SimStats {
  /** Every request to the gateway API (/v1), answered or not. */
  requests: number;
  /** Submits (POST /v1/activations) and status polls (GET /v1/activations/:id) among them. */
  submits: number;
  polls: number;
  /** Lines activated; by lineRef and by requestKey. One per line means exactly once. */
  activations: number;
  activationsByLineRef: Record<string, number>;
  activationsByRequestKey: Record<string, number>;
  /** Callback deliveries answered 2xx, and delivery attempts that failed (non-2xx, network error). */
  callbacksSent: number;
  callbacksFailed: number;
}

interface ActivationRecord {
  account: TSimAccount;
  request: TGatewayActivationRequest;
  accepted: TGatewayAccepted;
  activation: TGatewayActivation;
  timer: NodeJS.Timeout | null;
  /** With outOfOrderCallbacks: the in_progress callback, sent after the final one. */
  heldCallback: TGatewayCallback | null;
}

export type SubmitOutcome = { kind: 'accepted' | 'replayed'; accepted: TGatewayAccepted };
export type CancelOutcome = { ok: true; activation: TGatewayActivation } | { ok: false; reason: 'not_found' | 'already_processed' };

function emptyStats(): SimStats {
  return { requests: 0, submits: 0, polls: 0, activations: 0, activationsByLineRef: {}, activationsByRequestKey: {}, callbacksSent: 0, callbacksFailed: 0 };
}

/**
 * The simulated carrier: activation requests (idempotent on requestKey per account), their asynchronous
 * processing (RECEIVED → IN_PROGRESS → COMPLETED | PARTIAL | REJECTED), the network's state and the callbacks.
 */
export class CarrierGateway {
  readonly faults: FaultState;
  private stats = emptyStats();
  private readonly activations = new Map<string, ActivationRecord>();
  private readonly byRequestKey = new Map<string, string>();
  private readonly networks = new Networks();
  private readonly subscribers: ReadonlyMap<string, TPortSubscriber> = loadPortSubscribers();
  private readonly callbacks: CallbackSender;
  /**
   * Request ids keep counting across resets, and carry a random mark of this boot ("NWM-R-K3F9-000123"), so a
   * client never sees one reused, not even after the simulator restarts (and so neither an event id, which is
   * made of the request id and the sequence).
   */
  private nextRequestNumber = 1;
  private readonly bootMark = randomInt(36 ** 3, 36 ** 4).toString(36).toUpperCase();

  constructor(private readonly config: SimConfig) {
    this.faults = new FaultState(config.faults);
    this.callbacks = new CallbackSender({
      attempts: config.callbackAttempts,
      retryBaseMs: config.callbackRetryBaseMs,
      delayMs: () => this.faults.current().callbackDelayMs,
      onSent: () => this.stats.callbacksSent++,
      onFailed: () => this.stats.callbacksFailed++,
    });
  }

  authenticate(accountId: string | undefined, authorization: string | undefined): TSimAccount | null {
    const account = this.config.accounts.find((candidate) => candidate.accountId === accountId);
    if (!account || authorization !== `Bearer ${account.apiKey}`) return null;
    return account;
  }

  countRequest(kind: 'submit' | 'poll' | 'other'): void {
    this.stats.requests++;
    if (kind === 'submit') this.stats.submits++;
    if (kind === 'poll') this.stats.polls++;
  }

  submit(account: TSimAccount, request: TGatewayActivationRequest): SubmitOutcome {
    const key = `${account.accountId}\n${request.requestKey}`;
    const existing = this.byRequestKey.get(key);
    const existingRecord = existing ? this.activations.get(existing) : undefined;
    if (existingRecord) return { kind: 'replayed', accepted: existingRecord.accepted };

    const requestId = `${account.carrierCode}-R-${this.bootMark}-${String(this.nextRequestNumber++).padStart(6, '0')}`;
    const now = new Date().toISOString();
    const record: ActivationRecord = {
      account,
      request,
      accepted: { requestId, requestKey: request.requestKey, status: 'RECEIVED', receivedAt: now },
      activation: {
        requestId,
        requestKey: request.requestKey,
        reference: request.reference,
        status: 'RECEIVED',
        sequence: 1,
        lines: request.lines.map((line) => ({ lineRef: line.lineRef, status: 'PENDING', mdn: null, activatedAt: null, rejection: null })),
        updatedAt: now,
      },
      timer: null,
      heldCallback: null,
    };
    this.activations.set(requestId, record);
    this.byRequestKey.set(key, requestId);
    this.schedule(record, () => this.startProcessing(record));
    return { kind: 'accepted', accepted: record.accepted };
  }

  find(account: TSimAccount, requestId: string): TGatewayActivation | null {
    const record = this.activations.get(requestId);
    return record && record.account.accountId === account.accountId ? structuredClone(record.activation) : null;
  }

  cancel(account: TSimAccount, requestId: string): CancelOutcome {
    const record = this.activations.get(requestId);
    if (!record || record.account.accountId !== account.accountId) return { ok: false, reason: 'not_found' };
    if (record.activation.status !== 'RECEIVED') return { ok: false, reason: 'already_processed' };
    if (record.timer) clearTimeout(record.timer);
    record.timer = null;
    this.update(record, 'CANCELLED', (lines) => lines.map((line) => ({ ...line, status: 'CANCELLED' as const })));
    void this.send(record, this.callbackFor(record, 'activation.cancelled'));
    return { ok: true, activation: structuredClone(record.activation) };
  }

  snapshotStats(): SimStats {
    return structuredClone(this.stats);
  }

  /** Forget every request, the network's state and the counters; faults go back to the start configuration. */
  reset(): void {
    this.stop();
    this.activations.clear();
    this.byRequestKey.clear();
    this.networks.clear();
    this.stats = emptyStats();
    this.faults.replace(this.config.faults);
  }

  /** Stop processing timers and callback deliveries. */
  stop(): void {
    for (const record of this.activations.values()) {
      if (record.timer) clearTimeout(record.timer);
      record.timer = null;
    }
    this.callbacks.cancelAll();
  }

  private schedule(record: ActivationRecord, step: () => void): void {
    // Always asynchronous, even with no delay: the submit is answered before any processing.
    record.timer = setTimeout(() => {
      record.timer = null;
      step();
    }, this.config.delayMs);
  }

  private startProcessing(record: ActivationRecord): void {
    if (record.activation.status !== 'RECEIVED') return;
    this.update(record, 'IN_PROGRESS', (lines) => lines);
    const callback = this.callbackFor(record, 'activation.in_progress');
    const instant = this.config.delayMs === 0;
    if (this.faults.current().outOfOrderCallbacks) record.heldCallback = callback;
    // With no processing time the request is done before its in-progress notice could go out: the final
    // callback alone reports it (its sequence still counts the step), as a carrier reports a request's
    // current state rather than every state it passed through.
    else if (!instant) void this.send(record, callback);
    if (instant) this.finishProcessing(record);
    else this.schedule(record, () => this.finishProcessing(record));
  }

  private finishProcessing(record: ActivationRecord): void {
    if (record.activation.status !== 'IN_PROGRESS') return;
    const network = this.networks.of(record.account.carrierCode);
    const rejectAll = this.faults.current().rejectAll;
    const activatedAt = new Date().toISOString();
    const lines = record.request.lines.map((line) => {
      const decision = rejectAll ? { ok: false as const, rejection: { code: rejectAll.code, text: rejectAll.text } } : decideLine(line, network, this.subscribers);
      if (!decision.ok) return { lineRef: line.lineRef, status: 'REJECTED' as const, mdn: null, activatedAt: null, rejection: decision.rejection };
      decision.sims.forEach((sim) => network.sims.add(sim));
      decision.devices.forEach((device) => network.devices.add(device));
      network.mdns.add(decision.mdn);
      this.countActivation(line.lineRef, record.request.requestKey);
      return { lineRef: line.lineRef, status: 'ACTIVE' as const, mdn: decision.mdn, activatedAt, rejection: null };
    });
    const active = lines.filter((line) => line.status === 'ACTIVE').length;
    const status = active === lines.length ? 'COMPLETED' : active > 0 ? 'PARTIAL' : 'REJECTED';
    this.update(record, status, () => lines);
    const final = this.callbackFor(record, status === 'COMPLETED' ? 'activation.completed' : status === 'PARTIAL' ? 'activation.partial' : 'activation.rejected');
    const held = record.heldCallback;
    record.heldCallback = null;
    const delivered = this.send(record, final);
    if (held) void delivered.then(() => this.send(record, held));
  }

  private countActivation(lineRef: string, requestKey: string): void {
    this.stats.activations++;
    this.stats.activationsByLineRef[lineRef] = (this.stats.activationsByLineRef[lineRef] ?? 0) + 1;
    this.stats.activationsByRequestKey[requestKey] = (this.stats.activationsByRequestKey[requestKey] ?? 0) + 1;
  }

  private update(record: ActivationRecord, status: TGatewayActivation['status'], lines: (current: TGatewayActivation['lines']) => TGatewayActivation['lines']): void {
    record.activation = {
      ...record.activation,
      status,
      sequence: record.activation.sequence + 1,
      lines: lines(record.activation.lines),
      updatedAt: new Date().toISOString(),
    };
  }

  private callbackFor(record: ActivationRecord, type: TGatewayCallback['type']): TGatewayCallback {
    const activation = structuredClone(record.activation);
    return { eventId: `evt-${activation.requestId}-${activation.sequence}`, type, occurredAt: activation.updatedAt, activation };
  }

  /** Deliver (twice with duplicateCallbacks; never with dropCallbacks or without a callbackUrl). */
  private async send(record: ActivationRecord, callback: TGatewayCallback): Promise<void> {
    const url = record.request.callbackUrl;
    const faults = this.faults.current();
    if (!url || faults.dropCallbacks) return;
    await this.callbacks.deliver(url, record.account.webhookSecret, callback);
    if (faults.duplicateCallbacks) await this.callbacks.deliver(url, record.account.webhookSecret, callback);
  }
}
