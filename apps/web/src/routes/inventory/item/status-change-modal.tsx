import { INVENTORY_STATUS_LABELS, ZStockStatusChange, type InventoryStatus, type TStockItemDetail } from '@linedesk/domain';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/common/form-alert';
import { useChangeStockStatus } from '../../../hooks/api/inventory';
import { serverFieldErrors, validateWith } from '../../../lib/form-errors';

/** What each status a person can set means, for the confirmation. */
const MEANING: Partial<Record<InventoryStatus, string>> = {
  AVAILABLE: 'It goes back into stock, ready to be assigned to an order.',
  DEFECTIVE: 'It cannot be assigned to an order; it can still be Removed later.',
  REMOVED: 'It leaves stock for good (lost, scrapped or sent back to the supplier). This cannot be undone.',
  RETURNED: 'It came back from the customer, to be inspected: then Available, Defective or Removed.',
};

const BUTTON_COLOR: Partial<Record<InventoryStatus, string>> = { DEFECTIVE: 'red', REMOVED: 'red' };

type Props = { item: TStockItemDetail; status: InventoryStatus | null; itemLabel: string; onClose: () => void };

/** Marks an item Defective, Removed, Returned or Available again, with the reason kept in its history. */
export function StatusChangeModal({ item, status, itemLabel, onClose }: Props) {
  const change = useChangeStockStatus(item.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    change.reset();
    setError(null);
    setReason('');
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!status) return;
    const parsed = validateWith(ZStockStatusChange, { status, reason });
    if (!parsed.ok) {
      setError(parsed.errors.reason ?? null);
      return;
    }
    setError(null);
    change.mutate(parsed.data, {
      onSuccess: (updated) => {
        notifications.show({ color: 'green', title: `Marked ${INVENTORY_STATUS_LABELS[updated.status]}`, message: itemLabel });
        close();
      },
    });
  };

  const label = status ? INVENTORY_STATUS_LABELS[status] : '';
  return (
    <Modal opened={status !== null} onClose={close} title={`Mark ${label}?`} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text fz="sm">
            {itemLabel} goes from {INVENTORY_STATUS_LABELS[item.status]} to {label}. {status ? MEANING[status] : ''}
          </Text>
          <FormAlert error={change.error} />
          <Textarea
            label="Reason"
            description="Kept in the item's history."
            placeholder={status === 'DEFECTIVE' ? 'e.g. Screen cracked out of the box' : 'Say why'}
            required
            autosize
            minRows={2}
            maxRows={6}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={error ?? serverFieldErrors(change.error).reason}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Keep it {INVENTORY_STATUS_LABELS[item.status]}
            </Button>
            <Button type="submit" color={status ? BUTTON_COLOR[status] : undefined} loading={change.isPending}>
              Mark {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
