// Shared pieces of the e2e flows: a persistent browser profile (so the service worker and
// IndexedDB survive a relaunch), a camera photo with EXIF, and reads of the device database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? '4173'}`;

/** A fresh folder for a browser profile or camera clips. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Launches Chromium on a persistent profile, optionally with extra flags (fake camera). */
export async function launchDevice(
  profileDir: string,
  extraArgs: string[] = [],
  baseURL: string = BASE_URL,
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    baseURL,
    locale: 'nl-BE',
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'allow',
    permissions: ['camera'],
  });
}

/** Waits until a service worker controls the page (the app shell is then cached). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}

/** A 3000×2000 JPEG made in the page, with an EXIF block (camera make) spliced in after SOI. */
export async function jpegWithExif(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 3000;
    canvas.height = 2000;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.fillStyle = '#3a7';
    ctx.fillRect(0, 0, 3000, 2000);
    ctx.fillStyle = '#fff';
    ctx.fillRect(800, 500, 1400, 1000);
    const blob = await new Promise<Blob | null>((r) => {
      canvas.toBlob(r, 'image/jpeg', 0.8);
    });
    if (!blob) throw new Error('no jpeg');
    const jpeg = new Uint8Array(await blob.arrayBuffer());
    const enc = new TextEncoder();
    // APP1 "Exif\0\0" + a little-endian TIFF header with one IFD entry: Make = "SECRETCAM".
    const tiff = [
      0x49,
      0x49,
      0x2a,
      0x00,
      0x08,
      0x00,
      0x00,
      0x00,
      0x01,
      0x00,
      0x0f,
      0x01,
      0x02,
      0x00,
      0x0a,
      0x00,
      0x00,
      0x00,
      0x1a,
      0x00,
      0x00,
      0x00,
      0x00,
      0x00,
      0x00,
      0x00,
      ...enc.encode('SECRETCAM'),
      0,
    ];
    const payload = [...enc.encode('Exif'), 0, 0, ...tiff];
    const len = payload.length + 2;
    const app1 = [0xff, 0xe1, len >> 8, len & 0xff, ...payload];
    return [...jpeg.slice(0, 2), ...app1, ...jpeg.slice(2)];
  });
  return Buffer.from(bytes);
}

/** Reads every record of one object store of the app's IndexedDB, with the raw browser API. */
export async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('bewaar');
      req.onsuccess = () => {
        resolve(req.result);
      };
      req.onerror = () => {
        reject(new Error('open failed'));
      };
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(name, 'readonly').objectStore(name).getAll();
      req.onsuccess = () => {
        resolve(req.result as unknown[]);
      };
      req.onerror = () => {
        reject(new Error('read failed'));
      };
    });
    db.close();
    return rows;
  }, store) as Promise<T[]>;
}

/** Every event of the device's log (stored a page at a time), in log order. */
export async function readLog<T>(page: Page): Promise<T[]> {
  const pages = await readStore<{ text?: string; events?: T[] }>(page, 'logPages');
  return pages.flatMap((p) =>
    p.text === undefined ? (p.events ?? []) : (JSON.parse(p.text) as T[]),
  );
}

/** Facts about the stored photos: size, type, and whether any EXIF marker survived. */
export async function photoFacts(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('bewaar');
      req.onsuccess = () => {
        resolve(req.result);
      };
    });
    const rows = await new Promise<{ blob: Blob }[]>((resolve) => {
      const req = db.transaction('photos', 'readonly').objectStore('photos').getAll();
      req.onsuccess = () => {
        resolve(req.result as { blob: Blob }[]);
      };
    });
    db.close();
    return Promise.all(
      rows.map(async ({ blob }) => {
        const bitmap = await createImageBitmap(blob);
        const text = new TextDecoder('latin1').decode(await blob.arrayBuffer());
        return {
          width: bitmap.width,
          height: bitmap.height,
          type: blob.type,
          exif: text.includes('Exif') || text.includes('SECRETCAM'),
        };
      }),
    );
  });
}
