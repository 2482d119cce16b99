import type { ProvisioningAdapter } from '@linedesk/domain';
import type { CarrierAdapter } from './carrier-adapter.js';
import { createCarrierGatewayAdapter } from './carrier-gateway-adapter.js';

/** The adapters this server has, by the kind a carrier's catalog record names. `manual` has none: such a carrier is provisioned by hand. */
export type AdapterRegistry = {
  get(kind: ProvisioningAdapter): CarrierAdapter | null;
};

export function createAdapterRegistry(options: { carrierTimeoutMs: number }): AdapterRegistry {
  const adapters: Partial<Record<ProvisioningAdapter, CarrierAdapter>> = {
    'carrier-gateway': createCarrierGatewayAdapter({ timeoutMs: options.carrierTimeoutMs }),
  };
  return { get: (kind) => adapters[kind] ?? null };
}

/** Whether orders of a carrier with this adapter kind can be sent from LineDesk. */
export function hasCarrierConnection(kind: ProvisioningAdapter): boolean {
  return kind !== 'manual';
}
