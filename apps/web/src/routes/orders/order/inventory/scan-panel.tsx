import type { TOrderLine } from '@linedesk/domain';
import { Button, Group, Kbd, Loader, NativeSelect, Paper, Text, Textarea } from '@mantine/core';
import { IconBarcode } from '@tabler/icons-react';
import { useMergedRef } from '@mantine/hooks';
import { useCallback, useId, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { CameraScanButton } from '../../../../components/scan/camera-scan-button';
import { lineOptionLabel } from '../../order-text';

type Props = {
  lines: TOrderLine[];
  onSubmit: (text: string, lineId: string | null, format?: string) => void;
  busy: boolean;
  /** Scans queued behind the one in flight. */
  waiting: number;
  inputRef: Ref<HTMLTextAreaElement>;
  /** Shown in the camera dialog under the barcodes it read: what each did. */
  cameraResults: ReactNode;
};

/**
 * The scan field. A keyboard-wedge scanner types fast and ends with Enter: each Enter sends what was
 * read. A paste sends the whole pasted text at once, however many identifiers it holds (newlines,
 * commas or spaces between them). Shift+Enter starts a new line for a list typed by hand.
 * The field is never disabled while a scan is on its way, so nothing scanned meanwhile is lost.
 */
export function ScanPanel({ lines, onSubmit, busy, waiting, inputRef, cameraResults }: Props) {
  const ids = { hint: useId(), progress: useId() };
  // Focused when it appears, for a scanner to type into at once, without scrolling the page away from
  // its top (the order's status, the carrier's answer).
  const focusOnMount = useCallback((node: HTMLTextAreaElement | null) => node?.focus({ preventScroll: true }), []);
  const ref = useMergedRef(inputRef, focusOnMount);
  const [text, setText] = useState('');
  const [lineId, setLineId] = useState('');
  // A line picked before it left the order (or a stale choice) falls back to "next line".
  const target = lines.some((line) => line.id === lineId) ? lineId : '';

  const send = (value: string) => {
    if (!value.trim()) return;
    onSubmit(value, target || null);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // The DOM's value, not the last render's: a scanner's keystrokes can outrun React.
    send(event.currentTarget.value);
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!pasted.trim()) return;
    event.preventDefault();
    const field = event.currentTarget;
    send(field.value.slice(0, field.selectionStart) + pasted + field.value.slice(field.selectionEnd));
  };

  return (
    <Paper p="md" bg="gray.0" style={{ borderColor: 'var(--ld-border)' }}>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Textarea
          ref={ref}
          label="Scan or paste identifiers"
          placeholder="Scan a barcode, or paste a list"
          autosize
          minRows={1}
          maxRows={8}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          leftSection={<IconBarcode size={18} aria-hidden />}
          leftSectionProps={{ style: { alignItems: 'flex-start', paddingTop: 8 } }}
          rightSection={busy ? <Loader size="xs" aria-hidden /> : null}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          aria-describedby={`${ids.hint} ${ids.progress}`}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          style={{ flex: '1 1 360px' }}
        />
        <NativeSelect
          label="Assign to"
          data={[{ value: '', label: 'Next line that needs it' }, ...lines.map((line) => ({ value: line.id, label: lineOptionLabel(line) }))]}
          value={target}
          onChange={(event) => setLineId(event.currentTarget.value)}
          style={{ flex: '0 1 360px' }}
        />
        <Button mt={25} variant="default" onClick={() => send(text)} disabled={!text.trim()}>
          Assign
        </Button>
        {/* Each barcode the camera reads goes the same way as a scan: to the line picked in Assign to, or the next that needs it. */}
        <CameraScanButton
          onScan={(read, { format }) => onSubmit(read, target || null, format)}
          hint="Point the camera at a barcode: the IMEI on the box, the ICCID on the SIM card or the EID of an eSIM. Each barcode is read once and assigned as it is read."
          buttonProps={{ mt: 25 }}
        >
          {cameraResults}
        </CameraScanButton>
      </Group>
      <Group justify="space-between" gap="xs" mt={8} wrap="wrap">
        <Text id={ids.hint} fz="xs" c="dimmed">
          A scanner&apos;s <Kbd size="xs">Enter</Kbd> assigns each code as it is read. Paste a list to assign many at once; a code scanned
          twice is skipped. <Kbd size="xs">Shift</Kbd>+<Kbd size="xs">Enter</Kbd> starts a new line.
        </Text>
        <Text id={ids.progress} fz="xs" c="dimmed" role="status">
          {busy ? (waiting > 0 ? `Assigning… ${waiting} more waiting` : 'Assigning…') : ''}
        </Text>
      </Group>
    </Paper>
  );
}
