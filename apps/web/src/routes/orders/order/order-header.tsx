import { FULFILLMENT_LABELS, formatCents, ORDER_TRANSITIONS, ORDER_TYPE_LABELS, type TActionAvailability, type TOrderDetail } from '@linedesk/domain';
import { Alert, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconReceipt, IconSend, IconX } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { OrderStatusBadge } from '../../../components/common/badges';
import { HeaderDot, HeaderFigure } from '../../../components/common/header-figure';
import { RouterAnchor } from '../../../components/common/router-anchor';
import { formatCalendarDate, formatDateTime } from '../../../lib/format';
import { useSendOrder } from '../../../hooks/api/provisioning';
import { errorReason } from '../../../lib/form-errors';
import { CancelOrderModal } from './cancel-order-modal';

type Props = {
  order: TOrderDetail;
  /** False for a role that may not send or cancel orders: the actions are not offered at all. */
  canAct: boolean;
};

/** The top of the order: number, type, carrier, status, account, who made it; Send and Cancel at the right. */
export function OrderHeader({ order, canAct }: Props) {
  const [cancelling, setCancelling] = useState(false);
  const send = useSendOrder(order.id);
  // Complete, Partial or Cancelled: nothing is left to send or cancel, so neither is offered.
  const isFinal = ORDER_TRANSITIONS[order.status].length === 0;
  return (
    <Paper style={{ borderColor: 'var(--ld-border)', overflow: 'hidden' }}>
      <Group p="lg" gap="md" align="flex-start" justify="space-between" wrap="wrap">
        <Group gap="md" align="flex-start" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 420px' }}>
          <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
            <IconReceipt size={26} stroke={1.6} />
          </ThemeIcon>
          <Box style={{ minWidth: 0 }}>
            <Group gap="sm" align="center" wrap="wrap">
              <Title order={1}>
                <VisuallyHidden>Order </VisuallyHidden>
                {order.orderNumber}
              </Title>
              <span data-testid="order-status">
                <OrderStatusBadge status={order.status} />
              </span>
            </Group>
            <Group gap={8} mt={6} wrap="wrap">
              <Badge variant="outline" color="gray" radius="sm" tt="none" fw={500}>
                {ORDER_TYPE_LABELS[order.orderType]}
              </Badge>
              <Text span fz="sm">
                {order.carrierName}
              </Text>
              <HeaderDot />
              <Text span fz="sm">
                <RouterAnchor to="/customers/$customerId" params={{ customerId: order.customer.id }} fz="sm" fw={600}>
                  {order.customer.displayName}
                </RouterAnchor>{' '}
                <Text span className="ld-mono" c="dimmed">
                  {order.customer.accountNumber}
                </Text>
              </Text>
            </Group>
            <Text fz="sm" c="dimmed" mt={4}>
                Created{' '}
                <Tooltip label={formatDateTime(order.createdAt)} openDelay={300} withinPortal>
                  <Text span component="time" dateTime={order.createdAt} fz="sm" c="dimmed">
                    {formatDateTime(order.createdAt)}
                  </Text>
                </Tooltip>{' '}
                by {order.createdBy}
            </Text>
          </Box>
        </Group>
        {canAct && !isFinal && (
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <ActionWithReason
              availability={order.cancel}
              button={(describedBy, disabled) => (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconX size={16} aria-hidden />}
                  aria-describedby={describedBy}
                  {...disabledProps(disabled, () => setCancelling(true))}
                >
                  Cancel
                </Button>
              )}
            />
            {/* The server says whether Send is possible now, and why not: a Pending line, no carrier connection… */}
            <ActionWithReason
              availability={order.send}
              button={(describedBy, disabled) => (
                <Button
                  leftSection={<IconSend size={16} aria-hidden />}
                  aria-describedby={describedBy}
                  loading={send.isPending}
                  {...disabledProps(disabled, send.send)}
                >
                  Send
                </Button>
              )}
            />
          </Group>
        )}
      </Group>
      <SimpleGrid
        component="dl"
        cols={{ base: 2, sm: 3, md: 5 }}
        spacing={0}
        m={0}
        style={{ borderTop: '1px solid var(--ld-border)', background: 'var(--mantine-color-gray-0)' }}
      >
        <HeaderFigure label="Lines">{order.lines.length}</HeaderFigure>
        <HeaderFigure label="Monthly charges">{formatCents(order.monthlyCents)}</HeaderFigure>
        <HeaderFigure label="One-time charges">{formatCents(order.oneTimeCents)}</HeaderFigure>
        <HeaderFigure label="Deposit">{formatCents(order.depositCents)}</HeaderFigure>
        <HeaderFigure label="Fulfillment">
          <Text span fz="sm" fw={600}>
            {FULFILLMENT_LABELS[order.fulfillment]}
          </Text>
          {order.requestedDueDate && (
            <Text span fz="xs" c="dimmed" fw={400} display="block">
              Due {formatCalendarDate(order.requestedDueDate)}
            </Text>
          )}
        </HeaderFigure>
      </SimpleGrid>
      {/* An unanswered Send that the order shows went through after all needs no word. */}
      {send.isError && !(send.answerLost && !order.send.allowed) && (
        <Box px="lg" pb="md">
          <SendError error={send.error} answerLost={send.answerLost} carrierName={order.carrierName} onDismiss={send.reset} />
        </Box>
      )}
      {order.notes && (
        <Box px="lg" py="sm" style={{ borderTop: '1px solid var(--ld-border)' }}>
          <Text fz="xs" fw={600} c="dimmed" tt="uppercase" lts="0.04em">
            Notes
          </Text>
          <Text fz="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
            {order.notes}
          </Text>
        </Box>
      )}
      {canAct && <CancelOrderModal order={order} opened={cancelling} onClose={() => setCancelling(false)} />}
    </Paper>
  );
}

