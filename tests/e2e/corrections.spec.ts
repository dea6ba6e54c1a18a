// A slip at the park is put right on the tablet: a correction, an undo of the last item and its
// restore; the language can be switched; today's list, correction form and settings pass axe.
import { expect, test } from '@playwright/test';
import { formatCode } from '../../src/domain';
import { newCode } from '../support/codes';
import { expectAccessible } from './pages/axe';
import { ParkTablet } from './pages/ParkTablet';
import { readLog } from './support';

test('correct an item, undo the last one, restore it, switch language', async ({ page }) => {
  await page.goto('/');
  const tablet = new ParkTablet(page);
  await tablet.enroll('DEMO-ZUID');
  await tablet.pickPerson('Dirk Janssens');
  const first = newCode('item');
  const second = newCode('item');
  await tablet.typeCode(first);
  await tablet.fillAndSave({ search: 'broodrooster', category: /Broodrooster/, brand: 'Philps' });
  await tablet.typeCode(second);
  await tablet.fillAndSave({ search: 'strijk', category: /Strijkijzer/, brand: 'Tefal' });

  // Correct the misspelt brand of the first item from today's list.
  await page.getByRole('button', { name: 'Vandaag' }).click();
  await expectAccessible(page, 'today');
  await page.getByRole('button', { name: `${formatCode(first)} corrigeren` }).click();
  await expect(
    page.getByRole('heading', { name: `Corrigeren ${formatCode(first)}` }),
  ).toBeVisible();
  await expectAccessible(page, 'correction form');
  await page.getByLabel('Merk', { exact: true }).fill('Philips');
  await page.getByRole('button', { name: 'Correctie bewaren' }).click();
  await expect(page.getByText('Correctie bewaard.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Broodrooster · Philips/ })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Gecorrigeerd' })).toBeVisible();
  const corrections = (
    await readLog<{ type: string; subject: string; data: Record<string, unknown> }>(page)
  ).filter((e) => e.type === 'item.corrected' && e.subject === first);
  expect(corrections.map((e) => e.data)).toEqual([{ brand: 'Philips' }]);

  // Saving a correction without changes writes nothing.
  await page.getByRole('button', { name: 'Corrigeren' }).click();
  await page.getByRole('button', { name: 'Correctie bewaren' }).click();
  await expect(page.getByText('Er was niets gewijzigd.')).toBeVisible();

  // Undo the last item: it leaves today's list; restore brings it back. (Other devices of this
  // park may have logged items today too, so the count is compared, not fixed.)
  await page.getByRole('button', { name: 'Vandaag' }).click();
  const heading = page.getByRole('heading', { name: /Vandaag in dit park/ });
  const count = async () =>
    Number(/\((\d+) toestel/.exec((await heading.textContent()) ?? '')?.[1]);
  await expect(tablet.todayRow(second)).toBeVisible();
  const before = await count();
  await page
    .getByRole('button', { name: `Laatste ongedaan maken (${formatCode(second)})` })
    .click();
  await expect(tablet.todayRow(second)).toHaveCount(0);
  await expect.poll(count).toBe(before - 1);
  await page.getByRole('button', { name: 'Terugzetten' }).click();
  await expect(tablet.todayRow(second)).toBeVisible();
  await expect.poll(count).toBe(before);

  // Settings: persistent storage answer shown; language switch to French.
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await expect(page.getByTestId('persistence')).toContainText('Blijvende opslag');
  await expectAccessible(page, 'settings');
  await page.getByLabel('Taal').selectOption('fr');
  await expect(page.getByRole('button', { name: 'Paramètres' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Paramètres' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr-BE');
  await page.getByRole('button', { name: "Aujourd'hui" }).click();
  await expect(
    page.getByRole('heading', {
      name: new RegExp(`Aujourd'hui dans ce parc \\(${before} appareils\\)`),
    }),
  ).toBeVisible();
  await expectAccessible(page, 'today in French');
});
