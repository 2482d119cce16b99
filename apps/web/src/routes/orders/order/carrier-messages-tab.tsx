import { CARRIER_MESSAGE_DIRECTION_LABELS, type CarrierMessageDirection, type TCarrierMessage, type TOrderDetail } from '@linedesk/domain';
import { Badge, Box, Button, Code, CopyButton, Group, Loader, ScrollArea, Table, Text, Tooltip } from '@mantine/core';
import {
  IconArrowDownLeft,
  IconArrowUpRight,
  IconBell,
  IconCheck,
  IconChevronDown,
  IconChevronRight,
  IconCopy,
  IconMessages,
  IconPlugConnectedX,
  IconRefresh,
} from '@tabler/icons-react';
import { Fragment, useId, useState, type ReactNode } from 'react';
import { DataTable } from '../../../components/common/data-table';
import { ErrorAlert, LoadingState, StateMessage } from '../../../components/common/status-state';
import { useCarrierMessages } from '../../../hooks/api/provisioning';
import { formatRelative } from '../../../lib/format';

// Exchanges with a carrier happen within seconds of each other: the list shows the seconds.
const preciseFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const DIRECTIONS: Record<CarrierMessageDirection, { color: string; icon: ReactNode }> = {
  REQUEST: { color: 'blue', icon: <IconArrowUpRight size={12} aria-hidden /> },
  RESPONSE: { color: 'teal', icon: <IconArrowDownLeft size={12} aria-hidden /> },
  CALLBACK: { color: 'grape', icon: <IconBell size={12} aria-hidden /> },
  POLL: { color: 'gray', icon: <IconRefresh size={12} aria-hidden /> },
  ERROR: { color: 'red', icon: <IconPlugConnectedX size={12} aria-hidden /> },
};

/**
 * Every request sent to the carrier for this order and everything that came back — responses,
 * the carrier's notifications, status checks, delivery errors — oldest first, each with its payload
 * as sent or received (PINs, credentials and signatures redacted), like "View Carrier Order".
 */
export function CarrierMessagesTab({ order }: { order: TOrderDetail }) {
  const messages = useCarrierMessages(order.id, order.awaitingCarrier);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  if (messages.isPending) return <LoadingState label="Loading the carrier messages" />;
  if (messages.isError) {
    return (
      <Box p="lg">
        <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} title="Could not load the carrier messages" />
      </Box>
    );
  }
  if (messages.data.length === 0) {
    return order.awaitingCarrier ? (
      <StateMessage icon={<Loader size={22} aria-hidden />} color="blue" title="Sending to the carrier">
        The order is queued for {order.carrierName}; its request and the carrier&apos;s replies appear here as they happen.
      </StateMessage>
    ) : (
      <StateMessage icon={<IconMessages size={24} />} color="gray" title="Nothing has been sent to the carrier yet">
        The requests LineDesk sends to {order.carrierName} for this order, and the carrier&apos;s replies, appear here once the order is sent.
      </StateMessage>
    );
  }

  const rows = messages.data;
  const severalSends = rows.some((message) => message.attempt > 1);
  return (
    <>
      <Group justify="space-between" px="lg" py="sm" gap="sm" style={{ borderBottom: '1px solid var(--ld-border)' }}>
        <Text fz="sm" c="dimmed">
          {rows.length === 1 ? '1 message' : `${rows.length} messages`}, oldest first · secrets are shown as [redacted]
        </Text>
        {order.awaitingCarrier && (
          <Group gap={6}>
            <Loader size={12} aria-hidden />
            <Text fz="xs" c="dimmed">
              Updating while the order is at the carrier
            </Text>
          </Group>
        )}
      </Group>
      <DataTable
        label="Carrier messages"
        columns={[
          'Time',
          severalSends && 'Send',
          'Direction',
          'Operation',
          { label: 'HTTP', align: 'right' },
          'Summary',
          { label: 'Payload', align: 'right' },
        ]}
        minWidth={1000}
        verticalSpacing={10}
        horizontalSpacing="sm"
      >
        {rows.map((message) => (
          <MessageRows
            key={message.id}
            message={message}
            showAttempt={severalSends}
            columns={severalSends ? 7 : 6}
            expanded={open.has(message.id)}
            onToggle={() => toggle(message.id)}
          />
        ))}
      </DataTable>
    </>
  );
}

