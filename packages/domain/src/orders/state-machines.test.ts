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

  it.each([
    ['order', ORDER_TRANSITIONS, ['COMPLETE', 'PARTIAL', 'CANCELLED']],
    ['line', LINE_TRANSITIONS, ['DISCONNECTED', 'CANCELLED']],
    ['customer', CUSTOMER_TRANSITIONS, ['CLOSED']],
    ['inventory item', INVENTORY_TRANSITIONS, ['REMOVED']],
  ] as const)('should end a %s only in its documented final statuses, which have no way out', (_name, table, finals) => {
    expect(terminals(table as TransitionTable<string>).sort()).toEqual([...finals].sort());
    for (const status of finals) expect(reachableFrom(table as TransitionTable<string>, status)).toEqual(new Set([status]));
  });

  const walk = <S extends string>(table: TransitionTable<S>, path: readonly S[]) =>
    path.slice(1).every((to, i) => canTransition(table, path[i]!, to));

  it.each([
    ['the carrier completes it', ['PENDING', 'READY', 'SENT', 'IN_PROGRESS', 'COMPLETE']],
    ['the carrier completes it before acknowledging it', ['PENDING', 'READY', 'SENT', 'COMPLETE']],
    ['the carrier refuses some lines', ['PENDING', 'READY', 'SENT', 'IN_PROGRESS', 'PARTIAL']],
    ['the carrier refuses it, the agent fixes it and sends it again', ['PENDING', 'READY', 'SENT', 'IN_PROGRESS', 'ERROR', 'SENT', 'IN_PROGRESS', 'COMPLETE']],
    ['the agent unassigns a SIM after a refusal and scans another', ['READY', 'SENT', 'ERROR', 'PENDING', 'READY', 'SENT']],
    ['the carrier completes a send we gave up reaching it for', ['READY', 'SENT', 'ERROR', 'COMPLETE']],
    ['an item is unassigned, then the order cancelled', ['PENDING', 'READY', 'PENDING', 'CANCELLED']],
    ['a refused order is cancelled', ['SENT', 'ERROR', 'CANCELLED']],
  ] as const)('should allow the order lifecycle where %s', (_case, path) => {
    expect(walk(ORDER_TRANSITIONS, path)).toBe(true);
  });

  it.each([
    ['a line activated, suspended, restored and disconnected', LINE_TRANSITIONS, ['PENDING', 'ACTIVE', 'SUSPENDED', 'ACTIVE', 'DISCONNECTED']],
    ['a line cancelled before activation', LINE_TRANSITIONS, ['PENDING', 'CANCELLED']],
    ['stock reserved, put in service, returned and sold again', INVENTORY_TRANSITIONS, ['AVAILABLE', 'RESERVED', 'ACTIVE', 'RETURNED', 'AVAILABLE', 'RESERVED']],
    ['stock unassigned from a line', INVENTORY_TRANSITIONS, ['AVAILABLE', 'RESERVED', 'AVAILABLE']],
    ['a returned device found defective and written off', INVENTORY_TRANSITIONS, ['RETURNED', 'DEFECTIVE', 'REMOVED']],
    ['a customer opened at its first completion and closed', CUSTOMER_TRANSITIONS, ['PENDING', 'OPEN', 'CLOSED']],
  ] as const)('should allow %s', (_case, table, path) => {
    expect(walk(table as TransitionTable<string>, path as readonly string[])).toBe(true);
  });

  it.each([
    ['an order the carrier holds cancelled', ORDER_TRANSITIONS, 'SENT', 'CANCELLED'],
    ['an order in progress cancelled', ORDER_TRANSITIONS, 'IN_PROGRESS', 'CANCELLED'],
    ['an order sent while still Pending', ORDER_TRANSITIONS, 'PENDING', 'SENT'],
    ['a Partial order sent again', ORDER_TRANSITIONS, 'PARTIAL', 'SENT'],
    ['an active line cancelled', LINE_TRANSITIONS, 'ACTIVE', 'CANCELLED'],
    ['a cancelled line activated', LINE_TRANSITIONS, 'CANCELLED', 'ACTIVE'],
    ['stock put in service without a line', INVENTORY_TRANSITIONS, 'AVAILABLE', 'ACTIVE'],
    ['stock in service taken back to Available directly', INVENTORY_TRANSITIONS, 'ACTIVE', 'AVAILABLE'],
  ] as const)('should refuse %s', (_case, table, from, to) => {
    expect(canTransition(table as TransitionTable<string>, from, to)).toBe(false);
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
