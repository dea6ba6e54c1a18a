// public/warm-storage.js opens the device database early at start; it must never create one on
// a fresh device, nor stand in the way of a release that upgrades the schema.
import { expect, test, type Page } from '@playwright/test';

/** Runs the warm-up script in a page of the app's origin that is not the app. */
async function runWarmScript(page: Page): Promise<void> {
  await page.goto('/manifest.webmanifest');
  await page.addScriptTag({ url: '/warm-storage.js' });
}

test('creates no database on a device that has none', async ({ page }) => {
  await runWarmScript(page);
  // Opens of one database are served in order: this one comes after the script's, and finds
  // out whether that left a database behind (then its version would not be 0).
  const before = await page.evaluate(
    () =>
      new Promise<number>((done) => {
        const req = indexedDB.open('bewaar');
        req.onupgradeneeded = (event) => {
          done(event.oldVersion);
          req.transaction?.abort();
        };
        req.onsuccess = () => {
          done(req.result.version);
          req.result.close();
        };
      }),
  );
  expect(before).toBe(0);
  expect(await page.evaluate(() => '__bewaarWarm' in window)).toBe(false);
});

test('keeps the database open, and lets a newer schema upgrade it at once', async ({ page }) => {
  await page.goto('/manifest.webmanifest');
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const req = indexedDB.open('bewaar', 10);
        req.onupgradeneeded = () => req.result.createObjectStore('meta', { keyPath: 'key' });
        req.onsuccess = () => {
          req.result.close();
          done();
        };
      }),
  );
  await runWarmScript(page);
  await expect.poll(() => page.evaluate(() => '__bewaarWarm' in window)).toBe(true);
  // A release with a newer schema: its upgrade is not blocked by the early connection.
  const outcome = await page.evaluate(
    () =>
      new Promise<string>((done) => {
        const req = indexedDB.open('bewaar', 20);
        req.onblocked = () => {
          done('blocked');
        };
        req.onupgradeneeded = () => req.result.createObjectStore('items', { keyPath: 'code' });
        req.onsuccess = () => {
          const stores = [...req.result.objectStoreNames].join(',');
          req.result.close();
          done(`upgraded to ${req.result.version}: ${stores}`);
        };
        req.onerror = () => {
          done('error');
        };
      }),
  );
  expect(outcome).toBe('upgraded to 20: items,meta');
});
