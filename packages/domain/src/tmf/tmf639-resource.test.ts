import { describe, expect, it } from 'vitest';
import { INVENTORY_STATUSES, LINE_STATUSES } from '../orders/state-machines.js';
import {
  inventoryStatusesWithResourceStatus,
  lineStatusesWithResourceStatus,
  mdnOfResourceId,
  mdnResourceId,
  numberResourceStatesOf,
  resourceStatesOf,
  resourceStatusOf,
  TMF_RESOURCE_STATUSES,
} from './tmf639-resource.js';

describe('TMF639 states of stock items and numbers', () => {
  it('should map each item status to the documented states', () => {
    expect(INVENTORY_STATUSES.map((status) => [status, resourceStatesOf(status)])).toEqual([
      ['AVAILABLE', { resourceStatus: 'available', usageState: 'idle', administrativeState: 'unlocked' }],
      ['RESERVED', { resourceStatus: 'reserved', usageState: 'idle', administrativeState: 'unlocked' }],
      ['ACTIVE', { resourceStatus: 'reserved', usageState: 'active', administrativeState: 'unlocked' }],
      ['RETURNED', { resourceStatus: 'standby', usageState: 'idle', administrativeState: 'locked' }],
      ['DEFECTIVE', { resourceStatus: 'alarm', usageState: 'idle', administrativeState: 'locked' }],
      ['REMOVED', { resourceStatus: 'unknown', usageState: 'idle', administrativeState: 'shutdown' }],
    ]);
    for (const status of INVENTORY_STATUSES) expect(resourceStatusOf(status)).toBe(resourceStatesOf(status).resourceStatus);
    expect(numberResourceStatesOf('ACTIVE')).toEqual({ resourceStatus: 'reserved', usageState: 'active', administrativeState: 'unlocked' });
    expect(numberResourceStatesOf('SUSPENDED')).toEqual({ resourceStatus: 'suspended', usageState: 'idle', administrativeState: 'locked' });
    expect(numberResourceStatesOf('DISCONNECTED')).toEqual({ resourceStatus: 'unknown', usageState: 'idle', administrativeState: 'shutdown' });
  });

  it('should find, for each resourceStatus, exactly the item and line statuses that have it', () => {
    for (const status of TMF_RESOURCE_STATUSES) {
      expect(inventoryStatusesWithResourceStatus(status), status).toEqual(INVENTORY_STATUSES.filter((item) => resourceStatusOf(item) === status));
      expect(lineStatusesWithResourceStatus(status), status).toEqual(LINE_STATUSES.filter((line) => numberResourceStatesOf(line).resourceStatus === status));
    }
  });

  it("should give a number a stable id and read it back, and nothing else", () => {
    expect(mdnResourceId('3125550147')).toBe('mdn-3125550147');
    expect(mdnOfResourceId('mdn-3125550147')).toBe('3125550147');
    for (const id of ['mdn-312555014', 'mdn-31255501470', '3125550147', 'MDN-3125550147', '7c0e1c9e-0000-4000-8000-000000000000']) expect(mdnOfResourceId(id), id).toBeNull();
  });
});
