// The door's save → ticket: from the tap on "Aanmelden en ticket geven" until the new number is on
// screen and a frame is painted, over many check-ins through the real UI in Chromium (real
// IndexedDB, strict durability). Needs a server whose demo has the café (DEMO-CAFE).
// Run alone: `npx tsx bench/cafeCheckIn.ts <origin>` (an app served in demo mode).
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { percentile } from './lib';

/** One check-in: fills the form (untimed), then times the save until its ticket is painted. */
export async function checkInOnce(page: Page, n: number): Promise<number> {
  const form = page.locator('form.cafe-checkin');
  await form.getByRole('searchbox').fill(n % 2 === 0 ? 'lamp' : 'broek');
  await form.getByRole('searchbox').press('Enter');
  await form.getByLabel(/Wat is er mis/).fill(`Probleem ${n}`);
  await form.getByLabel(/huisregels/).check();
  const before = (await page.getByTestId('ticket-number').count())
    ? await page.getByTestId('ticket-number').textContent()
    : '';
  // Passed as source text: tsx would wrap named inner functions in a helper the page lacks.
  return page.evaluate<number>(`new Promise((resolve) => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const shown = document.querySelector('[data-testid="ticket-number"]')?.textContent;
      if (shown && shown !== ${JSON.stringify(before ?? '')}) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.querySelector('form.cafe-checkin button[type=submit]').click();
  })`);
}

/** Times `count` check-ins (after `warmup` untimed ones) on a door with its day open. */
export async function timeCheckIns(page: Page, count: number, warmup: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count + warmup; i++) {
    const ms = await checkInOnce(page, i);
    if (i >= warmup) times.push(ms);
    // The next visitor's form is rebuilt in the frame after the ticket.
    await page
      .locator('form.cafe-checkin input[type=search]')
      .and(page.locator(':placeholder-shown'))
      .waitFor();
  }
  return times;
}

async function main(origin: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ baseURL: origin, viewport: { width: 1280, height: 800 } });
  await page.goto('/');
  await page.getByRole('button', { name: 'Onthaal van het repair café' }).click();
  await page.getByRole('button', { name: 'Cafédag openen' }).click();
  await page.locator('form.cafe-checkin').waitFor();
  // The region's log has reached the door (its first pull), so the saves are timed alone.
  await page.getByText(/Laatst gesynchroniseerd/).waitFor({ timeout: 120_000 });
  // BENCH_OFFLINE=1: the hall without Wi-Fi; else each save's push (a second later) runs while
  // the bench fills the next form, as it would not at a real door's pace.
  if (process.env.BENCH_OFFLINE) await page.context().setOffline(true);
  const count = Number(process.env.BENCH_CHECKINS ?? 60);
  const times = await timeCheckIns(page, count, 5);
  const sorted = [...times].sort((a, b) => a - b);
  const fmt = (ms: number) => ms.toFixed(1);
  process.stdout.write(
    `door save → ticket painted, ${count} check-ins: median ${fmt(percentile(sorted, 50))} ms, ` +
      `p95 ${fmt(percentile(sorted, 95))} ms, max ${fmt(sorted[sorted.length - 1] ?? 0)} ms\n`,
  );
  await browser.close();
}

if (process.argv[1]?.endsWith('cafeCheckIn.ts'))
  await main(process.argv[2] ?? 'http://localhost:4173');
