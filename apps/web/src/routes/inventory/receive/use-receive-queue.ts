import { parseIdentifier, type InventoryKind, type TReceiveStockItem, type TStockItem } from '@linedesk/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { lookUpIdentifier, useReceiveStockItem } from '../../../hooks/api/inventory';
import { errorReason } from '../../../lib/form-errors';
import { isApiError } from '../../../lib/api-client';

/** One scanned item on the running list: on its way, received, or refused with the server's reason. */
export type ReceivedEntry = { id: number; identifiers: string[] } & (
  | { state: 'sending' }
  | { state: 'received'; item: TStockItem }
  | { state: 'refused'; message: string }
);

/** What every item scanned now is received with (kind, carrier, make and model…), read when its turn comes. */
export type ReceiveSettings = Omit<TReceiveStockItem, 'identifiers'> & { kind: InventoryKind };

type Hooks = {
  settings: () => ReceiveSettings;
  /** A device's make and model came from the TAC table of its IMEI (null: its TAC has no entry): the form shows them for the next scans. */
  onTacModel: (entry: { tac: string; make: string; model: string } | null) => void;
  /** The TAC the make and model shown were filled from; null when a person typed them (or they are empty). */
  prefilledTac: () => string | null;
};

/**
 * Scans are queued, never dropped: a keyboard-wedge scanner can fire the next code while the last is
 * still on its way. One item is received at a time, in the order scanned. Before a device whose
 * make and model are empty (or were filled from another TAC) is sent, its IMEI's TAC entry fills them.
 */
export function useReceiveQueue(hooks: Hooks) {
  const receive = useReceiveStockItem();
  const [entries, setEntries] = useState<ReceivedEntry[]>([]);
  const queue = useRef<{ id: number; identifiers: string[] }[]>([]);
  const running = useRef(false);
  const nextId = useRef(1);
  const latest = useRef({ mutateAsync: receive.mutateAsync, hooks });
  useEffect(() => {
    latest.current = { mutateAsync: receive.mutateAsync, hooks };
  });

  const settle = (id: number, entry: ReceivedEntry) => setEntries((list) => list.map((e) => (e.id === id ? entry : e)));

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    for (let head = queue.current.shift(); head !== undefined; head = queue.current.shift()) {
      const { mutateAsync, hooks: current } = latest.current;
      try {
        let settings = current.settings();
        if (settings.kind === 'DEVICE') settings = await withTacModel(settings, head.identifiers[0] ?? '', current);
        const item = await mutateAsync({ ...settings, identifiers: head.identifiers });
        settle(head.id, { id: head.id, identifiers: head.identifiers, state: 'received', item });
      } catch (error) {
        settle(head.id, { id: head.id, identifiers: head.identifiers, state: 'refused', message: refusal(error) });
      }
    }
    running.current = false;
  }, []);

  const submit = useCallback(
    (identifiers: string[]) => {
      const id = nextId.current++;
      queue.current.push({ id, identifiers });
      setEntries((list) => [{ id, identifiers, state: 'sending' }, ...list]);
      void pump();
    },
    [pump],
  );

  return { entries, submit, clear: () => setEntries((list) => list.filter((entry) => entry.state === 'sending')) };
}

async function withTacModel(settings: ReceiveSettings, raw: string, hooks: Hooks): Promise<ReceiveSettings> {
  const parsed = parseIdentifier(raw, { expect: ['IMEI'] });
  if (!parsed.ok || parsed.kind !== 'IMEI') return settings;
  const typedByHand = (settings.make || settings.model) && hooks.prefilledTac() === null;
  if (typedByHand || hooks.prefilledTac() === parsed.tac) return settings;
  try {
    const lookup = await lookUpIdentifier(parsed.value, ['IMEI']);
    if (lookup.device?.source === 'TAC' && lookup.device.make && lookup.device.model) {
      hooks.onTacModel({ tac: parsed.tac, make: lookup.device.make, model: lookup.device.model });
      return { ...settings, make: lookup.device.make, model: lookup.device.model };
    }
  } catch {
    // The receive itself reports what is wrong with the value.
  }
  // No TAC entry: a make and model filled from another TAC do not belong to this device.
  if (hooks.prefilledTac() === null) return settings;
  hooks.onTacModel(null);
  return { ...settings, make: null, model: null };
}

/** The server's reasons, one per refused value, or its one reason. */
function refusal(error: unknown): string {
  if (isApiError(error) && error.fields.length > 0) return [...new Set(error.fields.map((field) => field.message))].join('; ');
  return errorReason(error);
}
