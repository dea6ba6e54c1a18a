// A fresh coordinator's browser against the demo server with its season: the first sync shows a
// progress bar with counts, and the figures say they are not all in until it is done. Then the
// change log in Beheer reads as sentences. Pull answers are slowed down (not changed) so the
// bar can be seen; screenshots at tablet and phone size.
import { expect, test, type Page } from '@playwright/test';
import { enrollSender } from './pages/api';
import { expectAccessible } from './pages/axe';

const PULL = '**/api/v1/sync/pull**';

async function slowPulls(page: Page, ms: number): Promise<void> {
  await page.route(PULL, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

for (const [device, viewport] of [
  ['tablet', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`a fresh ${device} shows the first sync's progress and partial figures until it is done`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await slowPulls(page, 2_500);
    await page.goto('/');
    await page.getByRole('button', { name: /Coördinator/ }).click();
    await expect(page.getByRole('heading', { name: 'Cijfers van de pilot' })).toBeVisible();

    const bar = page.getByRole('progressbar', { name: 'Wijzigingen binnenhalen' });
    await expect(bar).toBeVisible({ timeout: 20_000 });
    const total = Number(await bar.getAttribute('aria-valuemax'));
    // The demo season is months of work: thousands of changes, pulled a thousand at a time.
    expect(total).toBeGreaterThan(1000);
    const notice = page.getByTestId('first-sync-notice');
    await expect(notice).toContainText('Nog niet alles binnen — de eerste synchronisatie loopt.');
    // The counts move on, in Dutch number format, and never past the total.
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1000);
    const now = Number(await bar.getAttribute('aria-valuenow'));
    expect(now).toBeLessThanOrEqual(total);
    const words = `${now.toLocaleString('nl-BE')} van ${total.toLocaleString('nl-BE')} wijzigingen`;
    await expect(page.getByTestId('pull-progress')).toContainText(words);
    expect(await bar.getAttribute('aria-valuetext')).toBe(words);
    await expect(page.locator('.figures')).toHaveClass(/figures-partial/);
    await page.screenshot({ path: `docs/screenshots/${device}-first-sync-progress.png` });
    await expectAccessible(page, `first sync (${device})`);

    // Done: bar and notice go, the figures are final.
    await expect(bar).toBeHidden({ timeout: 120_000 });
    await expect(notice).toBeHidden();
    await expect(page.locator('.figures')).not.toHaveClass(/figures-partial/);
    await expect(page.getByTestId('connection')).toHaveText(/Verbonden|Bezig met/);
    await context.close();
  });
}

test('the change log reads as sentences with names, the raw row one tap away', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // A park tablet enrolls itself (named as such by the one who set it up).
  await enrollSender('DEMO-NOORD', 'demo-an-peeters');
  for (const [device, viewport] of [
    ['tablet', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: /Coördinator/ }).click();
    await expect(page.getByRole('heading', { name: 'Cijfers van de pilot' })).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('button', { name: 'Beheer' })
      .click();
    await page
      .getByRole('navigation', { name: 'Onderdelen van beheer' })
      .getByRole('button', { name: 'Logboek' })
      .click();
    const log = page.locator('table.audit tbody');
    await expect(log.locator('tr').first()).toBeVisible();
    const sentences = await log.locator('.audit-sentence').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) {
      expect(sentence).not.toMatch(/\b(device|person|site|region|labels)\.[a-z-]+\b/);
      expect(sentence).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(sentence).not.toContain('{');
    }
    // The demo's enrollments: a device name and its park, in a sentence.
    await expect(log).toContainText(
      'Toestel ‘test DEMO-NOORD’ werd ingeschreven bij Recyclagepark Noord',
    );
    const details = log.locator('details').first();
    await details.locator('summary').click();
    await expect(details.locator('code')).toBeVisible();
    await expectAccessible(page, `audit log (${device})`);
    await page.screenshot({ path: `docs/screenshots/${device}-audit-log.png` });
    await context.close();
  }
});
