import { useEffect, useRef, useState, type RefObject } from 'react';
import { createBarcodeDetector, type BarcodeFormat } from './barcode-reader';

export type CameraScannerState =
  | { status: 'starting' }
  | { status: 'scanning' }
  | { status: 'failed'; reason: string };

export type CameraDevice = { deviceId: string; label: string };

export type DetectedBarcode = { text: string; format: string };

/** How often a frame is read: fast enough to feel instant, slow enough to leave the phone's CPU alone. */
const FRAME_INTERVAL_MS = 150;
/**
 * A barcode held in view is read once. It is read again only after it has been out of view for a few frames
 * in a row and this long (a slow device reads few frames a second, and one blurred frame is not leaving).
 */
const REPEAT_AFTER_MS = 1500;
const REPEAT_AFTER_MISSED_FRAMES = 3;

/**
 * While `active`, shows the camera in `videoRef` and reads barcodes from it, calling `onDetect` once per
 * barcode that comes into view. Stops the camera when inactive or unmounted.
 */
export function useCameraScanner(options: {
  active: boolean;
  deviceId: string | null;
  formats: readonly BarcodeFormat[];
  onDetect: (barcode: DetectedBarcode) => void;
}): { videoRef: RefObject<HTMLVideoElement | null>; state: CameraScannerState; cameras: CameraDevice[]; cameraId: string | null } {
  const { active, deviceId, formats } = options;
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const onDetectRef = useRef(options.onDetect);
  const [state, setState] = useState<CameraScannerState>({ status: 'starting' });
  const [cameras, setCameras] = useState<CameraDevice[]>([]);
  const [cameraId, setCameraId] = useState<string | null>(null);
  const formatsKey = formats.join(',');

  useEffect(() => {
    onDetectRef.current = options.onDetect;
  });

  useEffect(() => {
    if (!active) return;
    let isStopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tracked = new Map<string, { seenAt: number; missedFrames: number }>();
    const element = videoRef.current;

    async function start() {
      setState({ status: 'starting' });
      // The reader downloads while the browser asks for the camera.
      const detector = createBarcodeDetector(formatsKey.split(',') as BarcodeFormat[]);
      detector.catch(() => undefined);
      const video = { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } };
      stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: deviceId ? { ...video, deviceId: { exact: deviceId } } : video });
      if (isStopped) return stopStream(stream);
      if (!element) throw new Error('the camera view is not on the page');
      element.srcObject = stream;
      // A camera unplugged or taken by another app ends its track.
      stream.getVideoTracks()[0]?.addEventListener('ended', () => fail(new DOMException('The camera stopped', 'NotReadableError')));
      await element.play();
      // Camera names are only given once the camera is allowed.
      const devices = await navigator.mediaDevices.enumerateDevices();
      if (isStopped) return;
      setCameras(listCameras(devices));
      setCameraId(stream.getVideoTracks()[0]?.getSettings().deviceId ?? null);
      const reader = await detector;
      if (isStopped) return;
      setState({ status: 'scanning' });

      const readFrame = async () => {
        if (isStopped) return;
        if (element.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
          const barcodes = (await reader.detect(element)).filter((barcode) => barcode.rawValue !== '');
          const now = performance.now();
          const inView = new Set(barcodes.map((barcode) => `${barcode.format}:${barcode.rawValue}`));
          for (const [key, seen] of tracked) if (!inView.has(key)) seen.missedFrames++;
          for (const barcode of barcodes) {
            const key = `${barcode.format}:${barcode.rawValue}`;
            const seen = tracked.get(key);
            const isBack = seen !== undefined && seen.missedFrames >= REPEAT_AFTER_MISSED_FRAMES && now - seen.seenAt > REPEAT_AFTER_MS;
            tracked.set(key, { seenAt: now, missedFrames: 0 });
            if (!isStopped && (seen === undefined || isBack)) onDetectRef.current({ text: barcode.rawValue, format: barcode.format });
          }
        }
        if (!isStopped) timer = setTimeout(() => void readFrame().catch(fail), FRAME_INTERVAL_MS);
      };
      await readFrame();
    }

    function fail(error: unknown) {
      if (!isStopped) setState({ status: 'failed', reason: cameraFailure(error) });
    }

    start().catch(fail);
    return () => {
      isStopped = true;
      clearTimeout(timer);
      if (stream) stopStream(stream);
      if (element) element.srcObject = null;
    };
  }, [active, deviceId, formatsKey]);

  return { videoRef, state, cameras, cameraId };
}

function stopStream(stream: MediaStream) {
  for (const track of stream.getTracks()) track.stop();
}

function listCameras(devices: MediaDeviceInfo[]): CameraDevice[] {
  return devices
    .filter((device) => device.kind === 'videoinput' && device.deviceId !== '')
    .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `Camera ${index + 1}` }));
}

/** What went wrong, in words for the clerk, with what to do instead. */
function cameraFailure(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera access was not allowed. Allow the camera for this site in the browser, or scan with a barcode scanner or type the number instead.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found on this device. Scan with a barcode scanner or type the number instead.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera could not be started; another app may be using it. Close it and try again.';
    default:
      return `The camera scanner could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}
