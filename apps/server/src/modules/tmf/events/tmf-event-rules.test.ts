import { describe, expect, it } from 'vitest';
import { eventSourcesOf, tmfEventType } from './event-sources.js';
import { hubQueryMatches, parseHubQuery } from './hub-query.js';
import { stableEventId, type TmfEventRow } from './tmf-event-jobs.js';
import { eventKindsOf } from './tmf-event-handlers.js';

const row = (entityType: string, action: string, changes: Record<string, { from: unknown; to: unknown }>): TmfEventRow => ({
  entityType,
  entityId: '00000000-0000-4000-8000-000000000001',
  action,
  fields: Object.keys(changes),
  states: Object.fromEntries(Object.entries(changes).filter(([field]) => field === 'status' || field === 'isActive' || field === 'state')),
  at: '2026-11-26T19:00:00.000Z',
});
const [order] = eventSourcesOf('order');
const [line] = eventSourcesOf('line');

describe('which TMF events an audited change means', () => {
  it('should name events exactly as the specifications do, and only those they define', () => {
    // An order's state changes are its productOrder's, and those of its pending lines' products (pendingActive once sent).
    expect(eventSourcesOf('order').map((source) => tmfEventType(source, 'StateChange'))).toEqual(['ProductOrderStateChangeEvent', 'ProductStateChangeEvent']);
    expect(eventSourcesOf('customer').map((source) => tmfEventType(source, 'Create'))).toEqual(['CustomerCreateEvent']);
    expect(eventSourcesOf('line').map((source) => tmfEventType(source, 'AttributeValueChange'))).toEqual(['ProductAttributeValueChangeEvent']);
    expect(eventSourcesOf('inventory_item').map((source) => tmfEventType(source, 'Delete'))).toEqual(['ResourceDeleteEvent']);
    expect(eventSourcesOf('cancel_product_order').map((source) => tmfEventType(source, 'Create'))).toEqual(['CancelProductOrderCreateEvent']);
    // TMF622 has no attribute change or delete event for a cancellation request.
    expect(eventSourcesOf('cancel_product_order').map((source) => tmfEventType(source, 'AttributeValueChange'))).toEqual([null]);
    // A carrier's product is an offering and a specification of the catalog.
    expect(eventSourcesOf('product').map((source) => tmfEventType(source, 'Create'))).toEqual(['ProductOfferingCreateEvent', 'ProductSpecificationCreateEvent']);
    expect(eventSourcesOf('user')).toEqual([]);
  });

  it('should tell a state change from an attribute change, by the TMF state the resource shows', () => {
    expect(eventKindsOf(row('order', 'create', { status: { from: null, to: 'PENDING' } }), order!)).toEqual(['Create']);
    expect(eventKindsOf(row('order', 'status', { status: { from: 'PENDING', to: 'READY' } }), order!)).toEqual(['StateChange']);
    // Ready and Sent are both inProgress: no state change of the productOrder, but a change all the same.
    expect(eventKindsOf(row('order', 'send', { status: { from: 'READY', to: 'SENT' } }), order!)).toEqual(['AttributeValueChange']);
    expect(eventKindsOf(row('order', 'status', { status: { from: 'SENT', to: 'COMPLETE' }, reason: { from: null, to: 'Carrier activated' } }), order!)).toEqual(['StateChange']);
    expect(eventKindsOf(row('line', 'activate', { status: { from: 'PENDING', to: 'ACTIVE' }, mdn: { from: null, to: '3125550147' } }), line!)).toEqual([
      'StateChange',
      'AttributeValueChange',
    ]);
    expect(eventKindsOf(row('line', 'assign_inventory', { imei: { from: null, to: '352099001761416' } }), line!)).toEqual(['AttributeValueChange']);
    expect(eventKindsOf(row('customer', 'delete', { status: { from: 'PROSPECT', to: null } }), eventSourcesOf('customer')[0]!)).toEqual(['Delete']);
    const product = eventSourcesOf('order')[1]!;
    expect(eventKindsOf(row('order', 'send', { status: { from: 'READY', to: 'SENT' } }), product)).toEqual(['StateChange']);
    expect(eventKindsOf(row('order', 'status', { status: { from: 'PENDING', to: 'READY' } }), product)).toEqual(['AttributeValueChange']);
    expect(eventKindsOf(row('inventory_item', 'receive', { status: { from: null, to: 'AVAILABLE' } }), eventSourcesOf('inventory_item')[0]!)).toEqual(['Create']);
  });

  it('should give an event the same id however often its fan-out runs', () => {
    expect(stableEventId('job:0:productOrder:Create')).toBe(stableEventId('job:0:productOrder:Create'));
    expect(stableEventId('job:0:productOrder:Create')).not.toBe(stableEventId('job:1:productOrder:Create'));
    expect(stableEventId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('a hub’s query', () => {
  const api = 'productOrderingManagement/v4';
  const parsed = (query: string) => {
    const result = parseHubQuery(api, query);
    if (!result.ok) throw new Error(result.problem.message);
    return result.query;
  };
  const event = (eventType: string, resource: Record<string, unknown>) => ({ eventType, resourceName: 'productOrder', resource });

  it('should pass every event without a query, and only the named types with eventType=', () => {
    expect(hubQueryMatches(parsed(''), event('ProductOrderCreateEvent', {}))).toBe(true);
    const types = parsed('eventType=ProductOrderStateChangeEvent,ProductOrderCreateEvent');
    expect(hubQueryMatches(types, event('ProductOrderCreateEvent', {}))).toBe(true);
    expect(hubQueryMatches(types, event('ProductOrderAttributeValueChangeEvent', {}))).toBe(false);
  });

  it('should match a field of the resource under any of its spellings, through lists', () => {
    const order = { state: 'completed', relatedParty: [{ id: 'c-1', role: 'Customer' }], productOrderItem: [{ state: 'completed' }, { state: 'cancelled' }] };
    for (const query of ['state=completed', 'productOrder.state=completed', 'event.productOrder.state=completed', 'state=held,completed']) {
      expect(hubQueryMatches(parsed(query), event('ProductOrderStateChangeEvent', order)), query).toBe(true);
    }
    expect(hubQueryMatches(parsed('state=held'), event('ProductOrderStateChangeEvent', order))).toBe(false);
    expect(hubQueryMatches(parsed('relatedParty.id=c-1&productOrderItem.state=cancelled'), event('ProductOrderStateChangeEvent', order))).toBe(true);
    expect(hubQueryMatches(parsed('eventType=ProductOrderCreateEvent&state=completed'), event('ProductOrderStateChangeEvent', order))).toBe(false);
  });

  it('should say what is wrong with a query it cannot read', () => {
    expect(parseHubQuery(api, 'eventType=CustomerCreateEvent')).toMatchObject({ ok: false, problem: { rule: 'unknown_event_type' } });
    expect(parseHubQuery(api, 'state')).toMatchObject({ ok: false, problem: { rule: 'query_syntax' } });
    expect(parseHubQuery(api, 'a b=c')).toMatchObject({ ok: false, problem: { rule: 'query_syntax' } });
    expect(parseHubQuery(api, '?eventType=ProductOrderCreateEvent')).toMatchObject({ ok: true });
  });
});
