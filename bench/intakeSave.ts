// Save → visible: from the tap on "Bewaren" until the new item's row is in today's list and a
// frame has been painted, over many saves through the real UI in Chromium (real IndexedDB).
import type { Page } from 'playwright-core';
import { generateCode } from '../src/domain';
import { randomBytes } from 'node:crypto';
import { setUpTablet } from './device';
import { launchFreshProfile, machine, ORIGIN, percentile, record } from './lib';

const newCode = (kind: 'item' | 'cage') =>
  generateCode(kind, (n) => new Uint8Array(randomBytes(n)));

export async function saveOnce(page: Page, code: string): Promise<number> {
  await page.getByLabel('Of typ de code van het label').fill(code);
  await page.getByRole('button', { name: 'Openen' }).click();
  await page.locator('.tile').first().waitFor();
  await page.locator('.tile input').nth(13).check();
  // Passed as source text: tsx would wrap named inner functions in a helper the page lacks.
  return page.evaluate<number>(`new Promise((resolve) => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelector('li[data-code="${code}"]')) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.querySelector('form.item-form button[type=submit]').click();
  })`);
}

/** A roll cage holds a few dozen appliances; the run opens a fresh one every CAGE_SIZE items. */
const CAGE_SIZE = 40;

export async function openCage(page: Page, code: string): Promise<void> {
  await page.getByLabel('Of typ de code van het label').fill(code);
  await page.getByRole('button', { name: 'Openen' }).click();
  await page.getByText('Kooi geopend.').first().waitFor();
}

/** `saves` timed saves (after `warmup` untimed ones) on a page already on the intake screen
 * with a cage open; a new cage every CAGE_SIZE items. Returns the timed ms, in order. */
export async function timeSaves(page: Page, saves: number, warmup: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < saves + warmup; i++) {
    if (i > 0 && i % CAGE_SIZE === 0) await openCage(page, newCode('cage'));
    const ms = await saveOnce(page, newCode('item'));
    if (i >= warmup) times.push(ms);
  }
  return times;
}

/** Runs `saves` saves and records median and p95. */
export async function benchIntakeSave(saves = 500): Promise<{ median: number; p95: number }> {
  // An on-disk profile, as a tablet's IndexedDB is on disk (a private window's is in memory).
  const profile = await launchFreshProfile({ width: 1280, height: 800 });
  let times: number[];
  const warmup = 20;
  try {
    const page = await profile.context.newPage();
    await setUpTablet(page, ORIGIN, newCode('cage'));
    times = await timeSaves(page, saves, warmup);
  } finally {
    await profile.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const result = {
    saves,
    warmup,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    minMs: sorted[0],
    maxMs: sorted.at(-1),
    machine: machine(),
    measuredAt: new Date().toISOString(),
  };
  const f = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(1));
  record(
    'intake-save',
    result,
    `| saves | median | p95 | min | max | target |
|---|---|---|---|---|---|
| ${saves} (after ${warmup} warm-up) | ${f(result.medianMs)} ms | ${f(result.p95Ms)} ms | ${f(result.minMs)} ms | ${f(result.maxMs)} ms | p95 < 50 ms: **${result.p95Ms < 50 ? 'met' : 'missed'}** |

Machine: ${result.machine.cores} cores (${result.machine.cpu}), ${result.machine.memoryGiB} GiB, Node ${result.machine.node}, ${result.machine.chromium}. Measured ${result.measuredAt}.`,
  );
  return { median: result.medianMs, p95: result.p95Ms };
}
