// A fresh device in Chromium pulls a whole tenant into IndexedDB: the server holds N events
// (pushed over HTTP beforehand); the clock runs from the tap on "Inschrijven" until the device
// holds every event, folded into items and cages, and its first sync round has completed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchFreshProfile, spread, type Spread } from './lib';
import { enroll, parkEvents, startServer } from './syncServer';

/** Pushes `events` park events (registrations and cagings) to the server; returns how many
 * events and items it holds. */
export async function seedTenant(
  base: string,
  events: number,
): Promise<{ events: number; items: string[] }> {
  const tablet = await enroll(base, 'DEMO-NOORD', 'bench-seed');
  const all = parkEvents(tablet, Math.ceil(events / 2)).slice(0, events);
  for (let i = 0; i < all.length; i += 500) {
    const res = await fetch(`${base}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tablet.token}` },
      body: JSON.stringify({ events: all.slice(i, i + 500) }),
    });
    if (!res.ok) throw new Error(`seed push ${res.status}`);
  }
  const items = [...new Set(all.filter((e) => e.subject.startsWith('BW')).map((e) => e.subject))];
  return { events: all.length, items };
}

/** Enrolls the page as the shop's phone and waits until it holds every event, folded, and its
 * first sync round has completed; returns the ms from the tap on "Inschrijven". */
export async function enrollShopAndPull(
  page: Page,
  base: string,
  seeded: { events: number; items: string[] },
): Promise<number> {
  await page.goto(base);
  await page.getByLabel('Inschrijvingscode').fill('DEMO-WINKEL');
  await page.getByLabel('Naam van dit toestel').fill('Bench');
  const start = Date.now();
  await page.getByRole('button', { name: 'Inschrijven' }).click();
  await page.getByRole('button', { name: 'T-01' }).click();
  await waitForStore(page, seeded.events, seeded.items.length);
  return Date.now() - start;
}

/** Source text of a promise, evaluated in the page, that says whether its IndexedDB holds at least
 * `events` logged events (the count the log keeps in meta, written with each page) and `items`
 * items and the first sync round is done, read through the raw IndexedDB API. It reads two meta
 * rows; the items are counted only once those say done, since counting them walks the whole table
 * and would hold up the pull it is timing. */
const storeCheck = (events: number, items: number) => `new Promise((resolve) => {
    const req = indexedDB.open('bewaar');
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('logPages')) { db.close(); resolve(false); return; }
      const tx = db.transaction('meta', 'readonly');
      const e = tx.objectStore('meta').get('loggedEvents');
      const m = tx.objectStore('meta').get('lastSync');
      tx.oncomplete = () => {
        if ((e.result?.value ?? 0) < ${events} || m.result === undefined) { db.close(); resolve(false); return; }
        const i = db.transaction('items', 'readonly').objectStore('items').count();
        i.onsuccess = () => { db.close(); resolve(i.result >= ${items}); };
      };
    };
    req.onerror = () => resolve(false);
  })`;

/** Resolves once the page's IndexedDB holds at least `events` events and `items` items and the
 * first sync round is done (storeCheck), polled every `everyMs` from here (page.evaluate awaits
 * the promise the text builds). */
export async function waitForStore(
  page: Page,
  events: number,
  items: number,
  everyMs = 250,
): Promise<void> {
  const start = Date.now();
  while (!(await page.evaluate<boolean>(storeCheck(events, items)))) {
    if (Date.now() - start > 300_000) throw new Error('the device did not fill in 5 min');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** As waitForStore, but polled inside the page (no round trip to this process per poll); resolves
 * with the page's Date.now() when it first saw the store complete. */
export function storedInPage(page: Page, events: number, items: number, everyMs = 25) {
  return page.evaluate<number>(`(async () => {
    const start = Date.now();
    while (!(await ${storeCheck(events, items)})) {
      if (Date.now() - start > 300000) throw new Error('the device did not fill in 5 min');
      await new Promise((r) => setTimeout(r, ${String(everyMs)}));
    }
    return Date.now();
  })()`);
}

export interface FreshDeviceResult {
  events: number;
  items: number;
  ms: Spread;
  eventsPerS: number;
}

/** Seeds `events` events once and measures `runs` fresh Chromium devices (each a new on-disk
 * profile, as a phone's IndexedDB is on disk) pulling and folding them; `afterLast` gets the
 * last phone, full, before it is closed. */
export async function benchFreshDevice(
  events = 50_000,
  runs = 5,
  afterLast?: (page: Page, seeded: { events: number; items: string[] }) => Promise<void>,
): Promise<FreshDeviceResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-fresh-'));
  const server = await startServer(
    { kind: 'sqlite', file: join(dir, 'fresh.sqlite') },
    resolve('dist'),
  );
  try {
    const seeded = await seedTenant(server.base, events);
    await server.settle();
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const profile = await launchFreshProfile();
      try {
        const page = await profile.context.newPage();
        times.push(await enrollShopAndPull(page, server.base, seeded));
        console.info(`  fresh device ${run + 1}/${runs}: ${times.at(-1)} ms`);
        if (run === runs - 1 && afterLast) await afterLast(page, seeded);
      } finally {
        await profile.close();
      }
    }
    const ms = spread(times);
    const items = seeded.items.length;
    return { events: seeded.events, items, ms, eventsPerS: seeded.events / (ms.median / 1000) };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
