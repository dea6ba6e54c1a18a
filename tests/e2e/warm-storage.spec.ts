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

/** An existing device database at schema 10 (with one store). */
async function olderDatabase(page: Page): Promise<void> {
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
}

/** What a release with schema 20 gets when it opens the database. */
function upgrade(page: Page): Promise<string> {
  return page.evaluate(
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
}

test('keeps the database open, and lets a newer schema upgrade it at once', async ({ page }) => {
  await page.goto('/manifest.webmanifest');
  await olderDatabase(page);
  await runWarmScript(page);
  await expect.poll(() => page.evaluate(() => '__bewaarWarm' in window)).toBe(true);
  expect(await upgrade(page)).toBe('upgraded to 20: items,meta');
});

test('lets an upgrade through that is asked for while its own open is still under way', async ({
  page,
}) => {
  await page.goto('/manifest.webmanifest');
  await olderDatabase(page);
  await runWarmScript(page);
  expect(await upgrade(page)).toBe('upgraded to 20: items,meta');
});
