// Cold start of a set-up park tablet, offline, on a slow CPU: a fresh on-disk Chromium profile
// enrolls online (DEMO-NOORD, An Peeters) and waits until the service worker controls the page;
// then, for each run, Chromium is started again on that profile, offline, with the CPU slowed
// down 4× (CDP Emulation.setCPUThrottlingRate), and the clock runs from navigation start until
// the intake screen is usable: the "Scannen met de camera" button visible and the typed-code
// input enabled.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { setUpTablet } from './device';
import { ORIGIN, spread, type Spread } from './lib';

const VIEWPORT = { width: 1280, height: 800 };

function launch(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
  });
}

// Runs in the page before its own scripts: notes performance.now() (ms since navigation start)
// at the first moment the intake screen is usable. Source text, as tsx would wrap functions.
const WATCH = `(() => {
  const usable = () => {
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent.includes('Scannen met de camera'),
    );
    const label = [...document.querySelectorAll('label')].find(
      (l) => l.textContent.trim() === 'Of typ de code van het label',
    );
    const input = label ? document.getElementById(label.htmlFor) : null;
    const shown = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    return shown(button) && shown(input) && !input.disabled;
  };
  const check = () => {
    if (window.__usableAt === undefined && usable()) {
      window.__usableAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  const start = () => {
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    check();
  };
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
})()`;

export interface ColdStartResult {
  runs: number;
  throttle: number;
  usable: Spread;
  /** performance timing of the same loads: DOMContentLoaded and load, ms since navigation. */
  domContentLoaded: Spread;
  controlled: boolean[];
}

/** Sets a tablet up on a fresh profile, then `runs` offline, CPU-throttled cold starts. */
export async function benchColdStart(runs = 5, throttle = 4): Promise<ColdStartResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-cold-'));
  try {
    let context = await launch(dir);
    let page = context.pages()[0] ?? (await context.newPage());
    await setUpTablet(page, ORIGIN);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    }
    await context.close();

    const usable: number[] = [];
    const dcl: number[] = [];
    const controlled: boolean[] = [];
    for (let r = 0; r < runs; r++) {
      context = await launch(dir);
      await context.setOffline(true);
      page = context.pages()[0] ?? (await context.newPage());
      await page.addInitScript(WATCH);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.goto(ORIGIN);
      await page.waitForFunction(() => (window as { __usableAt?: number }).__usableAt, null, {
        timeout: 60_000,
        polling: 100,
      });
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as
          PerformanceNavigationTiming | undefined;
        return {
          usable: (window as { __usableAt?: number }).__usableAt ?? NaN,
          dcl: nav?.domContentLoadedEventEnd ?? NaN,
          controlled: navigator.serviceWorker.controller !== null,
        };
      });
      usable.push(timing.usable);
      dcl.push(timing.dcl);
      controlled.push(timing.controlled);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await context.close();
    }
    return {
      runs,
      throttle,
      usable: spread(usable),
      domContentLoaded: spread(dcl),
      controlled,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
