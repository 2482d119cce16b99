import type { TOrderDetail } from '@linedesk/domain';
import { Badge, Box, Group, Loader, Paper, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockExclamation, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { HeaderFigure } from '../../../components/common/header-figure';
import { formatDateTime, formatTimeOfDay } from '../../../lib/format';

/** The code our server gives an order after it stopped retrying a carrier it could not reach. */
const UNREACHABLE = 'CARRIER_UNREACHABLE';

type Tone = { color: string; icon: ReactNode };

const TONES = {
  waiting: { color: 'blue', icon: <Loader size={18} color="blue" aria-hidden /> },
  working: { color: 'brand', icon: <Loader size={18} aria-hidden /> },
  retrying: { color: 'orange', icon: <IconClockExclamation size={22} aria-hidden /> },
  done: { color: 'green', icon: <IconCircleCheck size={22} aria-hidden /> },
  partial: { color: 'orange', icon: <IconAlertTriangle size={22} aria-hidden /> },
  error: { color: 'red', icon: <IconAlertTriangle size={22} aria-hidden /> },
  past: { color: 'gray', icon: <IconInfoCircle size={22} aria-hidden /> },
} satisfies Record<string, Tone>;

type Summary = { tone: Tone; headline: string; detail: ReactNode };

/**
 * Where the order stands with its carrier, once it has been sent: waiting, being activated, a retry
 * scheduled after the carrier could not be reached, done, or refused with the carrier's code and text
 * and what to do about it. Nothing is shown before the first Send.
 */
export function CarrierStatus({ order }: { order: TOrderDetail }) {
  const { carrier } = order;
  if (carrier.attempts === 0 && !order.awaitingCarrier) return null;
  const summary = summarize(order);
  const tone = summary.tone;
  const refused = tone === TONES.error;
  return (
    <Paper
      component="section"
      aria-label="Carrier"
      data-testid="carrier-status"
      style={{
        borderColor: refused ? 'var(--mantine-color-red-4)' : 'var(--ld-border)',
        borderLeft: `4px solid var(--mantine-color-${tone.color}-${refused ? 6 : 5})`,
        overflow: 'hidden',
      }}
    >
      <Group px="lg" py="md" gap="md" align="flex-start" wrap="nowrap" bg={refused ? 'red.0' : undefined}>
        <ThemeIcon size={40} radius="md" variant="light" color={tone.color} aria-hidden>
          {tone.icon}
        </ThemeIcon>
        {/* Announced as it changes: the page follows the carrier by itself. */}
        <Box role="status" aria-live="polite" style={{ minWidth: 0, flex: 1 }}>
          <Text fw={700} fz="md" c={refused ? 'red.9' : undefined}>
            {summary.headline}
          </Text>
          <Box fz="sm" mt={2}>
            {summary.detail}
          </Box>
        </Box>
      </Group>
      <SimpleGrid
        component="dl"
        cols={{ base: 1, xs: 3 }}
        spacing={0}
        m={0}
        style={{ borderTop: '1px solid var(--ld-border)', background: 'var(--mantine-color-gray-0)' }}
      >
        <HeaderFigure label="Carrier request ID">
          {carrier.requestId ? (
            <Text span className="ld-mono" fz="sm" fw={600}>
              {carrier.requestId}
            </Text>
          ) : (
            <Text span fz="sm" c="dimmed" fw={400}>
              Not yet assigned
            </Text>
          )}
        </HeaderFigure>
        <HeaderFigure label="Send attempts">{carrier.attempts}</HeaderFigure>
        <HeaderFigure label="Last sent">
          {carrier.lastSentAt ? (
            <Text span component="time" dateTime={carrier.lastSentAt} fz="sm" fw={600}>
              {formatDateTime(carrier.lastSentAt)}
            </Text>
          ) : (
            <Text span fz="sm" c="dimmed" fw={400}>
              Not yet
            </Text>
          )}
        </HeaderFigure>
      </SimpleGrid>
    </Paper>
  );
}

function summarize(order: TOrderDetail): Summary {
  const { carrier, carrierName } = order;
  const active = order.lines.filter((line) => line.status === 'ACTIVE').length;
  const total = order.lines.length;
  const refusedLines = order.lines.some((line) => line.carrierRejection);
  switch (order.status) {
    case 'SENT':
    case 'IN_PROGRESS':
      if (carrier.retry) {
        return {
          tone: TONES.retrying,
          headline: `Carrier unreachable; retrying at ${formatTimeOfDay(carrier.retry.at)} (try ${carrier.retry.tries + 1})`,
          detail: (
            <>
              {carrier.error && <CarrierError error={carrier.error} prefix="Last problem" color="orange" />}
              <Text fz="sm" c="dimmed">
                LineDesk keeps trying {carrierName} by itself, with the same request, so the order is never sent twice. This page updates by itself.
              </Text>
            </>
          ),
        };
      }
      if (order.status === 'SENT') {
        return {
          tone: TONES.waiting,
          headline: `Sent to ${carrierName}`,
          detail: (
            <Text fz="sm" c="dimmed">
              Waiting for {carrierName} to accept the order. This page updates by itself.
            </Text>
          ),
        };
      }
      return {
        tone: TONES.working,
        headline: `${carrierName} is activating ${total === 1 ? 'the line' : 'the lines'}`,
        detail: (
          <Text fz="sm" c="dimmed">
            {total > 1 ? `${active} of ${total} lines active so far. ` : ''}Each line turns Active with its number as the carrier completes it. This page
            updates by itself.
          </Text>
        ),
      };
    case 'COMPLETE':
      return {
        tone: TONES.done,
        headline: total === 1 ? `${carrierName} activated the line` : `${carrierName} activated all ${total} lines`,
        detail: (
          <Text fz="sm" c="dimmed">
            The order is complete. {total === 1 ? 'Its number and activation date are' : 'Each line’s number and activation date are'} on the
            lines below.
          </Text>
        ),
      };
    case 'PARTIAL':
      return {
        tone: TONES.partial,
        headline: `${carrierName} activated ${active} of ${total} lines`,
        detail: (
          <>
            {carrier.error && <CarrierError error={carrier.error} />}
            <Text fz="sm" c="dimmed">
              The lines it refused are marked below with its reason; the active lines are in service.
            </Text>
          </>
        ),
      };
    case 'ERROR': {
      const unreachable = carrier.error?.code === UNREACHABLE;
      return {
        tone: TONES.error,
        headline: unreachable ? `${carrierName} could not be reached` : `${carrierName} rejected the order`,
        detail: (
          <>
            {carrier.error && <CarrierError error={carrier.error} />}
            <Text fz="sm" mt={6}>
              <Text span fw={700} fz="sm">
                What to do:{' '}
              </Text>
              {unreachable
                ? `LineDesk stopped retrying. Check with ${carrierName} or an admin (Catalog › Carriers holds the connection), then Send again.`
                : whatToDo(order)}
              {!unreachable && refusedLines ? ' The lines it refused are marked below.' : ''}
            </Text>
          </>
        ),
      };
    }
    default:
      // Sent before and back to be fixed (Pending, Ready), or cancelled after the carrier refused it.
      return {
        tone: TONES.past,
        headline: carrier.error ? `${carrierName} refused the last send` : `Sent to ${carrierName} before`,
        detail: (
          <>
            {carrier.error && <CarrierError error={carrier.error} />}
            <Text fz="sm" c="dimmed">
              {order.status === 'CANCELLED' ? 'The order was cancelled afterwards.' : 'Send again once the order is Ready.'}
            </Text>
          </>
        ),
      };
  }
}

/**
 * What the agent does about a refusal, from the carriers' codes: a SIM or device the carrier will not
 * take is rescanned on the Inventory tab; a port-in's account number or PIN is corrected with the customer
 * (Edit port-in on the line); a number under a port-out block waits for the customer to lift it; a number
 * that is not the customer's is another order.
 */
function whatToDo(order: TOrderDetail): string {
  // The lines' own codes say most; without any, the order's.
  const lineCodes = order.lines.flatMap((line) => (line.carrierRejection ? [line.carrierRejection.code] : []));
  const codes = lineCodes.length > 0 ? lineCodes : order.carrier.error ? [order.carrier.error.code] : [];
  if (codes.length > 0 && codes.every((code) => code.startsWith('PORT_'))) {
    if (codes.every((code) => code === 'PORT_NUMBER_NOT_PORTABLE')) {
      return 'The number has a port-out block at the old carrier: the customer asks that carrier to lift it, then Send again.';
    }
    if (codes.every((code) => code === 'PORT_NUMBER_NOT_FOUND')) {
      return 'Check the number being ported with the customer. A different number needs a new order (Cancel this one); if the number is right, correct the old carrier’s details with Edit port-in on the line and Send again.';
    }
    return 'Correct the port-in details (account number, PIN) with the customer: Edit port-in on the line, then Send again.';
  }
  if (!codes.some((code) => /SIM|ICCID|EID/.test(code)) && codes.some((code) => /DEVICE|IMEI|MEID|ESN/.test(code))) {
    return 'Fix the order — e.g. rescan the device — and Send again.';
  }
  return 'Fix the order — e.g. rescan the SIM — and Send again.';
}

/** The carrier's own code and words. */
function CarrierError({ error, prefix, color = 'red' }: { error: { code: string; text: string }; prefix?: string; color?: string }) {
  return (
    <Group gap={8} wrap="nowrap" align="baseline" mb={2}>
      {prefix && (
        <Text span fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {prefix}:
        </Text>
      )}
      <Badge variant="outline" color={color} radius="sm" tt="none" fw={600} className="ld-mono" style={{ flexShrink: 0 }}>
        {error.code}
      </Badge>
      <Text span fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {error.text}
      </Text>
    </Group>
  );
}
