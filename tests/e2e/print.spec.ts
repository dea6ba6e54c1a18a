// What gets printed, read back from the PDF the browser makes (page.pdf(), which prints like
// Chrome's print dialog: without background graphics unless asked): the figures report in Dutch
// and French has page numbers, no heading left alone at a page's foot, numbers in the reader's
// locale and legends drawn, not painted; every label sheet layout prints every reserved code
// whole, its check symbol included, inside its own label.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { formatCode } from '../../src/domain';
import { pdfPagePng, pdfPages, type PdfPage } from '../support/pdf';
import { expectAccessible } from './pages/axe';

const MM = 72 / 25.4;

async function coordinator(page: Page, lang: 'nl' | 'fr' | 'en'): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  if (lang !== 'nl') {
    await page.getByLabel('Taal').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'fr' ? 'fr-BE' : 'en-GB');
  }
  await page.getByRole('button', { name: /Coördinator|Coordinat/ }).click();
  await expect(page.locator('.figures h1')).toBeVisible();
}

/** The year of the demo season, once this device has all of it. */
async function wholeYear(page: Page, periodLabel: RegExp, yearLabel: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: periodLabel }).selectOption({ index: 2 });
  await expect(page.getByRole('combobox', { name: yearLabel })).toBeVisible();
  // The demo season has a hundred and more items at the shop once the first sync is done.
  await expect
    .poll(
      async () => (await page.locator('[data-figure="figures.received"] dd').textContent()) ?? '',
      {
        timeout: 60_000,
      },
    )
    .toMatch(/^[1-9]\d\d/);
}

/** The page's body lines, without the footer (its last line). */
const bodyLines = (p: PdfPage) => p.text.split('\n').slice(0, -1);

test('the figures report prints with page numbers, kept headings and legends without colour', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await coordinator(page, 'nl');
  await wholeYear(page, /^Periode$/, /Welk jaar/);
  await page.emulateMedia({ media: 'print' });
  // A card's value breaks between its parts only: every part on one line.
  const brokenParts = await page
    .locator('.figure-card dd .nowrap')
    .evaluateAll((parts) => parts.filter((p) => p.getClientRects().length > 1).length);
  expect(brokenParts).toBe(0);
  // The legend's samples are drawn (SVG fills, with a pattern for all but the first series), not
  // CSS backgrounds, which a print without background graphics drops.
  const swatches = await page
    .locator('.chart-legend .swatch rect')
    .evaluateAll((rects) => rects.map((r) => getComputedStyle(r).fill));
  expect(swatches.length).toBeGreaterThanOrEqual(4);
  expect(swatches.every((fill) => fill !== 'none' && fill !== '')).toBe(true);
  expect(swatches.filter((fill) => fill.startsWith('url(')).length).toBeGreaterThanOrEqual(2);

  const pdf = await page.pdf({ format: 'A4' });
  const pages = await pdfPages(pdf);
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages.length).toBeLessThanOrEqual(5);
  pages.forEach((p, i) => {
    expect(p.text).toContain(`Pagina ${i + 1} van ${pages.length}`);
    expect(p.text).toContain('Cijfers van de pilot · Regio Brugge (demo)');
    // No page ends on a heading: the last line above the footer is never one.
    const last = bodyLines(p).at(-1) ?? '';
    for (const heading of ['Overzicht', 'Grafieken', 'Rekenmethode']) {
      expect(last.replaceAll(' ', '')).not.toBe(heading);
    }
  });
  const text = pages.map((p) => p.text).join('\n');
  expect(text).toMatch(/Arbeid\s[\s\S]*?\d+,\d uur \([\d.]+ min\)/);
  expect(text).toMatch(/€ \d{1,3}(\.\d{3})*,\d\d/);
  for (const [n, p] of pages.entries()) {
    writeFileSync(
      `docs/screenshots/print-report-nl-page-${n + 1}.png`,
      await pdfPagePng(pdf, n + 1),
    );
    expect(p.items.length).toBeGreaterThan(0);
  }
});

test('the French report prints French numbers and words, with its own page numbers', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await coordinator(page, 'fr');
  await wholeYear(page, /^Période$/, /Quelle année/);
  await expectAccessible(page, 'figures (fr)');
  await page.screenshot({ path: 'docs/screenshots/laptop-figures-fr.png', fullPage: false });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  const pages = await pdfPages(pdf);
  pages.forEach((p, i) => {
    expect(p.text).toContain(`Page ${i + 1} sur ${pages.length}`);
  });
  const text = pages.map((p) => p.text).join('\n');
  expect(text).toMatch(/\d,\d\d €/); // "1 145,50 €"
  expect(text).toMatch(/\d+,\d h \([\d ]+ min\)/); // "97,3 h (5 837 min)"
  expect(text).not.toMatch(/\d u \(/);
  expect(text).toContain('× 0,5');
  expect(text).toContain('32,07');
  expect(text).not.toContain('impact calculation');
  writeFileSync('docs/screenshots/print-report-fr-page-1.png', await pdfPagePng(pdf, 1));
});

test('every label sheet layout prints every reserved code whole, inside its label', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await coordinator(page, 'nl');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Beheer' })
    .click();
  await page
    .getByRole('navigation', { name: 'Onderdelen van beheer' })
    .getByRole('button', { name: 'Labels' })
    .click();
  await page.getByLabel('Hoeveel codes?').fill('40');
  await page.getByRole('button', { name: 'Reserveren en afdrukken' }).click();
  await expect(page.locator('.label img')).toHaveCount(40);
  const codes = await page
    .locator('.label')
    .evaluateAll((labels) => labels.map((l) => (l as HTMLElement).dataset.code ?? ''));
  const layouts = await page
    .getByLabel('Labelpapier')
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(layouts).toEqual(expect.arrayContaining(['3x8', '4x10', 'roll62']));
  const labelWidthMm: Record<string, number> = { '3x8': 70, '4x10': 52.5, roll62: 62 };

  for (const layout of layouts) {
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('Labelpapier').selectOption(layout);
    // On screen: each code inside its label, not cut.
    const cutOnScreen = await page.locator('.label').evaluateAll((labels) =>
      labels
        .filter((label) => {
          const code = label.querySelector('.code') as HTMLElement;
          const box = label.getBoundingClientRect();
          const text = code.getBoundingClientRect();
          return code.scrollWidth > code.clientWidth + 0.5 || text.right > box.right + 0.5;
        })
        .map((label) => (label as HTMLElement).dataset.code),
    );
    expect(cutOnScreen, `${layout} on screen`).toEqual([]);
    await expectAccessible(page, `label sheet ${layout}`);

    // On paper: every code's text complete and within its label's column.
    // page.pdf() prints with the media emulated: print, as the browser's print does.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = await pdfPages(pdf);
    const width = (labelWidthMm[layout] ?? 0) * MM;
    const printed = pages.flatMap((p) => p.items.filter((item) => /^B[WK]-/.test(item.text)));
    expect(printed.map((item) => item.text).sort(), layout).toEqual(
      codes.map((code) => formatCode(code)).sort(),
    );
    for (const item of printed) {
      const column = Math.floor((item.x + 0.5) / width);
      expect(item.x + item.width, `${layout} ${item.text}`).toBeLessThanOrEqual(
        (column + 1) * width - 1,
      );
    }
    writeFileSync(`docs/screenshots/print-labels-${layout}-pdf.png`, await pdfPagePng(pdf, 1, 1.2));
  }
});
