// The workshop on a phone (390×844): an appliance nobody registered comes out of a cage, is
// registered quickly and keeps the cage it came from; its steps count the same from the first to
// the decision, and selling is not a sixth step; a link to a step that does not apply leads on;
// the message after a save never lies over the next form; the card and the public page say only
// what they should.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatCode } from '../../src/domain';
import { newCode } from '../support/codes';
import { enrollSender, eventBy, pushAll } from './pages/api';
import { expectAccessible } from './pages/axe';
import { ShopPhone } from './pages/ShopPhone';

const PHONE = { width: 390, height: 844 };
const TECHNICIAN_NOTE = 'Contact gereinigd 🧽';

/** Fails when the toast's box overlaps any label, legend or field of the form. */
async function expectToastClearOf(page: Page, form: Locator): Promise<void> {
  const toast = page.locator('.toast');
  await expect(toast).toBeVisible();
  const box = await toast.boundingBox();
  if (!box) throw new Error('no toast box');
  const parts = form.locator('label, legend, input, textarea, select, button');
  const boxes = await parts.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent.trim(), top: r.top, bottom: r.bottom, h: r.height };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  const covered = boxes.filter((b) => b.h > 0 && b.top < box.y + box.height && b.bottom > box.y);
  expect(covered, 'form parts under the toast').toEqual([]);
}

