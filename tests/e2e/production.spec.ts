// A region brought up for real, through the browser only: `npm run serve` with demo mode off on
// an empty data folder; the set-up code read from the server's log; the admin makes the region's
// park, shop and people; a tablet enrolls by scanning the QR and logs two appliances into a cage;
// a phone at the shop receives the cage and walks one appliance to its sale; the coordinator signs
// in on a laptop, sees both in the figures, downloads the year's workbook and signs out.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readSheet } from 'read-excel-file/node';
import { formatCode } from '../../src/domain';
import { newCode } from '../support/codes';
import { fakeCameraArgs, writeQrY4m } from '../support/fakeCamera';
import { decodeQrCodes } from '../support/qrDecode';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { expectAccessible } from './pages/axe';
import { FiguresScreen } from './pages/Figures';
import { ParkTablet } from './pages/ParkTablet';
import { ShopPhone } from './pages/ShopPhone';
import { launchDevice, readStore, tempDir } from './support';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 50;
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function section(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Onderdelen van beheer' })
    .getByRole('button', { name })
    .click();
}

async function addSite(page: Page, name: string, kind: 'Recyclagepark' | 'Kringwinkel') {
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByRole('radio', { name: kind }).check();
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByText(`${name} is toegevoegd.`)).toBeVisible();
}

async function addPerson(
  page: Page,
  person: { name: string; role: string; site?: string; username?: string; password?: string },
) {
  await page.getByLabel('Naam of werkcode').fill(person.name);
  await page.getByRole('radio', { name: person.role }).check();
  if (person.site) await page.getByLabel('Werkt in').selectOption({ label: person.site });
  if (person.username) await page.getByLabel('Gebruikersnaam').fill(person.username);
  if (person.password)
    await page.getByLabel('Wachtwoord (minstens 10 tekens)').fill(person.password);
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByText(`${person.name} is toegevoegd.`)).toBeVisible();
}

let server: ServerProcess | undefined;
test.afterAll(async () => {
  await server?.stop();
});

