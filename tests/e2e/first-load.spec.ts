// The first load of a browser that is not a Bewaar device yet: the welcome screen and a shopper's
// public card load only the scripts index.html names (none of the device's storage, sync or work
// screens), nothing moves once shown (layout shift), and the CSP is never violated — there, and
// on the intake screen once the device is enrolled.
import { forSaleCode as forSaleCodeIn } from '../support/forSale';
import { expect, test, type Page } from '@playwright/test';

// Runs before the page's scripts: adds up layout shifts not caused by input (as CLS does) and
// keeps every CSP violation the page reports.
const WATCH = `(() => {
  window.__shift = 0;
  window.__csp = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
  });
})();`;

interface Watched {
  shift: number;
  csp: string[];
  consoleCsp: string[];
  scripts: string[];
}

async function watch(page: Page): Promise<() => Promise<Watched>> {
  await page.addInitScript(WATCH);
  const consoleCsp: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text()))
      consoleCsp.push(message.text());
  });
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return async () => {
    // Late answers (the server's health, the card) have landed and been painted.
    await page.waitForTimeout(1_000);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __shift: number; __csp: string[] };
      return { shift: w.__shift, csp: w.__csp };
    });
    return { ...seen, consoleCsp: [...consoleCsp], scripts: [...scripts] };
  };
}

/** Scripts the page loaded beyond those index.html names (its entry and the entry's preloads),
 * the early storage opener and workbox-window (which registers the service worker, after load). */
async function extraScripts(page: Page, loaded: readonly string[]): Promise<string[]> {
  const html = await (await page.request.get('/')).text();
  const shell = [...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return loaded.filter(
    (s) => !shell.includes(s) && s !== '/warm-storage.js' && !s.includes('/workbox-window.'),
  );
}

function forSaleCode(): string {
  const dataDir = process.env.BEWAAR_E2E_DATA_DIR;
  if (!dataDir) throw new Error('BEWAAR_E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  return forSaleCodeIn(dataDir);
}

// A park's tablet and a phone: the welcome screen's panels moved most on the phone.
for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${String(viewport.width)}×${String(viewport.height)}`, () => {
    test.use({ viewport });

    test('the welcome screen loads only its own scripts, does not move, and keeps to the CSP', async ({
      page,
    }) => {
      const seen = await watch(page);
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Welkom bij Bewaar' })).toBeVisible();
      const park = page.getByRole('button', { name: 'Tablet in het recyclagepark' });
      await expect(park).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Dit toestel inschrijven' })).toBeVisible();
      const welcome = await seen();
      expect(welcome.shift, 'layout shift on the welcome screen').toBeLessThan(0.1);
      expect(welcome.csp).toEqual([]);
      expect(welcome.consoleCsp).toEqual([]);
      expect(await extraScripts(page, welcome.scripts)).toEqual([]);

      // Enrolled with one tap: the whole app loads and takes over, still within the CSP.
      await park.click();
      await page.getByRole('button', { name: 'An Peeters' }).click();
      await expect(page.getByRole('button', { name: 'Scannen met de camera' })).toBeVisible();
      const intake = await seen();
      expect(intake.scripts.length).toBeGreaterThan(welcome.scripts.length);
      expect(intake.csp).toEqual([]);
      expect(intake.consoleCsp).toEqual([]);

      // And at a start of the enrolled tablet, which loads the whole app straight away.
      await page.reload();
      await expect(page.getByRole('button', { name: 'Scannen met de camera' })).toBeVisible();
      const again = await seen();
      expect(again.csp).toEqual([]);
      expect(again.consoleCsp).toEqual([]);
    });

    test("a shopper's public card loads only its own scripts, does not move, and keeps to the CSP", async ({
      page,
    }) => {
      // The card is read from the item projection, which the first card request catches up.
      await page.request.get('/api/v1/public/items/BW0000000000');
      const code = forSaleCode();
      const seen = await watch(page);
      await page.goto(`/i/${code}`);
      await expect(
        page.getByRole('heading', { name: 'Dit toestel kreeg een tweede leven' }),
      ).toBeVisible();
      await expect(
        page.getByRole('button', { name: 'Medewerker? Dit toestel inschrijven' }),
      ).toBeVisible();
      const card = await seen();
      expect(card.shift, 'layout shift on the public card').toBeLessThan(0.1);
      expect(card.csp).toEqual([]);
      expect(card.consoleCsp).toEqual([]);
      expect(await extraScripts(page, card.scripts)).toEqual([]);
    });
  });
}
