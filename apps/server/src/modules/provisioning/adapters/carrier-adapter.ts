import type { ProvisioningAdapter, TGatewayAccepted, TGatewayActivation, TGatewayActivationRequest, TGatewayCallback } from '@linedesk/domain';

/** What an adapter needs to reach one carrier: read from the carrier's catalog record, secrets opened. Never logged. */
export type CarrierConnection = {
  carrierCode: string;
  adapter: ProvisioningAdapter;
  endpoint: string | null;
  accountId: string | null;
  credential: string | null;
  webhookSecret: string | null;
};

/** One HTTP exchange with the carrier as it goes into Carrier Messages: secrets already redacted. */
export type CarrierExchange = {
  operation: string;
  request: unknown;
  httpStatus: number | null;
  response: unknown;
};

/**
 * `transient`: worth retrying with the same submission key (timeout, connection refused, 429, 5xx);
 * `permanent`: the carrier refused the request itself (400/401/403/422); resending unchanged cannot help.
 */
export type CarrierFailure = { kind: 'transient' | 'permanent'; code: string; text: string };

export type AdapterResult<T> = { ok: true; value: T; exchange: CarrierExchange } | { ok: false; failure: CarrierFailure; exchange: CarrierExchange };

export type AdapterCapabilities = {
  /** The carrier reports completion by signed callback. */
  callbacks: boolean;
  /** The carrier answers a status request (the fallback when callbacks do not come). */
  polling: boolean;
  /** A request not yet processed can be withdrawn. */
  cancel: boolean;
  portIn: boolean;
};

/** A carrier's provisioning API, translated to ours. Requests use the gateway contract of packages/domain. */
export interface CarrierAdapter {
  readonly kind: ProvisioningAdapter;
  readonly capabilities: AdapterCapabilities;
  submit(connection: CarrierConnection, request: TGatewayActivationRequest): Promise<AdapterResult<TGatewayAccepted>>;
  status(connection: CarrierConnection, requestId: string): Promise<AdapterResult<TGatewayActivation>>;
  cancel(connection: CarrierConnection, requestId: string): Promise<AdapterResult<TGatewayActivation>>;
  /**
   * Checks a callback's signature and freshness against the connection's webhook secret and parses it.
   * Throws AppError('UNAUTHENTICATED') for a bad or stale signature, AppError('VALIDATION_FAILED') for a bad body.
   */
  verifyCallback(connection: CarrierConnection, delivery: { headers: Record<string, string | string[] | undefined>; rawBody: Buffer | string; now: Date }): TGatewayCallback;
}
