// JavaScript a tablet loads before the intake screen is usable: every script the page fetched
// until the scan button shows, gzip-compressed as a server would send it. The scanner chunk is
// loaded only when the camera opens, and must not be among them.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { setUpTablet } from './device';
import { launchBrowser, machine, ORIGIN, record } from './lib';

/** Measures and records the intake screen's JavaScript weight. */
export async function benchBundleSize(): Promise<{ gzipKB: number }> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await setUpTablet(page, ORIGIN);
  // A second, ordinary start of the set-up tablet: what it loads until intake is usable.
  const scripts = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
  });
  await page.reload();
  await page.getByRole('button', { name: 'Scannen met de camera' }).waitFor();
  await browser.close();
  const files = [...scripts].map((path) => {
    const bytes = readFileSync(new URL(`../dist${path}`, import.meta.url));
    return {
      path,
      rawKB: bytes.length / 1024,
      gzipKB: gzipSync(bytes, { level: 9 }).length / 1024,
    };
  });
  const scannerLoaded = files.some((f) => f.path.includes('CameraScanner'));
  // What opening the camera adds (after intake is usable): the scanner chunk — html5-qrcode and
  // the barcode-detector polyfill — and the ZXing-C++ .wasm it fetches on the first frame, both
  // precached by the service worker so the scanner works offline.
  const swText = readFileSync(new URL('../dist/sw.js', import.meta.url), 'utf8');
  const scanner = readdirSync(new URL('../dist/assets', import.meta.url))
    .filter((name) => /^(CameraScanner-.*\.js|zxing_reader-.*\.wasm)$/.test(name))
    .map((name) => {
      const bytes = readFileSync(new URL(`../dist/assets/${name}`, import.meta.url));
      return {
        path: `/assets/${name}`,
        rawKB: bytes.length / 1024,
        gzipKB: gzipSync(bytes, { level: 9 }).length / 1024,
        precached: swText.includes(`assets/${name}`),
      };
    });
  const gzipKB = files.reduce((s, f) => s + f.gzipKB, 0);
  const result = {
    files,
    gzipKB,
    scannerLoaded,
    scanner,
    machine: machine(),
    measuredAt: new Date().toISOString(),
  };
  const rows = files
    .map((f) => `| \`${f.path}\` | ${f.rawKB.toFixed(1)} | ${f.gzipKB.toFixed(1)} |`)
    .join('\n');
  record(
    'bundle-size',
    result,
    `| script | raw KB | gzip KB |
|---|---|---|
${rows}
| **total** | | **${gzipKB.toFixed(1)}** (target < 200 KB: **${gzipKB < 200 ? 'met' : 'missed'}**) |

Scanner chunk loaded before intake: ${scannerLoaded ? '**yes (defect)**' : 'no'}.

Loaded only when the camera opens (since the barcode-detector polyfill is in the app, the scanner
decodes with ZXing-C++ as WebAssembly wherever the browser has no native \`BarcodeDetector\`):

| file | raw KB | gzip KB | precached by the service worker |
|---|---|---|---|
${scanner.map((f) => `| \`${f.path}\` | ${f.rawKB.toFixed(1)} | ${f.gzipKB.toFixed(1)} | ${f.precached ? 'yes' : '**no**'} |`).join('\n')}

Measured ${result.measuredAt}.`,
  );
  return { gzipKB };
}