function MessageRows({
  message,
  showAttempt,
  columns,
  expanded,
  onToggle,
}: {
  message: TCarrierMessage;
  showAttempt: boolean;
  columns: number;
  expanded: boolean;
  onToggle: () => void;
}) {
  const payloadId = useId();
  const direction = DIRECTIONS[message.direction];
  const label = CARRIER_MESSAGE_DIRECTION_LABELS[message.direction];
  return (
    <Fragment>
      <Table.Tr data-active={expanded || undefined} style={{ verticalAlign: 'top' }}>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Text component="time" dateTime={message.at} fz="sm" display="block" className="ld-num">
            {preciseFormat.format(new Date(message.at))}
          </Text>
          <Text fz="xs" c="dimmed">
            {formatRelative(message.at)}
          </Text>
        </Table.Td>
        {showAttempt && (
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Text fz="sm">Send {message.attempt}</Text>
          </Table.Td>
        )}
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Badge variant="light" color={direction.color} radius="sm" tt="none" fw={600} leftSection={direction.icon}>
            {label}
          </Badge>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Text className="ld-mono" fz="sm">
            {message.operation}
          </Text>
        </Table.Td>
        <Table.Td ta="right">
          <HttpStatus status={message.httpStatus} />
        </Table.Td>
        <Table.Td miw={220}>
          <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {message.summary}
          </Text>
        </Table.Td>
        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={onToggle}
            aria-expanded={expanded}
            aria-controls={expanded ? payloadId : undefined}
            aria-label={`${expanded ? 'Hide' : 'View'} the payload of ${label.toLowerCase()} at ${preciseFormat.format(new Date(message.at))}`}
            leftSection={expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          >
            {expanded ? 'Hide' : 'View'}
          </Button>
        </Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr id={payloadId}>
          <Table.Td colSpan={columns} bg="gray.0" px="lg" py="sm">
            <Payload message={message} label={label} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** The payload as formatted JSON, monospace, scrollable when long, with a Copy button. */
function Payload({ message, label }: { message: TCarrierMessage; label: string }) {
  const json = payloadText(message.payload);
  return (
    <Box pos="relative">
      <Group justify="space-between" mb={6}>
        <Text fz="xs" fw={600} c="dimmed" tt="uppercase" lts="0.04em">
          Payload · {message.operation}
        </Text>
        <CopyButton value={json} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy the JSON'} withArrow withinPortal>
              <Button
                size="compact-xs"
                variant={copied ? 'light' : 'default'}
                color={copied ? 'teal' : 'gray'}
                leftSection={copied ? <IconCheck size={12} aria-hidden /> : <IconCopy size={12} aria-hidden />}
                onClick={copy}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
        {/* A focusable region, so a long payload scrolls from the keyboard too. */}
        <Code
          block
          tabIndex={0}
          role="region"
          aria-label={`Payload of the ${label.toLowerCase()}`}
          fz="xs"
          style={{ whiteSpace: 'pre', background: 'var(--mantine-color-white)', border: '1px solid var(--ld-border)' }}
        >
          {json}
        </Code>
      </ScrollArea.Autosize>
    </Box>
  );
}

function payloadText(payload: unknown): string {
  if (payload === null || payload === undefined) return 'No body';
  if (typeof payload === 'string') return payload;
  return JSON.stringify(payload, null, 2);
}

function HttpStatus({ status }: { status: number | null }) {
  if (status === null) {
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    );
  }
  const color = status >= 500 ? 'red' : status >= 400 ? 'orange' : status >= 300 ? 'gray' : 'green';
  return (
    <Badge variant="outline" color={color} radius="sm" fw={600} className="ld-num">
      {status}
    </Badge>
  );
}
