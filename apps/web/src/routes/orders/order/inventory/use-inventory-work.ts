import type { TOrderLine, TOrderLineItem } from '@linedesk/domain';
import { useCallback, useRef, useState } from 'react';
import { useUnassignInventory } from '../../../../hooks/api/orders';
import type { InventoryEvent } from './scan-results';
import { useScanQueue } from './use-scan-queue';

/** How many results stay listed; older ones scroll off. */
const MAX_EVENTS = 60;

/**
 * The Inventory tab's work: the scan queue, unassigning, and the results so far. It lives with the
 * order page, not the tab, so a look at History mid-scan loses neither a queued scan nor a result.
 */
export function useInventoryWork(orderId: string) {
  const [events, setEvents] = useState<InventoryEvent[]>([]);
  const nextId = useRef(-1);
  const add = useCallback((event: InventoryEvent) => setEvents((current) => [event, ...current].slice(0, MAX_EVENTS)), []);
  const queue = useScanQueue(orderId, add);
  const unassign = useUnassignInventory(orderId);

  const unassignItem = (item: TOrderLineItem, line: TOrderLine, onSettled: () => void) => {
    unassign.mutate(item.itemId ? { itemId: item.itemId } : { lineId: line.id, value: item.value }, {
      onSuccess: () => add({ id: nextId.current--, kind: 'unassigned', item, linePosition: line.position }),
      onError: (error) => add({ id: nextId.current--, kind: 'unassign-failed', item, linePosition: line.position, error }),
      onSettled,
    });
  };

  return {
    events,
    clear: () => setEvents([]),
    submit: queue.submit,
    busy: queue.busy,
    waiting: queue.waiting,
    unassignItem,
    /** The item (or the customer's own device's identifier) being taken off right now. */
    unassigningId: unassign.isPending && unassign.variables ? ('itemId' in unassign.variables ? unassign.variables.itemId : unassign.variables.value) : null,
  };
}

export type InventoryWork = ReturnType<typeof useInventoryWork>;
