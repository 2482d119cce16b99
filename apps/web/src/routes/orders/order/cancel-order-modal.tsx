import { ZCancelOrderRequest, type TOrderDetail } from '@linedesk/domain';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/common/form-alert';
import { useCancelOrder } from '../../../hooks/api/orders';
import { serverFieldErrors, validateWith } from '../../../lib/form-errors';

/** Cancel, with the reason it is cancelled (kept in the order's History). */
export function CancelOrderModal({ order, opened, onClose }: { order: TOrderDetail; opened: boolean; onClose: () => void }) {
  const cancel = useCancelOrder(order.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    cancel.reset();
    setError(null);
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = validateWith(ZCancelOrderRequest, { reason });
    if (!parsed.ok) {
      setError(parsed.errors.reason ?? null);
      return;
    }
    setError(null);
    cancel.mutate(parsed.data, {
      onSuccess: () => {
        setReason('');
        onClose();
      },
    });
  };

  const lineCount = order.lines.length === 1 ? 'its line' : `its ${order.lines.length} lines`;
  const reserved = order.lines.some((line) => line.items.some((item) => item.itemId !== null));
  return (
    <Modal opened={opened} onClose={close} title={`Cancel order ${order.orderNumber}?`} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text fz="sm">
            The order and {lineCount} are cancelled and will not go to {order.carrierName}.
            {reserved ? ' The devices and SIMs assigned to it go back to Available stock.' : ''} This cannot be undone.
          </Text>
          <FormAlert error={cancel.error} />
          <Textarea
            label="Reason"
            description="Kept in the order's History."
            placeholder="e.g. The customer changed their mind in store"
            required
            autosize
            minRows={3}
            maxRows={8}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={error ?? serverFieldErrors(cancel.error).reason}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Keep the order
            </Button>
            <Button type="submit" color="red" loading={cancel.isPending}>
              Cancel order
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
