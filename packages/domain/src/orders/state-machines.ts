/**
 * The lifecycles, as data. A transition not in a table is refused; each table has a test that
 * walks its graph. Every transition is audited where it happens.
 */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export function canTransition<S extends string>(table: TransitionTable<S>, from: S, to: S): boolean {
  return table[from].includes(to);
}

/** Pending (awaiting inventory) -> Ready -> Sent -> In progress -> Complete; Error to fix and resend; Partial; Cancelled before the carrier accepted. */
export const ORDER_STATUSES = ['PENDING', 'READY', 'SENT', 'IN_PROGRESS', 'COMPLETE', 'PARTIAL', 'ERROR', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING: 'Pending',
  READY: 'Ready',
  SENT: 'Sent',
  IN_PROGRESS: 'In progress',
  COMPLETE: 'Complete',
  PARTIAL: 'Partial',
  ERROR: 'Error',
  CANCELLED: 'Cancelled',
};
export const ORDER_TRANSITIONS: TransitionTable<OrderStatus> = {
  PENDING: ['READY', 'CANCELLED'],
  READY: ['PENDING', 'SENT', 'CANCELLED'],
  SENT: ['IN_PROGRESS', 'COMPLETE', 'PARTIAL', 'ERROR'],
  IN_PROGRESS: ['COMPLETE', 'PARTIAL', 'ERROR'],
  // Complete and Partial from Error: the carrier completes a send we gave up reaching it for (Carrier unreachable).
  ERROR: ['PENDING', 'READY', 'SENT', 'COMPLETE', 'PARTIAL', 'CANCELLED'],
  COMPLETE: [],
  PARTIAL: [],
  CANCELLED: [],
};

export const LINE_STATUSES = ['PENDING', 'ACTIVE', 'SUSPENDED', 'DISCONNECTED', 'CANCELLED'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const LINE_STATUS_LABELS: Record<LineStatus, string> = {
  PENDING: 'Pending',
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
  DISCONNECTED: 'Disconnected',
  CANCELLED: 'Cancelled',
};
export const LINE_TRANSITIONS: TransitionTable<LineStatus> = {
  PENDING: ['ACTIVE', 'CANCELLED'],
  ACTIVE: ['SUSPENDED', 'DISCONNECTED'],
  SUSPENDED: ['ACTIVE', 'DISCONNECTED'],
  DISCONNECTED: [],
  CANCELLED: [],
};

/** Customer: Pending when its first order is created, Open at the first completion, Closed at the end. */
export const CUSTOMER_TRANSITIONS: TransitionTable<'PROSPECT' | 'PENDING' | 'OPEN' | 'CLOSED'> = {
  PROSPECT: ['PENDING', 'CLOSED'],
  PENDING: ['OPEN', 'CLOSED'],
  OPEN: ['CLOSED'],
  CLOSED: [],
};

/** Stock: Available -> Reserved (on an order line) -> Active (in service) -> Returned -> back in stock, Defective or Removed. */
export const INVENTORY_STATUSES = ['AVAILABLE', 'RESERVED', 'ACTIVE', 'RETURNED', 'DEFECTIVE', 'REMOVED'] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];
export const INVENTORY_STATUS_LABELS: Record<InventoryStatus, string> = {
  AVAILABLE: 'Available',
  RESERVED: 'Reserved',
  ACTIVE: 'Active',
  RETURNED: 'Returned',
  DEFECTIVE: 'Defective',
  REMOVED: 'Removed',
};
export const INVENTORY_TRANSITIONS: TransitionTable<InventoryStatus> = {
  AVAILABLE: ['RESERVED', 'DEFECTIVE', 'REMOVED'],
  RESERVED: ['AVAILABLE', 'ACTIVE'],
  ACTIVE: ['RETURNED'],
  RETURNED: ['AVAILABLE', 'DEFECTIVE', 'REMOVED'],
  DEFECTIVE: ['REMOVED'],
  REMOVED: [],
};

/** Every status reachable from `start` through the table. */
export function reachableFrom<S extends string>(table: TransitionTable<S>, start: S): Set<S> {
  const seen = new Set<S>([start]);
  const queue: S[] = [start];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const to of table[next]) {
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return seen;
}
