import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import { ZXING_WASM_SHA256 } from 'zxing-wasm/reader';
import { REPO_ROOT, startServer, type RunningServer } from './support/server-process.js';

// The camera scanner (apps/web/src/components/scan) in Debian's Chromium, with Chromium's fake camera
// showing a device box's barcodes: an IMEI in Code 128 and the EAN-13 product code. The component is
// built by the web app's own Vite config into a one-page app that only mounts it, served by our real
// server (static files, CSP, MIME types) from WEB_DIST_DIR; no order page is needed to prove it.

const IMEI = '352099001761481';
const EAN_13 = '4006381333931';
const WORK_DIR = path.join(REPO_ROOT, '.test-output/camera-scan');
const HARNESS_SRC = path.join(WORK_DIR, 'src');
const HARNESS_DIST = path.join(WORK_DIR, 'dist');
const CAMERA_FILE = path.join(WORK_DIR, 'box-barcodes.y4m');
const COMPONENT = path.join(REPO_ROOT, 'apps/web/src/components/scan/camera-scan-button.tsx');
const THEME = path.join(REPO_ROOT, 'apps/web/src/theme.ts');

/** The page: the button, and a list of every onScan call (what an order page would POST). */
const HARNESS_ENTRY = `
import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { createElement as h, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CameraScanButton } from ${JSON.stringify(COMPONENT)};
import { theme } from ${JSON.stringify(THEME)};

function Harness() {
  const [calls, setCalls] = useState([]);
  const onScan = (text, scan) => setCalls((previous) => [...previous, text + ' ' + scan.format]);
  return h('main', { style: { padding: 24 } },
    h('h1', null, 'Camera scan'),
    h(CameraScanButton, { onScan }),
    h('ul', { 'aria-label': 'onScan calls' }, calls.map((call, index) => h('li', { key: index }, call))));
}

createRoot(document.getElementById('root')).render(h(StrictMode, null, h(MantineProvider, { theme }, h(Harness))));
`;

async function buildHarness() {
  mkdirSync(HARNESS_SRC, { recursive: true });
  writeFileSync(path.join(HARNESS_SRC, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><link rel="icon" href="data:," /><title>Camera scan</title></head><body><div id="root"></div><script type="module" src="./harness.jsx"></script></body></html>');
  writeFileSync(path.join(HARNESS_SRC, 'harness.jsx'), HARNESS_ENTRY);
  await build({
    configFile: path.join(REPO_ROOT, 'apps/web/vite.config.ts'),
    root: HARNESS_SRC,
    logLevel: 'warn',
    build: { outDir: HARNESS_DIST, emptyOutDir: true },
  });
}

/** One 640×480 YUV4MPEG2 frame (what --use-file-for-fake-video-capture plays) with the barcodes drawn black on white. */
async function writeCameraFile() {
  prepareZXingModule({ overrides: { wasmBinary: readFileSync(path.join(REPO_ROOT, 'node_modules/zxing-wasm/dist/writer/zxing_writer.wasm')).buffer as ArrayBuffer } });
  const width = 640;
  const height = 480;
  const luma = new Uint8Array(width * height).fill(235);
  const draw = async (text: string, format: 'Code128' | 'EAN13', top: number) => {
    const { symbol, error } = await writeBarcode(text, { format });
    if (error || !symbol) throw new Error(`cannot draw ${text}: ${error}`);
    const scale = 3;
    const left = Math.floor((width - symbol.width * scale) / 2);
    for (let row = 0; row < 140; row++) {
      for (let column = 0; column < symbol.width * scale; column++) {
        luma[(top + row) * width + left + column] = (symbol.data[Math.floor(column / scale)] ?? 255) < 128 ? 16 : 235;
      }
    }
  };
  await draw(IMEI, 'Code128', 60);
  await draw(EAN_13, 'EAN13', 280);
  const chroma = new Uint8Array((width / 2) * (height / 2)).fill(128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  writeFileSync(CAMERA_FILE, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame]));
}

function launchWithFakeCamera(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${CAMERA_FILE}`,
    ],
  });
}

describe('scanning with the camera', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    rmSync(WORK_DIR, { recursive: true, force: true });
    await Promise.all([buildHarness(), writeCameraFile()]);
    server = await startServer({ env: { WEB_DIST_DIR: HARNESS_DIST } });
    browser = await launchWithFakeCamera();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openHarness(): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const context = await browser.newContext();
    await context.grantPermissions(['camera'], { origin: server.url });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(server.url);
    return { page, requests, problems };
  }

  it('should read each barcode in view once, hand it to onScan, and fetch the reader only from our own origin', async () => {
    const { page, requests, problems } = await openHarness();
    const wasmResponse = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('.wasm'));
    await page.getByRole('button', { name: 'Scan with camera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scan with camera' });
    await expect(dialog.getByRole('button', { name: 'Done' }).isVisible()).resolves.toBe(true);

    const calls = page.getByRole('list', { name: 'onScan calls' }).getByRole('listitem');
    await expect.poll(() => calls.allTextContents(), { timeout: 20_000 }).toEqual(expect.arrayContaining([`${IMEI} code_128`, `${EAN_13} ean_13`]));
    const barcodesRead = dialog.getByRole('log', { name: 'Barcodes read' });
    await expect.poll(() => barcodesRead.textContent()).toContain(IMEI);
    expect(await barcodesRead.textContent()).toContain('Code 128');
    mkdirSync(process.env.E2E_SHOTS_DIR ?? '/tmp/shots', { recursive: true });
    await page.screenshot({ path: path.join(process.env.E2E_SHOTS_DIR ?? '/tmp/shots', 'camera-scan.png') });

    // The barcodes stay in view, frame after frame: still one call each.
    await page.waitForTimeout(1500);
    expect((await calls.allTextContents()).sort()).toEqual([`${IMEI} code_128`, `${EAN_13} ean_13`]);

    const wasm = await wasmResponse;
    expect(new URL(wasm.url()).origin).toBe(server.url);
    expect(wasm.status()).toBe(200);
    expect(wasm.headers()['content-type']).toBe('application/wasm');
    expect(createHash('sha256').update(await wasm.body()).digest('hex')).toBe(ZXING_WASM_SHA256);
    expect(requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(problems).toEqual([]);

    // Done closes the dialog and turns the camera off.
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
    await page.context().close();
  });

  it("should build the reader into the app's own assets and serve it as application/wasm, cached for good under its hashed name", async () => {
    const wasmFiles = readdirSync(path.join(HARNESS_DIST, 'assets')).filter((name) => name.endsWith('.wasm'));
    expect(wasmFiles).toEqual([expect.stringMatching(/^zxing_reader-[\w-]+\.wasm$/)]);
    const response = await fetch(`${server.url}/assets/${wasmFiles[0]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex')).toBe(ZXING_WASM_SHA256);
  });

  it('should show no camera button where the browser has no camera API', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => Object.defineProperty(navigator, 'mediaDevices', { value: undefined }));
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Camera scan' }).waitFor();
    expect(await page.getByRole('button', { name: 'Scan with camera' }).count()).toBe(0);
    await context.close();
  });

  it('should say so when the camera is not allowed, all by keyboard', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Camera scan' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Scan with camera');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Scan with camera' });
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Camera access was not allowed');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await context.close();
  });
});
