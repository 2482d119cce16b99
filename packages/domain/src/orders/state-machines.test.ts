import { describe, expect, it } from 'vitest';
import { canTransition, CUSTOMER_TRANSITIONS, INVENTORY_TRANSITIONS, LINE_TRANSITIONS, ORDER_TRANSITIONS, reachableFrom, type TransitionTable } from './state-machines.js';

const terminals = <S extends string>(table: TransitionTable<S>) => (Object.keys(table) as S[]).filter((s) => table[s].length === 0);

describe('state machines', () => {
  it.each([
    ['order', ORDER_TRANSITIONS, 'PENDING'],
    ['line', LINE_TRANSITIONS, 'PENDING'],
    ['customer', CUSTOMER_TRANSITIONS, 'PROSPECT'],
    ['inventory item', INVENTORY_TRANSITIONS, 'AVAILABLE'],
  ] as const)('should reach every %s status from the start, and every status should reach an end', (_name, table, start) => {
    const all = Object.keys(table);
    expect([...reachableFrom(table as TransitionTable<string>, start)].sort()).toEqual([...all].sort());
    for (const status of all) {
      const ends = [...reachableFrom(table as TransitionTable<string>, status)].filter((s) => terminals(table as TransitionTable<string>).includes(s));
      expect(ends.length, `${status} reaches an end`).toBeGreaterThan(0);
    }
  });

  it('should send an order only when Ready, and never reopen a Complete one', () => {
    expect(canTransition(ORDER_TRANSITIONS, 'READY', 'SENT')).toBe(true);
    expect(canTransition(ORDER_TRANSITIONS, 'PENDING', 'SENT')).toBe(false);
    expect(canTransition(ORDER_TRANSITIONS, 'COMPLETE', 'PENDING')).toBe(false);
    expect(canTransition(ORDER_TRANSITIONS, 'SENT', 'CANCELLED')).toBe(false);
  });

  it('should reserve only Available stock and put it back when unassigned', () => {
    expect(canTransition(INVENTORY_TRANSITIONS, 'AVAILABLE', 'RESERVED')).toBe(true);
    expect(canTransition(INVENTORY_TRANSITIONS, 'ACTIVE', 'RESERVED')).toBe(false);
    expect(canTransition(INVENTORY_TRANSITIONS, 'RESERVED', 'AVAILABLE')).toBe(true);
  });

  it('should activate a line only from Pending and suspend only an Active one', () => {
    expect(canTransition(LINE_TRANSITIONS, 'PENDING', 'ACTIVE')).toBe(true);
    expect(canTransition(LINE_TRANSITIONS, 'PENDING', 'SUSPENDED')).toBe(false);
    expect(canTransition(LINE_TRANSITIONS, 'SUSPENDED', 'ACTIVE')).toBe(true);
  });
});
