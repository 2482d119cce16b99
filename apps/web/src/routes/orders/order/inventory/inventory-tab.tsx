import { inventoryChangeRefusal, type TOrderDetail } from '@linedesk/domain';
import { Alert, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useRef } from 'react';
import { LineInventory } from './line-inventory';
import { ScanPanel } from './scan-panel';
import { ScanResults } from './scan-results';
import type { InventoryWork } from './use-inventory-work';

/** How many of the latest results the camera dialog shows under its view. */
const CAMERA_EVENTS = 4;

/** Why this agent cannot change the order's inventory now; null when they can. */
export type InventoryLock = string | null;

/** The order's Inventory tab: the scan field, what each scan did, and each line's device and SIM. */
export function InventoryTab({ order, lock, work }: { order: TOrderDetail; lock: InventoryLock; work: InventoryWork }) {
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const results = (count?: number) => <ScanResults events={count ? work.events.slice(0, count) : work.events} lines={order.lines} onClear={work.clear} />;
  return (
    <Stack gap="md" p="lg">
      {lock ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} role="note">
          {lock}
        </Alert>
      ) : (
        <>
          <ScanPanel
            lines={order.lines}
            onSubmit={work.submit}
            busy={work.busy}
            waiting={work.waiting}
            inputRef={fieldRef}
            cameraResults={results(CAMERA_EVENTS)}
          />
          {results()}
        </>
      )}
      {order.lines.map((line) => (
        <LineInventory
          key={line.id}
          line={line}
          // Back to the scan field afterwards: the next thing to do is usually to scan the right one.
          onUnassign={lock ? null : (item) => work.unassignItem(item, line, () => fieldRef.current?.focus())}
          unassigningId={work.unassigningId}
        />
      ))}
    </Stack>
  );
}

/** Inventory can change until the order goes to the carrier (and again after the carrier refused it). */
export function inventoryLock(order: TOrderDetail, canWorkInventory: boolean): InventoryLock {
  if (!canWorkInventory) return 'Your role can see this order’s Inventory but not change it.';
  const refusal = inventoryChangeRefusal(order.status, order.carrier.error?.code ?? null);
  return refusal ? `${refusal}.` : null;
}
