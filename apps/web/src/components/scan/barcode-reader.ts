import type { BarcodeDetector, BarcodeFormat } from 'barcode-detector/ponyfill';
// Vite copies the reader's WebAssembly into our own build (dist/assets, hashed) and gives its URL: the
// barcode reader is served by this server, never fetched from the package's default CDN.
import zxingReaderWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

export type { BarcodeFormat };

/** The barcodes on device boxes and SIM kits: Code 128 (IMEI, ICCID, EID, serial), 2D codes, and retail product codes. */
export const BOX_BARCODE_FORMATS: readonly BarcodeFormat[] = [
  'code_128',
  'code_39',
  'code_93',
  'data_matrix',
  'qr_code',
  'pdf417',
  'ean_13',
  'ean_8',
  'upc_a',
  'upc_e',
  'itf',
];

const FORMAT_NAMES: Partial<Record<string, string>> = {
  code_128: 'Code 128',
  code_39: 'Code 39',
  code_93: 'Code 93',
  data_matrix: 'Data Matrix',
  qr_code: 'QR code',
  pdf417: 'PDF417',
  ean_13: 'EAN-13',
  ean_8: 'EAN-8',
  upc_a: 'UPC-A',
  upc_e: 'UPC-E',
  itf: 'ITF',
};

/** "Code 128" for "code_128": the format as printed in scanner manuals. */
export function barcodeFormatName(format: string): string {
  return FORMAT_NAMES[format] ?? format.replace(/_/g, ' ');
}

// One overrides object for the page's life: the reader compares overrides to decide whether to reload.
const ZXING_OVERRIDES = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingReaderWasmUrl : prefix + path),
};

/**
 * A BarcodeDetector (the Barcode Detection API, implemented on ZXing's WebAssembly for browsers without
 * it) whose .wasm comes from our origin. The module is loaded on first use, so pages that never open the
 * camera never download the reader; it resolves once the reader is ready, or fails saying why.
 */
export async function createBarcodeDetector(formats: readonly BarcodeFormat[]): Promise<BarcodeDetector> {
  const { BarcodeDetector: Detector, prepareZXingModule } = await import('barcode-detector/ponyfill');
  await prepareZXingModule({ overrides: ZXING_OVERRIDES, fireImmediately: true });
  return new Detector({ formats: [...formats] });
}
