import type { TOrderLine, TOrderLineItem, TOrderScanEntry } from '@linedesk/domain';
import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconCircleMinus, IconCircleX } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { errorReason } from '../../../../lib/form-errors';
import { lineNumber, makeModel } from '../../order-text';
import type { ScanBatch } from './use-scan-queue';

/** What happened, newest first: each scan's entries, a refused submission, an item taken off a line. */
export type InventoryEvent =
  | ScanBatch
  | { id: number; kind: 'unassigned'; item: TOrderLineItem; linePosition: number }
  | { id: number; kind: 'unassign-failed'; item: TOrderLineItem; linePosition: number; error: unknown };

export function ScanResults({ events, lines, onClear }: { events: InventoryEvent[]; lines: TOrderLine[]; onClear: () => void }) {
  const headingId = useId();
  // The line an entry went to, by id: "Line 1" is named the same way everywhere on the page.
  const lineLabel = (entry: TOrderScanEntry) => {
    const line = lines.find((l) => l.id === entry.lineId);
    if (line) return `Line ${lineNumber(line.position)}`;
    return entry.linePosition === null ? 'a line' : `Line ${entry.linePosition}`;
  };
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="center">
        <Text fz="xs" fw={600} c="dimmed" tt="uppercase" lts="0.04em" id={headingId}>
          Results
        </Text>
        {events.length > 0 && (
          <Button variant="subtle" size="compact-xs" color="gray" onClick={onClear}>
            Clear results
          </Button>
        )}
      </Group>
      {/* A log: each new result is announced to screen readers as it arrives. */}
      <Paper
        role="log"
        aria-live="polite"
        aria-labelledby={headingId}
        style={{ borderColor: 'var(--ld-border)', overflow: 'hidden' }}
        bg="white"
      >
        {events.length === 0 ? (
          <Text fz="sm" c="dimmed" px="md" py="sm">
            Nothing scanned yet. Each scan says which line it went to and the device&apos;s make and model, or why it was refused.
          </Text>
        ) : (
          <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {events.flatMap((event) => rowsOf(event, lineLabel))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

function rowsOf(event: InventoryEvent, lineLabel: (entry: TOrderScanEntry) => string): ReactNode[] {
  switch (event.kind) {
    case 'entries':
      return event.entries.map((entry, index) => <EntryRow key={`${event.id}-${index}`} entry={entry} lineLabel={lineLabel(entry)} />);
    case 'failed':
      return [
        <Row key={event.id} tone="refused" title={`Not assigned: “${shorten(event.text)}”`}>
          {errorReason(event.error)}
        </Row>,
      ];
    case 'unassigned':
      return [
        <Row key={event.id} tone="info" title={`${event.item.identifierKind} ${event.item.display} taken off Line ${lineNumber(event.linePosition)}`}>
          {event.item.itemId ? 'It is Available in stock again.' : 'The customer’s own device is no longer on the line.'}
        </Row>,
      ];
    case 'unassign-failed':
      return [
        <Row key={event.id} tone="refused" title={`${event.item.identifierKind} ${event.item.display} is still on Line ${lineNumber(event.linePosition)}`}>
          {errorReason(event.error)}
        </Row>,
      ];
  }
}

/** The server's plain "Assigned to line 1: Aurora X5" says no more than the title; anything else (notes, the customer's own device) is kept. */
const PLAIN_ASSIGNED = /^Assigned to line \d+: [^.]*$/;

function EntryRow({ entry, lineLabel }: { entry: TOrderScanEntry; lineLabel: string }) {
  const what = entry.identifierKind && entry.display ? `${entry.identifierKind} ${entry.display}` : `“${shorten(entry.input)}”`;
  if (entry.outcome === 'ASSIGNED') {
    const device = makeModel(entry);
    return (
      <Row tone="assigned" title={`${what} → ${lineLabel}${device ? ` · ${device}` : ''}`}>
        {PLAIN_ASSIGNED.test(entry.message) ? 'Reserved from stock for this line.' : entry.message}
      </Row>
    );
  }
  if (entry.outcome === 'REFUSED') {
    return (
      <Row tone="refused" title={`Refused: ${what}`} rule={entry.rule}>
        {entry.message}
      </Row>
    );
  }
  return (
    <Row tone="skipped" title={`${entry.outcome === 'DUPLICATE' ? 'Duplicate' : 'Ignored'}: ${what}`} rule={null}>
      {entry.message}
    </Row>
  );
}

const TONES = {
  assigned: { color: 'green', icon: IconCircleCheck },
  refused: { color: 'red', icon: IconCircleX },
  skipped: { color: 'gray', icon: IconCircleMinus },
  info: { color: 'blue', icon: IconArrowBackUp },
} as const;

function Row({ tone, title, rule, children }: { tone: keyof typeof TONES; title: string; rule?: string | null; children: ReactNode }) {
  const { color, icon: Icon } = TONES[tone];
  return (
    <Group
      component="li"
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      px="md"
      py={8}
      data-outcome={tone}
      style={{ borderBottom: '1px solid var(--ld-border)', borderLeft: `3px solid var(--mantine-color-${color}-6)` }}
    >
      <ThemeIcon size={22} radius="xl" variant="light" color={color} aria-hidden mt={1}>
        <Icon size={15} />
      </ThemeIcon>
      <div style={{ minWidth: 0 }}>
        <Text fz="sm" fw={600} c={tone === 'refused' ? 'red.8' : tone === 'assigned' ? 'green.9' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Text>
        <Text fz="xs" c={tone === 'refused' ? 'red.8' : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
          {children}
          {rule && (
            <>
              {' '}
              <Text span className="ld-mono" c="dimmed">
                ({rule})
              </Text>
            </>
          )}
        </Text>
      </div>
    </Group>
  );
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
