// The park flow of a tablet without network: after one online load, everything — camera scans,
// typed codes, a hardware scanner, a photo, a cage closed for pickup — works and survives reloads.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { codeUrl, formatCode } from '../../src/domain';
import { newCode } from '../support/codes';
import { fakeCameraArgs, writeQrY4m } from '../support/fakeCamera';
import { expectAccessible } from './pages/axe';
import { ParkTablet } from './pages/ParkTablet';
import {
  BASE_URL,
  jpegWithExif,
  launchDevice,
  photoFacts,
  readLog,
  readStore,
  tempDir,
} from './support';
import { waitForServiceWorker } from './support';

test('a park tablet logs five items offline, cages them and keeps everything', async () => {
  const profile = tempDir('bewaar-profile-');
  const clips = tempDir('bewaar-clips-');
  const cage = newCode('cage');
  const cameraCodes = [newCode('item'), newCode('item'), newCode('item')];
  const typedCode = newCode('item');
  const wedgeCode = newCode('item');

  // Online once: install the app and set the tablet up.
  let context = await launchDevice(profile);
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  const tablet = new ParkTablet(page);
  await expectAccessible(page, 'enrollment');
  await tablet.enroll('DEMO-NOORD');
  await expectAccessible(page, 'person picker');
  await tablet.pickPerson('An Peeters');
  await waitForServiceWorker(page);

  // Offline from here on; a reload still starts the app.
  await context.setOffline(true);
  await page.reload();
  await expect(tablet.scanButton).toBeVisible();
  await expectAccessible(page, 'intake (empty)');

  // Open a cage by its label.
  await tablet.openCage(formatCode(cage));
  await expect(page.getByText('Kooi geopend. Nieuwe toestellen gaan erin.')).toBeVisible();
  await expect(page.getByText(formatCode(cage)).first()).toBeVisible();

  // Three items by camera: each relaunch plays another QR clip on the fake camera (offline).
  for (const [i, code] of cameraCodes.entries()) {
    await context.close();
    const clip = join(clips, `item-${i}.y4m`);
    writeQrY4m(codeUrl(BASE_URL, code), clip);
    context = await launchDevice(profile, fakeCameraArgs(clip));
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    const cam = new ParkTablet(page);
    await cam.cameraScan();
    await cam.expectNewItemForm(code);
    if (i === 0) await expectAccessible(page, 'new item form');
    await cam.fillAndSave({
      search: ['gsm', 'microgolf', 'stofzuiger'][i] ?? 'gsm',
      category: [/Gsm\/smartphone/, /Klein keukentoestel/, /Stofzuiger/][i] ?? /Gsm/,
      brand: ['Samsung', 'Whirlpool', 'Dyson'][i],
      ...(i === 1
        ? { photo: { name: 'foto.jpg', mimeType: 'image/jpeg', buffer: await jpegWithExif(page) } }
        : {}),
    });
    await expect(cam.todayRow(code)).toBeVisible();
  }

  // One typed by hand, one by a hardware scanner.
  const park = new ParkTablet(page);
  await park.typeCode(formatCode(typedCode).toLowerCase());
  await park.expectNewItemForm(typedCode);
  await park.fillAndSave({
    search: 'frietketel',
    category: /Klein keukentoestel/,
    brand: 'Tefal',
    note: 'Frietketel "Oleoclean"; werkt, één sticker mist.\nZonder mand.',
  });
  await park.wedgeScan(codeUrl(BASE_URL, wedgeCode));
  await park.expectNewItemForm(wedgeCode);
  await park.fillAndSave({ search: 'waterkoker', category: /Waterkoker/, weight: '1,3' });
  await expectAccessible(page, 'intake with items');

  // Close the cage with the counted number.
  await park.closeCage(cage, 5);
  await expect(
    page.getByText(`Kooi ${formatCode(cage)} is gesloten en klaar voor ophaling.`),
  ).toBeVisible();

  // Reload offline: all five items, in the closed cage, and the photo.
  await page.reload();
  const all = [...cameraCodes, typedCode, wedgeCode];
  for (const code of all) await expect(park.todayRow(code)).toBeVisible();
  await expect(page.getByTestId(`today-${cage}`).locator('li')).toHaveCount(5);
  await page.getByRole('button', { name: 'Registreren' }).click();
  await park.typeCode(cage);
  await expect(page.getByRole('heading', { name: `Kooi ${formatCode(cage)}` })).toBeVisible();
  await expect(page.getByText('Gesloten, wacht op ophaling')).toBeVisible();
  await expectAccessible(page, 'cage screen');

  await page.goto(`/i/${cameraCodes[1] ?? ''}`);
  await expect(page.getByRole('img', { name: 'Foto 1 van het toestel' })).toBeVisible();
  expect(
    await page
      .getByRole('img', { name: 'Foto 1 van het toestel' })
      .evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBeGreaterThan(0);
  await expectAccessible(page, 'item card');
  const photos = await photoFacts(page);
  expect(photos).toHaveLength(1);
  expect(photos[0]).toEqual({ width: 1600, height: 1067, type: 'image/jpeg', exif: false });

  const ours = new Set([...all, cage]);
  const events = (await readLog<{ type: string; subject: string }>(page)).filter((e) =>
    ours.has(e.subject),
  );
  expect(
    events
      .filter((e) => e.type === 'item.registered')
      .map((e) => e.subject)
      .sort(),
  ).toEqual([...all].sort());
  expect(events.filter((e) => e.type === 'item.caged')).toHaveLength(5);
  expect(events.filter((e) => e.type === 'cage.closed')).toHaveLength(1);
  expect(await readStore(page, 'outbox')).toHaveLength(events.length);

  await context.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(clips, { recursive: true, force: true });
});
