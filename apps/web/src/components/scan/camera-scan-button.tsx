import { Alert, Badge, Box, Button, Center, Group, Loader, Modal, Select, Stack, Text, type ButtonProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle, IconBarcode, IconCamera } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { barcodeFormatName, BOX_BARCODE_FORMATS, type BarcodeFormat } from './barcode-reader';
import { useCameraScanner, type DetectedBarcode } from './use-camera-scanner';

/** How a camera scan was read. */
export interface CameraScan {
  /** The barcode format as the Barcode Detection API names it ("code_128", "ean_13"…); `classifyScan` takes it as `format`. */
  format: string;
  /** The format for people ("Code 128", "EAN-13"). */
  formatName: string;
}

export interface CameraScanButtonProps {
  /** Called once for each barcode that comes into view, with its text exactly as encoded. */
  onScan: (text: string, scan: CameraScan) => void;
  /** The barcode formats to read; by default those on device boxes and SIM kits, product codes included. */
  formats?: readonly BarcodeFormat[];
  /** The button's text. */
  label?: string;
  /** The camera dialog's title. */
  title?: string;
  /** The line under the camera view saying what to point it at. */
  hint?: ReactNode;
  /** Shown in the dialog under the barcodes read: what the scans did (assigned, refused…), say. */
  children?: ReactNode;
  disabled?: boolean;
  buttonProps?: Omit<ButtonProps, 'children' | 'disabled'>;
}

/** True where the browser can open a camera (a secure page with media devices). */
export function canUseCamera(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/**
 * "Scan with camera": opens the device's camera in a dialog and reads barcodes until Done, handing each one
 * to `onScan`. Renders nothing where there is no camera API, so a barcode scanner or the keyboard remains.
 */
export function CameraScanButton({
  onScan,
  formats = BOX_BARCODE_FORMATS,
  label = 'Scan with camera',
  title = 'Scan with camera',
  hint = 'Point the camera at a barcode: the IMEI, EID or ICCID on the box or SIM card. Each barcode is read once.',
  children,
  disabled,
  buttonProps,
}: CameraScanButtonProps) {
  const [opened, setOpened] = useState(false);
  // On a phone the camera gets the whole screen.
  const isSmallScreen = useMediaQuery('(max-width: 36em)');
  if (!canUseCamera()) return null;
  return (
    <>
      <Button variant="default" leftSection={<IconCamera size={16} aria-hidden />} {...buttonProps} disabled={disabled} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} size="lg" fullScreen={isSmallScreen}>
        {opened && (
          <CameraScanPanel formats={formats} onScan={onScan} hint={hint} onDone={() => setOpened(false)}>
            {children}
          </CameraScanPanel>
        )}
      </Modal>
    </>
  );
}

type Read = { id: number; text: string; formatName: string };
const MAX_READS_SHOWN = 12;

function CameraScanPanel(props: { formats: readonly BarcodeFormat[]; onScan: CameraScanButtonProps['onScan']; hint: ReactNode; children: ReactNode; onDone: () => void }) {
  const { formats, onScan, hint, children, onDone } = props;
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [reads, setReads] = useState<Read[]>([]);
  const nextReadId = useRef(1);

  const onDetect = ({ text, format }: DetectedBarcode) => {
    const formatName = barcodeFormatName(format);
    const id = nextReadId.current++;
    setReads((previous) => [{ id, text, formatName }, ...previous].slice(0, MAX_READS_SHOWN));
    onScan(text, { format, formatName });
  };
  const { videoRef, state, cameras, cameraId } = useCameraScanner({ active: true, deviceId, formats, onDetect });

  return (
    <Stack gap="sm">
      {cameras.length > 1 && (
        <Select
          label="Camera"
          data={cameras.map((camera) => ({ value: camera.deviceId, label: camera.label }))}
          value={deviceId ?? cameraId}
          onChange={(value) => value && setDeviceId(value)}
          allowDeselect={false}
        />
      )}
      <Box pos="relative" bg="dark.9" style={{ aspectRatio: '4 / 3', maxHeight: '50vh', width: '100%', borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}>
        <video ref={videoRef} muted playsInline aria-label="Camera view" style={{ display: 'block', width: '100%', height: '100%', objectFit: 'cover' }} />
        {state.status === 'scanning' && (
          // A frame to aim with; barcodes anywhere in view are read.
          <Box
            aria-hidden
            pos="absolute"
            style={{ inset: '25% 10%', border: '2px solid rgba(255, 255, 255, 0.85)', borderRadius: 'var(--mantine-radius-md)', boxShadow: '0 0 0 100vmax rgba(0, 0, 0, 0.25)' }}
          />
        )}
        {state.status === 'starting' && (
          <Center pos="absolute" inset={0} c="white">
            <Group gap="xs">
              <Loader size="sm" color="white" />
              <Text size="sm">Starting the camera…</Text>
            </Group>
          </Center>
        )}
      </Box>
      {state.status === 'failed' ? (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} aria-hidden />} title="Camera not available">
          {state.reason}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
      <Stack gap={6} role="log" aria-label="Barcodes read">
        {reads.length === 0 ? (
          <Text size="sm" c="dimmed">
            No barcode read yet.
          </Text>
        ) : (
          reads.map((read) => (
            <Group key={read.id} gap="xs" wrap="nowrap">
              <IconBarcode size={18} aria-hidden style={{ flexShrink: 0 }} />
              <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
                {read.text}
              </Text>
              <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
                {read.formatName}
              </Badge>
            </Group>
          ))
        )}
      </Stack>
      {children}
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
