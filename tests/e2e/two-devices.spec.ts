// Two devices against the real server: the park tablet works offline, the workshop phone sees
// nothing of it; when the tablet is back online, the phone shows the five items and the photo
// within 10 s, without a reload.
import { expect, test } from '@playwright/test';
import { formatCode } from '../../src/domain';
import { newCode } from '../support/codes';
import { expectAccessible } from './pages/axe';
import { ParkTablet } from './pages/ParkTablet';
import { jpegWithExif, waitForServiceWorker } from './support';

test('items logged offline on a tablet reach the phone once the tablet is back online', async ({
  browser,
}) => {
  const tabletContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const tabletPage = await tabletContext.newPage();
  const phone = await phoneContext.newPage();
  const tablet = new ParkTablet(tabletPage);
  await tabletPage.goto('/');
  await tablet.enroll('DEMO-NOORD', 'Tablet Noord');
  await tablet.pickPerson('Bart Claes');
  await waitForServiceWorker(tabletPage);

  await phone.goto('/');
  const phoneModel = new ParkTablet(phone);
  await phoneModel.enroll('DEMO-WINKEL', 'Gsm werkplaats');
  await phone.getByRole('button', { name: 'T-01' }).click();
  await expect(phone.getByRole('heading', { name: 'Werkplaats', level: 1 })).toBeVisible();
  await phone.getByRole('button', { name: 'Toestellen' }).click();
  await expectAccessible(phone, 'items on the phone');

  await tabletContext.setOffline(true);
  const cage = newCode('cage');
  const codes = [
    newCode('item'),
    newCode('item'),
    newCode('item'),
    newCode('item'),
    newCode('item'),
  ];
  await tablet.openCage(cage);
  for (const [i, code] of codes.entries()) {
    await tablet.typeCode(code);
    await tablet.fillAndSave({
      search: 'gsm',
      category: /Gsm\/smartphone/,
      brand: `Merk ${i}`,
      ...(i === 0
        ? {
            photo: {
              name: 'foto.jpg',
              mimeType: 'image/jpeg',
              buffer: await jpegWithExif(tabletPage),
            },
          }
        : {}),
    });
  }
  await expect(tabletPage.getByTestId('connection')).toHaveText('Geen verbinding');
  await expect(tabletPage.getByTestId('pending')).toHaveText('11 wijzigingen nog niet verzonden');

  // The phone keeps syncing, but none of the tablet's work has reached the server.
  await phone.getByRole('button', { name: 'Synchronisatie' }).click();
  await phone.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await expectAccessible(phone, 'sync screen');
  await phone.getByRole('button', { name: 'Toestellen' }).click();
  for (const code of codes) await expect(phone.locator(`li[data-code="${code}"]`)).toHaveCount(0);

  const backOnline = Date.now();
  await tabletContext.setOffline(false);
  for (const code of codes) {
    await expect(phone.locator(`li[data-code="${code}"]`)).toBeVisible({ timeout: 10_000 });
  }
  const seenAfter = Date.now() - backOnline;
  expect(seenAfter).toBeLessThan(10_000);
  await expect(tabletPage.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden');

  await phone.locator(`li[data-code="${codes[0] ?? ''}"] button`).click();
  await expect(
    phone.getByRole('heading', { name: new RegExp(formatCode(codes[0] ?? '')) }),
  ).toBeVisible();
  const photo = phone.getByRole('img', { name: 'Foto 1 van het toestel' });
  await expect(photo).toBeVisible({ timeout: 10_000 - (Date.now() - backOnline) });
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
  await expectAccessible(phone, 'item card on the phone');
  await tabletContext.close();
  await phoneContext.close();
});
