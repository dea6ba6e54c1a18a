// JavaScript a tablet loads before the intake screen is usable: every script the page fetched
// until the scan button shows, gzip-compressed as a server would send it. The scanner chunk is
// loaded only when the camera opens, and must not be among them.
import { readFileSync } from 'node:fs';
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
  const gzipKB = files.reduce((s, f) => s + f.gzipKB, 0);
  const result = {
    files,
    gzipKB,
    scannerLoaded,
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

Scanner chunk loaded before intake: ${scannerLoaded ? '**yes (defect)**' : 'no'}. Measured ${result.measuredAt}.`,
  );
  return { gzipKB };
}
