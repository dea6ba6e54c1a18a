// The workshop and the figures in French and English, at phone and tablet size: the page's
// language follows the choice, kinds are listed in the reader's alphabet, the safety-test method
// is offered in the reader's words and not prefilled. Pictures in docs/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../e2e/pages/axe';

const WORDS = {
  fr: {
    shop: /Téléphone à l'atelier/,
    queue: 'Type d’appareil',
    safety: /^Test de sécurité/,
    method: 'Méthode',
    pat: 'PAT classe I',
    result: 'Résultat du test de sécurité',
  },
  en: {
    shop: /Phone in the workshop/,
    queue: 'Kind of appliance',
    safety: /^Safety test/,
    method: 'Method',
    pat: 'PAT Class I',
    result: 'Safety test result',
  },
} as const;

async function workshop(page: Page, lang: 'fr' | 'en'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Taal').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang === 'fr' ? 'fr-BE' : 'en-GB');
  await page.getByRole('button', { name: WORDS[lang].shop }).click();
  await page.getByRole('button', { name: 'T-03' }).click();
  await expect(page.locator('li[data-code]').first()).toBeVisible({ timeout: 60_000 });
}

for (const lang of ['fr', 'en'] as const) {
  test(`the workshop in ${lang}: queue, kinds in the reader's order, safety test method`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await workshop(page, lang);
    const kinds = await page
      .getByLabel(WORDS[lang].queue)
      .locator('option')
      .evaluateAll((options) => options.slice(1).map((o) => o.textContent));
    const collator = new Intl.Collator(lang === 'fr' ? 'fr-BE' : 'en-GB', {
      numeric: true,
      sensitivity: 'base',
    });
    expect(kinds).toEqual([...kinds].sort(collator.compare));
    await expectAccessible(page, `work queue (${lang})`);
    await page.screenshot({ path: `docs/screenshots/phone-work-queue-${lang}.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `docs/screenshots/tablet-work-queue-${lang}.png` });
    await page.setViewportSize({ width: 390, height: 844 });

    // The first appliance in the queue that takes a safety test.
    const rows = page.locator('li[data-code] button');
    for (let i = 0; i < 10; i++) {
      await rows.nth(i).click();
      const safety = page.getByRole('button', { name: WORDS[lang].safety });
      if ((await safety.count()) > 0) {
        await safety.first().click();
        break;
      }
      await page.goBack();
    }
    const method = page.getByLabel(WORDS[lang].method, { exact: true });
    await expect(method).toHaveValue('');
    const suggestions = await page
      .locator(`datalist option`)
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(suggestions).toContain(WORDS[lang].pat);
    expect(suggestions.join(' ')).not.toMatch(/klasse|Visueel/);
    await page
      .getByRole('radio', { name: new RegExp(lang === 'fr' ? 'Réussi' : 'Passed') })
      .check();
    await method.fill(WORDS[lang].pat);
    await expect(page.getByRole('group', { name: WORDS[lang].result })).toBeVisible();
    await expectAccessible(page, `safety step (${lang})`);
    await page.screenshot({
      path: `docs/screenshots/phone-bench-safety-${lang}.png`,
      fullPage: true,
    });
  });
}

test('the figures in English', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await page.getByLabel('Taal').selectOption('en');
  await page.getByRole('button', { name: /Coordinator/ }).click();
  await expect(page.getByRole('heading', { name: 'Pilot figures' })).toBeVisible();
  await expect(page.locator('[data-figure="figures.labour"] dd')).toContainText(/hrs? \(/);
  await expectAccessible(page, 'figures (en)');
  await page.screenshot({ path: 'docs/screenshots/laptop-figures-en.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'docs/screenshots/phone-figures-en.png', fullPage: false });
});
