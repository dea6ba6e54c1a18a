// Loaded into Chromium by bench/scannerDecode.ts (bundled with esbuild): decodes every frame with
// html5-qrcode's own per-frame decoder (zxing-js, as the app's scanner runs it) and with the
// barcode-detector polyfill (ZXing-C++ WebAssembly) through html5-qrcode's BarcodeDetector
// delegate, the path html5-qrcode takes when `window.BarcodeDetector` exists.
import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import { Html5QrcodeShim } from 'html5-qrcode/esm/code-decoder';
import { BaseLoggger, Html5QrcodeSupportedFormats } from 'html5-qrcode/esm/core';
import { BarcodeDetectorDelegate } from 'html5-qrcode/esm/native-bar-code-detector';

export interface FrameOutcome {
  ok: boolean;
  ms: number;
}

export interface ScanRunResult {
  /** outcomes[decoder][frame] */
  outcomes: Record<string, FrameOutcome[]>;
  /** The first decode of each decoder on a fresh page (the polyfill fetches and compiles its
   * .wasm then). */
  coldMs: Record<string, number>;
}

// The .wasm is served by the bench server, next to the page: nothing from a CDN.
prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.wasm') ? new URL(`/${path}`, location.href).href : prefix + path,
  },
});

const QR = [Html5QrcodeSupportedFormats.QR_CODE];
const logger = new BaseLoggger(false);

async function run(
  frameCount: number,
  width: number,
  height: number,
  texts: string[],
  runs: number,
) {
  const bytes = new Uint8Array(await (await fetch('/frames.bin')).arrayBuffer());
  const canvases: HTMLCanvasElement[] = [];
  for (let f = 0; f < frameCount; f++) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context');
    const image = context.createImageData(width, height);
    const offset = f * width * height;
    for (let i = 0; i < width * height; i++) {
      const v = bytes[offset + i] ?? 0;
      image.data[i * 4] = v;
      image.data[i * 4 + 1] = v;
      image.data[i * 4 + 2] = v;
      image.data[i * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    canvases.push(canvas);
  }
  // html5-qrcode's shim without a BarcodeDetector: its zxing-js decoder, as in the app today.
  const zxingJs = new Html5QrcodeShim(QR, false, false, logger);
  // The polyfill on window, then html5-qrcode's own delegate for it.
  (window as unknown as { BarcodeDetector: typeof BarcodeDetector }).BarcodeDetector =
    BarcodeDetector;
  const polyfill = new BarcodeDetectorDelegate(QR, false, logger);
  const decoders: Record<string, (c: HTMLCanvasElement) => Promise<{ text: string }>> = {
    'html5-qrcode (zxing-js)': (c) => zxingJs.decodeAsync(c),
    'barcode-detector polyfill (ZXing-C++ wasm)': (c) => polyfill.decodeAsync(c),
  };
  const coldMs: Record<string, number> = {};
  const first = canvases[0];
  if (!first) throw new Error('no frames');
  for (const [name, decode] of Object.entries(decoders)) {
    const t0 = performance.now();
    await decode(first).catch(() => undefined);
    coldMs[name] = performance.now() - t0;
  }
  const outcomes: Record<string, FrameOutcome[]> = {};
  for (let r = 0; r < runs; r++)
    for (let f = 0; f < canvases.length; f++) {
      const canvas = canvases[f];
      if (!canvas) continue;
      for (const [name, decode] of Object.entries(decoders)) {
        const t0 = performance.now();
        const text = await decode(canvas).then(
          (result) => result.text,
          () => null,
        );
        (outcomes[name] ??= []).push({ ok: text === texts[f], ms: performance.now() - t0 });
      }
    }
  return { outcomes, coldMs } satisfies ScanRunResult;
}

declare global {
  interface Window {
    benchScan?: typeof run;
  }
}
window.benchScan = run;
