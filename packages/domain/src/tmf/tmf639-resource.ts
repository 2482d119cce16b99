import { z } from 'zod';
import type { InventoryKind } from '../inventory/inventory.constants.js';
import type { InventoryStatus, LineStatus } from '../orders/state-machines.js';
import { ZTmfCharacteristic, ZTmfRelatedParty } from './tmf-common.js';

/*
 * TMF639 Resource Inventory v4 (`/tmf-api/resourceInventoryManagement/v4/resource`), read-only:
 * stock items (devices, SIM cards, eSIM profiles) are PhysicalResources, and the numbers (MDNs) the
 * carriers gave lines are LogicalResources. A customer's own device on a line is not stock and is not
 * a resource here (the line's TMF637 product names it as a characteristic).
 */

/** Where the resources live, under /tmf-api (for `tmfHref`). */
export const TMF_RESOURCE_PATH = 'resourceInventoryManagement/v4/resource';

/** The spec's enums. */
export const TMF_RESOURCE_STATUSES = ['standby', 'alarm', 'available', 'reserved', 'unknown', 'suspended'] as const;
export type TmfResourceStatus = (typeof TMF_RESOURCE_STATUSES)[number];
export const TMF_RESOURCE_USAGE_STATES = ['idle', 'active', 'busy'] as const;
export type TmfResourceUsageState = (typeof TMF_RESOURCE_USAGE_STATES)[number];
export const TMF_RESOURCE_ADMINISTRATIVE_STATES = ['locked', 'unlocked', 'shutdown'] as const;
export type TmfResourceAdministrativeState = (typeof TMF_RESOURCE_ADMINISTRATIVE_STATES)[number];
export const TMF_RESOURCE_TYPES = ['PhysicalResource', 'LogicalResource'] as const;
export type TmfResourceType = (typeof TMF_RESOURCE_TYPES)[number];

export type TmfResourceStates = {
  resourceStatus: TmfResourceStatus;
  usageState: TmfResourceUsageState;
  administrativeState: TmfResourceAdministrativeState;
};

/**
 * A stock item's states (decided here): `resourceStatus` says whether it can be given out
 * (`available`), is held for a line (`reserved`, also while in service on it), or is out of use;
 * `usageState` whether it is in service; `administrativeState` whether stock keepers may assign it.
 *
 * | Item status | resourceStatus | usageState | administrativeState |
 * | Available   | available      | idle       | unlocked |
 * | Reserved    | reserved       | idle       | unlocked |
 * | Active      | reserved       | active     | unlocked |
 * | Returned    | standby        | idle       | locked   |  (back from a customer, not yet restocked)
 * | Defective   | alarm          | idle       | locked   |
 * | Removed     | unknown        | idle       | shutdown |  (written off: no longer in stock)
 */
const ITEM_STATES: Record<InventoryStatus, TmfResourceStates> = {
  AVAILABLE: { resourceStatus: 'available', usageState: 'idle', administrativeState: 'unlocked' },
  RESERVED: { resourceStatus: 'reserved', usageState: 'idle', administrativeState: 'unlocked' },
  ACTIVE: { resourceStatus: 'reserved', usageState: 'active', administrativeState: 'unlocked' },
  RETURNED: { resourceStatus: 'standby', usageState: 'idle', administrativeState: 'locked' },
  DEFECTIVE: { resourceStatus: 'alarm', usageState: 'idle', administrativeState: 'locked' },
  REMOVED: { resourceStatus: 'unknown', usageState: 'idle', administrativeState: 'shutdown' },
};

/**
 * A number's states, from the line holding it: in service on an Active line (`reserved`, `active`),
 * held but barred on a Suspended one (`suspended`, locked), given back to the carrier once the line is
 * Disconnected or Cancelled (`unknown`, shutdown); a Pending line's number is reserved, not yet in use.
 */
const NUMBER_STATES: Record<LineStatus, TmfResourceStates> = {
  PENDING: { resourceStatus: 'reserved', usageState: 'idle', administrativeState: 'unlocked' },
  ACTIVE: { resourceStatus: 'reserved', usageState: 'active', administrativeState: 'unlocked' },
  SUSPENDED: { resourceStatus: 'suspended', usageState: 'idle', administrativeState: 'locked' },
  DISCONNECTED: { resourceStatus: 'unknown', usageState: 'idle', administrativeState: 'shutdown' },
  CANCELLED: { resourceStatus: 'unknown', usageState: 'idle', administrativeState: 'shutdown' },
};