/**
 * An action and, under it, why it is not possible now. The reason is text on the page (and the
 * button's description), not a tooltip: keyboard and screen-reader users get it too. A disabled
 * button stays focusable (aria-disabled), so it can be reached and its reason heard.
 */
function ActionWithReason({
  availability,
  button,
}: {
  availability: TActionAvailability;
  button: (describedBy: string | undefined, disabled: boolean) => ReactNode;
}) {
  const reasonId = useId();
  const disabled = !availability.allowed;
  const reason = disabled ? availability.reason : null;
  return (
    <Stack gap={4} align="flex-end" maw={260}>
      {button(reason ? reasonId : undefined, disabled)}
      {reason && (
        <Text id={reasonId} fz="xs" c="dimmed" ta="right">
          {reason}
        </Text>
      )}
    </Stack>
  );
}

/** Looks and reads as disabled, yet keeps focus (a `disabled` button drops out of the Tab order, and its reason with it). */
const DISABLED = { 'aria-disabled': true, 'data-disabled': true, onClick: (event: { preventDefault: () => void }) => event.preventDefault() } as const;

function disabledProps(disabled: boolean, onClick: () => void) {
  return disabled ? DISABLED : { onClick };
}

/**
 * Send did not go through. A refusal says why (someone else sent or changed the order: the page shows it
 * as it now is). A lost answer may still have reached the server: Send again retries the same request,
 * which the server answers once, so the order never goes to the carrier twice.
 */
function SendError({ error, answerLost, carrierName, onDismiss }: { error: unknown; answerLost: boolean; carrierName: string; onDismiss: () => void }) {
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertCircle size={18} aria-hidden />}
      title={answerLost ? 'Send may not have gone through' : 'The order was not sent'}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onDismiss}
    >
      <Text fz="sm">{errorReason(error)}</Text>
      {answerLost && (
        <Text fz="sm" mt={4}>
          Click Send again when the connection is back: it repeats the same request, so the order goes to {carrierName} only once.
        </Text>
      )}
    </Alert>
  );
}
