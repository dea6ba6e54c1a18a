// Two things a real region runs into: a tablet whose clock is a year ahead, and a label of
// another region. Nothing typed is lost, the screen says what is wrong in Dutch, and the device
// only re-stamps its changes when the person asks.
import { expect, test, type Page } from '@playwright/test';
import { formatCode } from '../../src/domain';
import { newCode } from '../support/codes';
import { expectAccessible } from './pages/axe';
import { enrollSender, eventBy, pushAll, adminCli } from './pages/api';
import { ParkTablet } from './pages/ParkTablet';
import { readStore } from './support';

const YEAR = 365 * 24 * 60 * 60 * 1000;

async function openSync(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Synchronisatie' }).click();
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
}

test('a tablet with its clock a year ahead keeps its work and sends it once the clock is right', async ({
  page,
}) => {
  await page.clock.setFixedTime(Date.now() + YEAR);
  await page.goto('/');
  const tablet = new ParkTablet(page);
  await tablet.enroll('DEMO-NOORD', 'Tablet met verkeerde klok');
  await tablet.pickPerson('An Peeters');
  await expect(page.getByTestId('clock-warning')).toContainText(
    'De klok van dit toestel staat verkeerd',
  );
  await expect(page.getByTestId('clock-warning')).toContainText('365 dagen voor');
  await page.screenshot({ path: 'docs/screenshots/tablet-13-clock-warning.png' });

  const item = newCode('item');
  await tablet.typeCode(formatCode(item));
  await tablet.expectNewItemForm(item);
  await tablet.fillAndSave({ search: 'waterkoker', category: /Waterkoker/ });

  await openSync(page);
  const section = page.getByRole('region', { name: 'Verkeerde tijd' });
  await expect(section).toBeVisible({ timeout: 20_000 });
  await expect(section.getByRole('alert')).toContainText('Zet eerst de klok');
  await expect(section.getByRole('button', { name: /Juiste tijd geven/ })).toHaveCount(0);
  await expectAccessible(page, 'sync with clock refusals');
  await page.screenshot({ path: 'docs/screenshots/tablet-14-clock-refused.png', fullPage: true });
  const refused = await readStore<{ rejected?: { code: string } }>(page, 'outbox');
  expect(refused.map((row) => row.rejected?.code)).toEqual(expect.arrayContaining(['clock']));

  // The clock is set right: the warning goes, and the person gives the changes the right time.
  await page.clock.setFixedTime(Date.now());
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await expect(page.getByTestId('clock-warning')).toHaveCount(0, { timeout: 20_000 });
  await section.getByRole('button', { name: 'Juiste tijd geven en opnieuw versturen' }).click();
  // Refused changes are not counted as waiting, so the outbox itself is what shows they went.
  await expect.poll(() => readStore(page, 'outbox'), { timeout: 20_000 }).toEqual([]);
  await expect(section).toHaveCount(0);
  await expect(page.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden');
  const stored = await readStore<{ code: string; registered: boolean }>(page, 'items');
  expect(stored.find((row) => row.code === item)?.registered).toBe(true);
});

test("another region's label is refused at the scan, in Dutch, and nothing is written", async ({
  page,
}) => {
  // Region "Oost" with a park, an attendant and a device that has used two labels.
  const tenant = adminCli('create-tenant', '--name', 'Regio Oost');
  const park = adminCli(
    'create-site',
    '--tenant',
    tenant.id,
    '--name',
    'Recyclagepark Oost',
    '--kind',
    'park',
  );
  const person = adminCli(
    'create-person',
    '--tenant',
    tenant.id,
    '--name',
    'Olga',
    '--role',
    'attendant',
    '--site',
    park.id,
  );
  adminCli(
    'create-enrollment-code',
    '--tenant',
    tenant.id,
    '--site',
    park.id,
    '--code',
    'OOST-PARK',
  );
  const oost = await enrollSender('OOST-PARK', person.id);
  const theirItem = newCode('item');
  const theirCage = newCode('cage');
  await pushAll(oost, [
    eventBy(oost, 'cage.opened', theirCage, {}),
    eventBy(oost, 'item.registered', theirItem, {
      category: 14,
      condition: 'works',
      complete: true,
      weightKg: 1.2,
      weighed: false,
      photos: [],
    }),
  ]);

  await page.goto('/');
  const tablet = new ParkTablet(page);
  await tablet.enroll('DEMO-ZUID');
  await tablet.pickPerson('Chloé Dubois');
  await expect(page.getByTestId('connection')).toHaveText('Verbonden', { timeout: 20_000 });

  await tablet.typeCode(formatCode(theirItem));
  await expect(page.getByRole('alert')).toContainText('Dit label hoort bij een andere regio', {
    timeout: 10_000,
  });
  await expect(page.getByLabel('Zoek een soort toestel')).toHaveCount(0);
  await expectAccessible(page, 'new item of another region');
  await page.screenshot({ path: 'docs/screenshots/tablet-15-other-region.png' });
  await page.getByRole('button', { name: 'Terug' }).click();

  await tablet.typeCode(formatCode(theirCage));
  await expect(page.getByRole('alert')).toContainText('Dit label hoort bij een andere regio');
  expect(await readStore(page, 'outbox')).toEqual([]);
});