/** A stock item's TMF639 `resourceStatus`, from its status (see `resourceStatesOf`). */
export function resourceStatusOf(status: InventoryStatus): TmfResourceStatus {
  return ITEM_STATES[status].resourceStatus;
}

/** A stock item's three TMF639 states, from its status. */
export function resourceStatesOf(status: InventoryStatus): TmfResourceStates {
  return ITEM_STATES[status];
}

/** A number's (MDN's) three TMF639 states, from the status of the line holding it. */
export function numberResourceStatesOf(lineStatus: LineStatus): TmfResourceStates {
  return NUMBER_STATES[lineStatus];
}

/** The item statuses whose resources have this `resourceStatus` (the inverse of `resourceStatusOf`). */
export function inventoryStatusesWithResourceStatus(status: TmfResourceStatus): InventoryStatus[] {
  return (Object.keys(ITEM_STATES) as InventoryStatus[]).filter((item) => ITEM_STATES[item].resourceStatus === status);
}

/** The line statuses whose numbers have this `resourceStatus`. */
export function lineStatusesWithResourceStatus(status: TmfResourceStatus): LineStatus[] {
  return (Object.keys(NUMBER_STATES) as LineStatus[]).filter((line) => NUMBER_STATES[line].resourceStatus === status);
}

/** `category` of a resource: the kind of stock item, or `MDN` for a number. */
export const TMF_RESOURCE_CATEGORIES: Record<InventoryKind | 'MDN', string> = { DEVICE: 'Device', SIM: 'SIM', ESIM: 'eSIM', MDN: 'MDN' };

const MDN_ID = /^mdn-(\d{10})$/;

/** A number's resource id: `mdn-` and its ten digits (stable: the number is the resource). */
export function mdnResourceId(mdn: string): string {
  return `mdn-${mdn}`;
}

/** The ten digits of a number's resource id; null when the id is not one. */
export function mdnOfResourceId(id: string): string | null {
  return MDN_ID.exec(id)?.[1] ?? null;
}

const ZStates = {
  resourceStatus: z.enum(TMF_RESOURCE_STATUSES),
  usageState: z.enum(TMF_RESOURCE_USAGE_STATES),
  administrativeState: z.enum(TMF_RESOURCE_ADMINISTRATIVE_STATES),
};

/** A stock item as a TMF639 PhysicalResource. */
export const ZTmfPhysicalResource = z.object({
  id: z.uuid(),
  href: z.string(),
  '@type': z.literal('PhysicalResource'),
  '@baseType': z.literal('Resource'),
  /** The item's main identifier as people read it ("35 209900 176148 1"). */
  name: z.string(),
  /** "Aurora X5 128 GB (Device)". */
  description: z.string(),
  category: z.string(),
  /** The main identifier, normalised: a device's IMEI (MEID, ESN), a SIM's ICCID, an eSIM profile's EID. */
  serialNumber: z.string(),
  ...ZStates,
  /** When the item went into service on a line. */
  startOperatingDate: z.string().optional(),
  resourceCharacteristic: z.array(ZTmfCharacteristic),
  /** Where it is kept (`role: stockLocation`). */
  place: z.object({ role: z.string(), name: z.string() }).optional(),
  /** The customer whose line it is reserved for or in service on. */
  relatedParty: z.array(ZTmfRelatedParty),
});
export type TTmfPhysicalResource = z.output<typeof ZTmfPhysicalResource>;

/** A line's number (MDN) as a TMF639 LogicalResource. */
export const ZTmfLogicalResource = z.object({
  id: z.string(),
  href: z.string(),
  '@type': z.literal('LogicalResource'),
  '@baseType': z.literal('Resource'),
  /** "(312) 555-0147". */
  name: z.string(),
  category: z.string(),
  /** The ten digits. */
  value: z.string(),
  ...ZStates,
  /** When the carrier activated the line with it. */
  startOperatingDate: z.string().optional(),
  resourceCharacteristic: z.array(ZTmfCharacteristic),
  /** The customer whose line holds it. */
  relatedParty: z.array(ZTmfRelatedParty),
});
export type TTmfLogicalResource = z.output<typeof ZTmfLogicalResource>;

export const ZTmfResource = z.discriminatedUnion('@type', [ZTmfPhysicalResource, ZTmfLogicalResource]);
export type TTmfResource = z.output<typeof ZTmfResource>;