test('a real region from the first start, through the browser alone', async ({ browser }) => {
  test.setTimeout(600_000);
  server = await startServerProcess({
    port: PORT,
    staticDir: 'dist',
    dataDir: tempDir('bewaar-production-'),
    production: true,
  });
  const origin = server.origin;
  const logged = server;
  await expect.poll(() => /set-up code: (\S+)/.exec(logged.output())?.[1]).toBeTruthy();
  const setupCode = /set-up code: (\S+)/.exec(server.output())?.[1] ?? '';
  expect(server.output()).not.toContain('Demo mode');

  // The first admin, on a laptop: the set-up screen, a wrong code first.
  const laptop = await (await browser.newContext({ viewport: LAPTOP, baseURL: origin })).newPage();
  await laptop.goto('/');
  await expect(laptop.getByRole('heading', { name: 'Bewaar instellen', level: 1 })).toBeVisible();
  await expect(laptop.getByText('Demo — geen echte gegevens')).toHaveCount(0);
  await expectAccessible(laptop, 'set-up');
  await laptop.getByLabel('Set-up-code').fill('verkeerde-code');
  await laptop.getByLabel('Naam van de regio').fill('Regio Gent');
  await laptop.getByLabel('Jouw naam').fill('Hanne Beheer');
  await laptop.getByLabel('Kies een gebruikersnaam').fill('hanne');
  await laptop.getByLabel('Kies een wachtwoord (minstens 10 tekens)').fill('fiets');
  await expect(laptop.getByText('Nog te kort: minstens 10 tekens.')).toBeVisible();
  await laptop.getByRole('button', { name: 'Instellen en aanmelden' }).click();
  await expect(laptop.getByRole('alert')).toHaveText('Kies een wachtwoord van minstens 10 tekens.');
  await laptop
    .getByLabel('Kies een wachtwoord (minstens 10 tekens)')
    .fill('Fietsen langs de Leie 2026');
  await expect(laptop.getByText('Sterk wachtwoord.')).toBeVisible();
  await laptop.getByRole('button', { name: 'Instellen en aanmelden' }).click();
  await expect(laptop.getByRole('alert')).toContainText('Deze set-up-code klopt niet');
  await laptop.screenshot({ path: 'docs/screenshots/laptop-setup.png', fullPage: true });
  await laptop.getByLabel('Set-up-code').fill(setupCode);
  await laptop.getByRole('button', { name: 'Instellen en aanmelden' }).click();
  await expect(laptop.getByRole('heading', { name: 'Beheer', level: 1 })).toBeVisible();
  await expect(laptop.getByText('Regio Gent · 👤 Hanne Beheer')).toBeVisible();

  // The region's park, shop and people.
  await addSite(laptop, 'Recyclagepark Oost', 'Recyclagepark');
  await addSite(laptop, 'Kringwinkel Gent', 'Kringwinkel');
  await section(laptop, 'Mensen');
  await addPerson(laptop, {
    name: 'Eva Parkwachter',
    role: 'Parkwachter',
    site: 'Recyclagepark Oost',
  });
  await addPerson(laptop, { name: 'T-07', role: 'Technieker', site: 'Kringwinkel Gent' });
  await addPerson(laptop, {
    name: 'Jan Coördinator',
    role: 'Coördinator',
    username: 'jan',
    password: 'de kooien van Gent',
  });

  // The park's enrollment QR, read by the tablet's camera.
  await section(laptop, 'Parken en winkels');
  await laptop.getByRole('button', { name: 'Toestel inschrijven voor Recyclagepark Oost' }).click();
  const qr = laptop.getByRole('img', { name: 'QR-code om een toestel in te schrijven' });
  const parkCode = (await laptop.getByTestId('enroll-code').textContent()) ?? '';
  const [enrollUrl] = await decodeQrCodes(await qr.screenshot());
  expect(enrollUrl).toBe(`${origin}/enroll/${parkCode}`);
  const clip = join(tempDir('bewaar-production-clip-'), 'enroll.y4m');
  writeQrY4m(enrollUrl ?? '', clip);
  const tabletDevice = await launchDevice(
    tempDir('bewaar-production-tablet-'),
    fakeCameraArgs(clip),
    origin,
  );
  const tabletPage = tabletDevice.pages()[0] ?? (await tabletDevice.newPage());
  const tablet = new ParkTablet(tabletPage);
  await tabletPage.goto('/');
  await tabletPage.getByRole('button', { name: 'QR-code scannen' }).click();
  await expect(tabletPage.getByLabel('Inschrijvingscode')).toHaveValue(parkCode, {
    timeout: 30_000,
  });
  await tabletPage.getByLabel('Naam van dit toestel').fill('Tablet Oost');
  await tabletPage.getByRole('button', { name: 'Inschrijven' }).click();
  await tablet.pickPerson('Eva Parkwachter');
  const cage = newCode('cage');
  const [kettle, toaster] = [newCode('item'), newCode('item')];
  await tablet.openCage(cage);
  await tablet.typeCode(kettle);
  await tablet.fillAndSave({ search: 'waterkoker', category: /Waterkoker/, brand: 'Philips' });
  await tablet.typeCode(toaster);
  await tablet.fillAndSave({ search: 'broodrooster', category: /Broodrooster/, brand: 'Tefal' });
  await tablet.closeCage(cage, 2);
  await expect(tabletPage.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden', {
    timeout: 20_000,
  });
  await tabletDevice.close();

  // The shop's phone, enrolled with the code shown for the shop.
  await laptop.getByRole('button', { name: 'Toestel inschrijven voor Kringwinkel Gent' }).click();
  await expect(
    laptop.getByRole('heading', { name: 'Inschrijvingscode voor Kringwinkel Gent' }),
  ).toBeVisible();
  const shopCode = (await laptop.getByTestId('enroll-code').textContent()) ?? '';
  const shop = new ShopPhone(
    await (await browser.newContext({ viewport: PHONE, baseURL: origin })).newPage(),
  );
  await shop.page.goto('/');
  await shop.enrollAs('T-07', shopCode);
  await shop.nav('Kooien');
  await expect(shop.row(cage)).toBeVisible({ timeout: 20_000 });
  await shop.row(cage).getByRole('button').click();
  await shop.page.getByRole('button', { name: 'Opgehaald door de chauffeur' }).click();
  await shop.page.getByRole('button', { name: 'Aangekomen in de kringwinkel' }).click();
  for (const code of [kettle, toaster]) {
    await shop.typeCode(code);
    await expect(shop.row(code)).toHaveAttribute('data-state', 'scanned');
  }
  await shop.page.getByRole('button', { name: 'Klaar met uitpakken' }).click();
  await shop.openItem(kettle);
  await shop.page.getByRole('button', { name: 'Verder: Nakijken' }).click();
  await shop.choose('Hoe ziet het eruit?', 'In orde');
  await shop.choose('Volledig (kabel, onderdelen, toebehoren)?', 'Ja');
  await shop.save();
  await shop.choose('Resultaat van de veiligheidstest', /Geslaagd/);
  await shop.page.getByLabel('Methode').fill('PAT klasse I'); // never prefilled
  await shop.save();
  await shop.expectStep('Werkingstest');
  await shop.page.getByRole('button', { name: 'Overslaan' }).click(); // function
  await shop.page.getByRole('button', { name: 'Overslaan' }).click(); // repair
  await shop.expectStep('Beslissing');
  await shop.choose('Wat gebeurt er met dit toestel?', /Te koop zetten/);
  await shop.page.getByLabel('Prijs', { exact: true }).fill('12');
  await shop.save();
  await expect(shop.page.locator('.badge').first()).toHaveText('Te koop');
  await shop.page.getByRole('button', { name: 'Verder: Verkocht' }).click();
  await shop.save('Verkocht');
  await expect(shop.page.locator('.badge').first()).toHaveText('Verkocht');
  await expect(shop.page.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden', {
    timeout: 20_000,
  });

  // The coordinator, on their own laptop: signs in, sees both appliances, downloads the year.
  const office = await (await browser.newContext({ viewport: LAPTOP, baseURL: origin })).newPage();
  const figures = new FiguresScreen(office);
  await figures.watchCsp();
  await office.goto('/');
  await expect(office.getByRole('heading', { name: 'Aanmelden als coördinator' })).toBeVisible();
  await office.getByLabel('Gebruikersnaam').fill('jan');
  await office.getByLabel('Wachtwoord').fill('verkeerd wachtwoord');
  await office.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(office.getByRole('alert')).toHaveText('Gebruikersnaam of wachtwoord klopt niet.');
  await expectAccessible(office, 'welcome with sign-in');
  await office.screenshot({ path: 'docs/screenshots/laptop-signin.png', fullPage: true });
  await office.getByLabel('Wachtwoord').fill('de kooien van Gent');
  await office.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await expect(office.getByRole('heading', { name: 'Cijfers van de pilot' })).toBeVisible();
  const year = String(new Date().getFullYear());
  await figures.pickYear(year);
  await expect.poll(() => figures.count('figures.registered'), { timeout: 30_000 }).toBe(2);
  await expect.poll(() => figures.count('figures.sold')).toBe(1);
  const workbook = await figures.download('Excel (XLSX)');
  const rows = await readSheet(workbook.bytes, 'Toestellen');
  const codes = rows.slice(1).map((row) => String(row[0]));
  expect(codes.sort()).toEqual([kettle, toaster].sort());
  expect(figures.cspViolations.filter((v) => v.includes('worker'))).toEqual([]);
  await office.screenshot({
    path: 'docs/screenshots/laptop-production-figures.png',
    fullPage: true,
  });

  // Signing out: the browser forgets the session and the server no longer takes its token.
  const [profile] = (
    await readStore<{ key: string; value: { token: string } }>(office, 'meta')
  ).filter((row) => row.key === 'deviceProfile');
  const token = profile?.value.token ?? '';
  expect(
    (await fetch(`${origin}/api/v1/sync/pull`, { headers: { authorization: `Bearer ${token}` } }))
      .status,
  ).toBe(200);
  await office
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Instellingen' })
    .click();
  await expect(
    office.getByText('Aangemeld als Jan Coördinator (Coördinator) in Regio Gent.'),
  ).toBeVisible();
  await expectAccessible(office, 'settings with session');
  await office.screenshot({ path: 'docs/screenshots/laptop-settings-session.png', fullPage: true });
  await office.getByRole('button', { name: 'Afmelden' }).click();
  await expect(office.getByRole('heading', { name: 'Aanmelden als coördinator' })).toBeVisible();
  const after = await fetch(`${origin}/api/v1/sync/pull`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(after.status).toBe(401);
  expect(formatCode(kettle)).toMatch(/^BW-/);
});
