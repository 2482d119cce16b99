import { describe, expect, it } from 'vitest';
import { LINE_STATUSES, ORDER_STATUSES } from '../orders/state-machines.js';
import { productOrderItemStateOf, productOrderStateOf, TMF_PRODUCT_ORDER_ITEM_STATES, TMF_PRODUCT_ORDER_STATES, ZTmfProductOrderCreate } from './tmf622-product-order.js';

describe('TMF622 product order', () => {
  it('should map every order status to the decided productOrder state', () => {
    expect(Object.fromEntries(ORDER_STATUSES.map((status) => [status, productOrderStateOf(status)]))).toEqual({
      PENDING: 'acknowledged',
      READY: 'inProgress',
      SENT: 'inProgress',
      IN_PROGRESS: 'inProgress',
      ERROR: 'held',
      COMPLETE: 'completed',
      PARTIAL: 'partial',
      CANCELLED: 'cancelled',
    });
    for (const status of ORDER_STATUSES) expect(TMF_PRODUCT_ORDER_STATES).toContain(productOrderStateOf(status));
  });

  it('should give each item a state from its line and its order, always one of the item enum', () => {
    expect(productOrderItemStateOf('PENDING', 'PENDING')).toBe('acknowledged');
    expect(productOrderItemStateOf('PENDING', 'SENT')).toBe('inProgress');
    expect(productOrderItemStateOf('PENDING', 'ERROR')).toBe('held');
    expect(productOrderItemStateOf('ACTIVE', 'PARTIAL')).toBe('completed');
    expect(productOrderItemStateOf('PENDING', 'PARTIAL')).toBe('failed');
    expect(productOrderItemStateOf('CANCELLED', 'PARTIAL')).toBe('cancelled');
    expect(productOrderItemStateOf('PENDING', 'CANCELLED')).toBe('cancelled');
    for (const line of LINE_STATUSES) for (const order of ORDER_STATUSES) expect(TMF_PRODUCT_ORDER_ITEM_STATES).toContain(productOrderItemStateOf(line, order));
  });

  it('should take the kit’s body and keep what an integrator adds beside the attributes it reads', () => {
    const body = ZTmfProductOrderCreate.parse({
      productOrderItem: [{ id: '123', action: 'add', '@type': 'ProductOrderItem' }],
      relatedParty: [{ id: '456-dd-df45', '@referredType': 'Individual' }],
      channel: [{ id: 'web' }],
    });
    expect(body.productOrderItem[0]).toMatchObject({ id: '123', action: 'add' });
    expect(ZTmfProductOrderCreate.safeParse({ productOrderItem: [] }).success).toBe(false);
    expect(ZTmfProductOrderCreate.safeParse({ productOrderItem: [{ id: '1', action: 'explode' }] }).success).toBe(false);
  });
});