test('the workshop phone: custody, step count, a way back, messages clear of the form', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const cage = newCode('cage');
  const [expected, quick] = [newCode('item'), newCode('item')];

  // The park put one appliance in the cage; a second one travelled in it unregistered.
  const park = await enrollSender('DEMO-NOORD', 'demo-an-peeters');
  await pushAll(park, [
    eventBy(park, 'cage.opened', cage, {}),
    eventBy(park, 'item.registered', expected, {
      category: 14,
      brand: 'Philips',
      condition: 'works',
      complete: true,
      weightKg: 1.2,
      weighed: false,
      photos: [],
      note: 'Deksel sluit stroef',
    }),
    eventBy(park, 'item.caged', expected, { cage }),
    eventBy(park, 'cage.closed', cage, { count: 2 }),
  ]);

  const phoneContext = await browser.newContext({ viewport: PHONE });
  const shop = new ShopPhone(await phoneContext.newPage());
  const page = shop.page;
  await page.goto('/');
  await shop.enrollAs('T-01');

  // Unpacking: the unregistered one is scanned out of the cage, then registered quickly.
  await shop.typeCode(cage);
  await page.getByRole('button', { name: 'Aangekomen in de kringwinkel' }).click();
  await expect(page.getByRole('heading', { name: 'Uitpakken: scan elk toestel' })).toBeVisible({
    timeout: 15_000,
  });
  await shop.typeCode(quick);
  await expect(shop.row(quick)).toHaveAttribute('data-state', 'unregistered');
  await shop.row(quick).getByRole('button').click();
  await expect(
    page.getByText(`Uit kooi ${formatCode(cage)} gehaald in de kringwinkel.`),
  ).toBeVisible();
  await page.getByLabel('Zoek een soort toestel').fill('waterkoker');
  await page
    .getByRole('radio', { name: /Waterkoker/ })
    .first()
    .check();
  await page.getByLabel('Merk', { exact: true }).fill('Bosch');
  await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
  await expect(page.locator('.badge').first()).toHaveText('In de kringwinkel');
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText(`Uit kooi ${formatCode(cage)} gehaald in de kringwinkel`);
  await expect(facts).not.toContainText('Nog in geen kooi');
  await shop.look('workshop-quick-item-card');

  // The park's appliance: its card names the note plainly ("(mag)" is for a form's field).
  await shop.openItem(expected);
  await expect(page.getByRole('term').filter({ hasText: /^Opmerking$/ })).toBeVisible();
  await expect(page.getByText('(mag)')).toHaveCount(0);
  await expect(facts).toContainText(formatCode(cage));
  await shop.look('workshop-item-card-note');

  // A link to selling an appliance not yet priced: said so, with the way on and the way back.
  await page.goto(`/i/${expected}/verkocht`);
  await expect(page.getByText('Verkocht is niet nodig voor dit toestel.')).toBeVisible();
  await shop.look('workshop-step-not-applicable');
  await page.getByRole('button', { name: 'Naar de fiche van dit toestel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(formatCode(expected));
  await page.goto(`/i/${expected}/wissen`);
  await expect(page.getByText('Gegevens wissen is niet nodig voor dit toestel.')).toBeVisible();
  await page.getByRole('button', { name: 'Verder: Nakijken' }).click();
  await shop.expectStep('Stap 1 van 5: Nakijken');

  // The quick one through the bench: five steps, counted the same all the way.
  await shop.openItem(quick);
  await page.getByRole('button', { name: 'Verder: Nakijken' }).click();
  await shop.expectStep('Stap 1 van 5: Nakijken');
  await shop.choose('Hoe ziet het eruit?', 'In orde');
  await shop.choose('Volledig (kabel, onderdelen, toebehoren)?', 'Ja');
  await page.getByLabel('Opmerking (niet verplicht)').fill(TECHNICIAN_NOTE);
  await shop.save();
  await shop.expectStep('Stap 2 van 5: Veiligheidstest');
  // The message of the save stands under the header, clear of the next form.
  await expect(page.locator('.toast')).toContainText('Nakijken: bewaard.');
  await expectToastClearOf(page, page.locator('.step-form'));
  await shop.look('workshop-step-frame-toast');
  await shop.choose('Resultaat van de veiligheidstest', /Geslaagd/);
  // The method is the technician's own choice, never prefilled.
  await page.getByLabel('Methode').fill('PAT klasse I');
  await shop.save();
  await shop.expectStep('Stap 3 van 5: Werkingstest');
  await expectToastClearOf(page, page.locator('.step-form'));
  // No timer takes it away (the form would jump up under a finger); its close button does.
  const formTop = (await page.locator('.step-form').boundingBox())?.y ?? 0;
  await page.getByRole('button', { name: 'Bericht sluiten' }).click();
  await expect(page.locator('.toast')).toHaveCount(0);
  expect((await page.locator('.step-form').boundingBox())?.y ?? 0).toBeLessThan(formTop);
  await page.getByRole('button', { name: 'Overslaan' }).click();
  await shop.expectStep('Stap 4 van 5: Herstelling');
  await page.getByRole('button', { name: 'Overslaan' }).click();
  await shop.expectStep('Stap 5 van 5: Beslissing');
  await shop.choose('Wat gebeurt er met dit toestel?', /Te koop zetten/);
  await page.getByLabel('Prijs', { exact: true }).fill('15');
  await shop.save();
  await expect(page.locator('.badge').first()).toHaveText('Te koop');
  // Selling comes after the work: no "step 6 of 6".
  await page.getByRole('button', { name: 'Verder: Verkocht' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verkocht');
  await expect(page.getByText(/Stap \d van/)).toHaveCount(0);
  await shop.look('workshop-step-sold');
  await expect(page.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden', {
    timeout: 15_000,
  });

  // The customer's page: chosen fields only, never the technician's words.
  for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
    const visitorContext = await browser.newContext({ viewport });
    const visitor = await visitorContext.newPage();
    await visitor.goto(`/i/${quick}`);
    const card = visitor.locator('dl.facts');
    await expect(card).toContainText('Waterkoker');
    await expect(card).toContainText('Bosch');
    await expect(card).toContainText('Elektrisch veilig (veiligheidstest geslaagd)');
    await expect(card).toContainText('12 maanden');
    await expect(card).toContainText(/€\s?15,00/);
    await expect(card).toContainText('Kringwinkel Centrum');
    await expect(visitor.getByText(/Contact gereinigd|T-01|Recyclagepark/)).toHaveCount(0);
    await expectAccessible(visitor, 'public item page');
    const name = viewport === PHONE ? 'phone-public-item-fields' : 'laptop-public-item-fields';
    if (test.info().project.name === 'screenshots')
      await visitor.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
    await visitorContext.close();
  }
  await phoneContext.close();
});
