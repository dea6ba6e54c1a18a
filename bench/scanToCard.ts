// Scan → item card on a workshop phone that holds a whole tenant: from the code's Enter until the
// card of that item is on screen and a frame is painted, in Chromium over real IndexedDB. The
// phone is the last one the fresh-device bench filled (freshDevice.ts), so the tenant is pulled
// once for both.
import type { Page } from 'playwright-core';
import { formatCode } from '../src/domain';
import { machine, percentile, record } from './lib';

export interface ScanTimes {
  scans: number;
  warmup: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/** One code typed into the work screen: ms from the submit until the item's card (its history and
 * workshop steps, read from IndexedDB) is on screen and a frame is painted. */
export async function scanOnce(page: Page, code: string): Promise<number> {
  await page.getByRole('navigation').getByRole('button', { name: 'Werk' }).click();
  await page.getByLabel('Of typ de code van het label').fill(code);
  // Passed as source text: tsx would wrap named inner functions in a helper the page lacks.
  return page.evaluate<number>(`new Promise((resolve) => {
    const start = performance.now();
    const shown = () => [...document.querySelectorAll('#main h1')].some((h) => h.textContent.includes('${formatCode(code)}'))
      && document.querySelector('.bench') !== null;
    const observer = new MutationObserver(() => {
      if (shown()) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.querySelector('form.code-form button[type=submit]').click();
  })`);
}

/** Times `scans` scans (after `warmup`) of codes spread over `items` on a shop phone's page. */
export async function timeScans(
  page: Page,
  items: readonly string[],
  scans: number,
  warmup = 10,
): Promise<ScanTimes> {
  const times: number[] = [];
  for (let n = 0; n < scans + warmup; n++) {
    // Spread over the whole store, not the newest items a cache would favour.
    const code = items[Math.floor((n * 7919) % items.length)] ?? '';
    const ms = await scanOnce(page, code);
    if (n >= warmup) times.push(ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    scans,
    warmup,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? 0,
  };
}

/** Writes the scan-to-card table. */
export function recordScanToCard(r: ScanTimes & { items: number; events: number }): void {
  const m = machine();
  const f = (n: number) => n.toFixed(1);
  record(
    'scan-to-card',
    { ...r, machine: m, measuredAt: new Date().toISOString() },
    `| items on the phone | events | scans | median | p95 | max | target |
|---|---|---|---|---|---|---|
| ${r.items} | ${r.events} | ${r.scans} (after ${r.warmup} warm-up) | ${f(r.medianMs)} ms | ${f(r.p95Ms)} ms | ${f(r.maxMs)} ms | p95 < 100 ms: **${r.p95Ms < 100 ? 'met' : 'missed'}** |

Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.chromium}. Measured ${new Date().toISOString()}.`,
  );
  console.info('scan-to-card', JSON.stringify(r));
}
