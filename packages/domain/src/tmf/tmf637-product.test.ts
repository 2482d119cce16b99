import { describe, expect, it } from 'vitest';
import { LINE_STATUSES, ORDER_STATUSES } from '../orders/state-machines.js';
import { productStatusCondition, productStatusOf, TMF_PRODUCT_STATUSES, tmfProductName, tmfProductNameCandidates } from './tmf637-product.js';

describe('TMF637 product status of a line', () => {
  it('should follow the decided mapping, a Pending line being pendingActive only while its order is at the carrier', () => {
    expect(productStatusOf('PENDING', 'PENDING')).toBe('created');
    expect(productStatusOf('PENDING', 'READY')).toBe('created');
    expect(productStatusOf('PENDING', 'SENT')).toBe('pendingActive');
    expect(productStatusOf('PENDING', 'IN_PROGRESS')).toBe('pendingActive');
    expect(productStatusOf('PENDING', 'ERROR')).toBe('created');
    expect(productStatusOf('PENDING')).toBe('created');
    expect(productStatusOf('ACTIVE', 'COMPLETE')).toBe('active');
    expect(productStatusOf('SUSPENDED', 'COMPLETE')).toBe('suspended');
    expect(productStatusOf('DISCONNECTED', 'COMPLETE')).toBe('terminated');
    expect(productStatusOf('CANCELLED', 'CANCELLED')).toBe('cancelled');
  });

  it('should give, for each status, the lines and orders that have it (what the status filter reads)', () => {
    for (const status of TMF_PRODUCT_STATUSES) {
      const condition = productStatusCondition(status);
      const having = LINE_STATUSES.flatMap((line) => ORDER_STATUSES.filter((order) => productStatusOf(line, order) === status).map((order) => `${line}/${order}`));
      const matched = condition
        ? ORDER_STATUSES.filter((order) => (!condition.orderIn || condition.orderIn.includes(order)) && !condition.orderNotIn?.includes(order)).map((order) => `${condition.line}/${order}`)
        : [];
      expect(matched, status).toEqual(having);
    }
  });

  it('should name a product by its package and number, and read such a name back', () => {
    expect(tmfProductName('Unlimited Essentials', '(312) 555-0147')).toBe('Unlimited Essentials (312) 555-0147');
    expect(tmfProductNameCandidates('Unlimited Essentials (312) 555-0147')).toEqual([
      { packageName: 'Unlimited Essentials (312) 555-0147', mdn: null },
      { packageName: 'Unlimited Essentials', mdn: '3125550147' },
    ]);
    expect(tmfProductNameCandidates('Unlimited Essentials')).toEqual([{ packageName: 'Unlimited Essentials', mdn: null }]);
  });
});
