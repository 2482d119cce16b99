import type { TOrderScanEntry } from '@linedesk/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useScanInventory } from '../../../../hooks/api/orders';

/** One submission's outcome: the server's entries, or why the whole submission failed. */
export type ScanBatch = { id: number; text: string; lineId: string | null } & (
  | { kind: 'entries'; entries: TOrderScanEntry[] }
  | { kind: 'failed'; error: unknown }
);

/** `format`: the barcode format of a camera read. */
type Pending = { text: string; lineId: string | null; format?: string };

/**
 * Scans are queued, never dropped: a keyboard-wedge scanner can fire the next code while the last
 * one is still on its way to the server. One request is in flight at a time, in the order scanned.
 */
export function useScanQueue(orderId: string, onBatch: (batch: ScanBatch) => void) {
  const scan = useScanInventory(orderId);
  const queue = useRef<Pending[]>([]);
  const running = useRef(false);
  const nextId = useRef(1);
  const latest = useRef({ mutateAsync: scan.mutateAsync, onBatch });
  useEffect(() => {
    latest.current = { mutateAsync: scan.mutateAsync, onBatch };
  });
  const [waiting, setWaiting] = useState(0);
  const [busy, setBusy] = useState(false);

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    for (let head = queue.current[0]; head !== undefined; head = queue.current[0]) {
      // One scan per request: each is its own outcome (a lone wrong kind is refused, not ignored as one
      // of a box's barcodes), and a conflict on one scan cannot undo the others.
      queue.current.shift();
      setWaiting(queue.current.length);
      const { text } = head;
      const id = nextId.current++;
      try {
        const result = await latest.current.mutateAsync({ text, ...(head.lineId ? { lineId: head.lineId } : {}), ...(head.format ? { format: head.format } : {}) });
        latest.current.onBatch({ id, text, lineId: head.lineId, kind: 'entries', entries: result.entries });
      } catch (error) {
        latest.current.onBatch({ id, text, lineId: head.lineId, kind: 'failed', error });
      }
    }
    running.current = false;
    setBusy(false);
  }, []);

  const submit = useCallback(
    (text: string, lineId: string | null, format?: string) => {
      const trimmed = text.trim();
      if (!trimmed) return;
      queue.current.push({ text: trimmed, lineId, ...(format ? { format } : {}) });
      setWaiting(queue.current.length);
      void pump();
    },
    [pump],
  );

  return { submit, busy, waiting };
}
