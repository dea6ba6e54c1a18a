// Save → visible: from the tap on "Bewaren" until the new item's row is in today's list and a
// frame has been painted, over many saves through the real UI in Chromium (real IndexedDB).
import type { Page } from 'playwright-core';
import { generateCode } from '../src/domain';
import { randomBytes } from 'node:crypto';

const newCode = (kind: 'item' | 'cage') =>
  generateCode(kind, (n) => new Uint8Array(randomBytes(n)));

export async function saveOnce(page: Page, code: string): Promise<number> {
  await page.getByLabel('Of typ de code van het label').fill(code);
  await page.getByRole('button', { name: 'Openen' }).click();
  await page.locator('.tile').first().waitFor();
  // The first of the park's most logged kinds (the form shows eight).
  await page.locator('.tile input').first().check();
  // Passed as source text: tsx would wrap named inner functions in a helper the page lacks.
  return page.evaluate<number>(`new Promise((resolve) => {
    // Marks for the trace (traceIntakeSave.ts): the same window as the time measured here.
    performance.mark('bench-save-start');
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelector('li[data-code="${code}"]')) {
        observer.disconnect();
        requestAnimationFrame(() => {
          const ms = performance.now() - start;
          performance.mark('bench-save-visible');
          resolve(ms);
        });
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.querySelector('form.item-form button[type=submit]').click();
  })`);
}

/** A roll cage holds a few dozen appliances; the run opens a fresh one every CAGE_SIZE items. */
const CAGE_SIZE = 40;

/** Opens a new cage by its label; a label the tablet has never seen is asked about first. */
export async function openCage(page: Page, code: string): Promise<void> {
  await page.getByLabel('Of typ de code van het label').fill(code);
  await page.getByRole('button', { name: 'Openen' }).click();
  await page.getByRole('button', { name: 'Ja, kooi openen' }).click();
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
