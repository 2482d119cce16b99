import { describe, expect, it } from 'vitest';
import { cancelRefusal, describeLineNeeds, describeNeed, describeNeeds, inventoryChangeRefusal, itemKindOf, statusAfterInventoryChange } from './order-readiness.js';
import { ORDER_STATUSES } from './state-machines.js';

describe('order readiness', () => {
  it('should name what a line needs in words', () => {
    expect(itemKindOf('ICCID')).toBe('SIM');
    expect(itemKindOf('ESN')).toBe('DEVICE');
    expect(itemKindOf('EID')).toBe('ESIM');
    expect(describeNeed(['ICCID'])).toBe('a SIM (ICCID)');
    expect(describeNeed(['MEID', 'ESN'])).toBe('a device (MEID or ESN)');
    expect(describeNeed(['ICCID', 'EID'])).toBe('a SIM (ICCID) or an eSIM (EID)');
    expect(describeLineNeeds({ position: 1, missing: [['ICCID']] })).toBe('Line 2 needs a SIM (ICCID)');
    expect(describeLineNeeds({ position: 0, missing: [['IMEI'], ['EID']] })).toBe('Line 1 needs a device (IMEI) and an eSIM (EID)');
    expect(describeLineNeeds({ position: 0, missing: [] })).toBeNull();
    expect(describeNeeds([['IMEI'], ['ICCID'], ['EID']])).toBe('a device (IMEI), a SIM (ICCID) and an eSIM (EID)');
    expect(describeNeeds([])).toBe('');
  });

  it('should make an order Ready when no line misses anything, Pending otherwise, and leave a sent order alone', () => {
    expect(statusAfterInventoryChange('PENDING', [{ missing: [] }, { missing: [] }])).toBe('READY');
    expect(statusAfterInventoryChange('READY', [{ missing: [] }, { missing: [['ICCID']] }])).toBe('PENDING');
    expect(statusAfterInventoryChange('ERROR', [{ missing: [] }])).toBe('READY');
    expect(statusAfterInventoryChange('SENT', [{ missing: [['ICCID']] }])).toBe('SENT');
    expect(statusAfterInventoryChange('CANCELLED', [{ missing: [] }])).toBe('CANCELLED');
  });

  it('should allow inventory changes and Cancel only before the order is sent', () => {
    const editable = ORDER_STATUSES.filter((status) => inventoryChangeRefusal(status, null) === null);
    expect(editable).toEqual(['PENDING', 'READY', 'ERROR']);
    // After a send the carrier never answered, the order goes again unchanged before anything on it changes.
    expect(inventoryChangeRefusal('ERROR', 'CARRIER_UNREACHABLE')).toMatch(/^The carrier never answered the last send/);
    expect(inventoryChangeRefusal('ERROR', 'SIM_ALREADY_ACTIVE')).toBeNull();
    expect(ORDER_STATUSES.filter((status) => cancelRefusal(status) === null)).toEqual(['PENDING', 'READY', 'ERROR']);
    expect(cancelRefusal('SENT')).toBe('The order is Sent: the carrier has it, so it can no longer be cancelled');
    expect(cancelRefusal('CANCELLED')).toBe('The order is already cancelled');
  });
});
