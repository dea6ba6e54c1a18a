// Administration against the real server: the coordinator adds a park and a person and shows an
// enrollment QR; a new device enrolls by scanning it with its camera and logs an appliance; the
// coordinator revokes the device, whose next push is refused with a clear message while its
// unsent events stay on it. Label sheets decode back to the reserved codes; workshop and park
// devices reach no admin screen; a label's public page shows nothing personal. An admin creates,
// renames and opens a region to a coordinator, and sets a coordinator's forgotten password.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { codeUrl, formatCode } from '../../src/domain';
import { newCode } from '../support/codes';
import { fakeCameraArgs, writeQrY4m } from '../support/fakeCamera';
import { decodeQrCodes } from '../support/qrDecode';
import { enrollSender, eventBy, pushAll, adminCli } from './pages/api';
import { expectAccessible } from './pages/axe';
import { ParkTablet } from './pages/ParkTablet';
import { BASE_URL, launchDevice, tempDir } from './support';

async function openAdmin(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Beheer' })
    .click();
  await expect(page.getByRole('heading', { name: 'Beheer', level: 1 })).toBeVisible();
}

async function asCoordinator(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: /Coördinator/ }).click();
  await expect(page.getByRole('heading', { name: 'Cijfers van de pilot' })).toBeVisible();
  await openAdmin(page);
}

/** The status of a sign-in through the API, as any browser would send it. */
async function signInStatus(username: string, password: string): Promise<number> {
  const res = await fetch(`${BASE_URL}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

/** Signs in as someone else than the demo coordinator. The welcome screen's one-tap demo sign-in
 * is the app's only way in without a username field, so its request is sent with these
 * credentials instead: the app then stores whatever the server answered, as it would. */
async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.route('**/api/v1/session', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    return route.continue({ postData: JSON.stringify({ username, password }) });
  });
  await page.goto('/');
  await page.getByRole('button', { name: /Coördinator/ }).click();
  await expect(page.getByRole('heading', { name: 'Cijfers van de pilot' })).toBeVisible();
  await page.unroute('**/api/v1/session');
}

async function section(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Onderdelen van beheer' })
    .getByRole('button', { name })
    .click();
}

test('a new park, a person and a device enrolled by QR; revoking the device stops its sync, not its data', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const office = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 } })
  ).newPage();
  await asCoordinator(office);
  const suffix = randomBytes(3).toString('hex');
  const park = `Recyclagepark Oost ${suffix}`;
  const person = `Els Test ${suffix}`;

  await office.getByLabel('Naam', { exact: true }).fill(park);
  await office.getByRole('radio', { name: 'Recyclagepark' }).check();
  await office.getByLabel('Adres (niet verplicht)').fill('Oostlaan 1, 8000 Brugge');
  await office.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(office.getByText(`${park} is toegevoegd.`)).toBeVisible();
  await expect(office.locator('li[data-site]').filter({ hasText: park })).toBeVisible();
  await expectAccessible(office, 'admin sites');
  await office.screenshot({ path: 'docs/screenshots/laptop-admin-sites.png', fullPage: true });

  await section(office, 'Mensen');
  await office.getByLabel('Naam of werkcode').fill(person);
  // Where a new person works fits their role: a park for an attendant, a kringwinkel for a
  // technician (the region lists its kringwinkel first, alphabetically).
  const where = office.getByLabel('Werkt in');
  const picked = (kind: string) => where.locator(`optgroup[label="${kind}"] option:checked`);
  await office.getByRole('radio', { name: 'Technieker' }).check();
  await expect(picked('Kringwinkel')).toHaveCount(1);
  await office.getByRole('radio', { name: 'Parkwachter' }).check();
  await expect(picked('Recyclagepark')).toHaveCount(1);
  await office.screenshot({ path: 'docs/screenshots/laptop-admin-people.png', fullPage: true });
  await where.selectOption({ label: park });
  await office.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(office.getByText(`${person} is toegevoegd.`)).toBeVisible();
  await expectAccessible(office, 'admin people');

  await section(office, 'Parken en winkels');
  await office.getByRole('button', { name: `Toestel inschrijven voor ${park}` }).click();
  const qr = office.getByRole('img', { name: 'QR-code om een toestel in te schrijven' });
  await expect(qr).toBeVisible();
  const code = (await office.getByTestId('enroll-code').textContent()) ?? '';
  // The QR on the coordinator's screen is what the device's camera will see.
  const [enrollUrl] = await decodeQrCodes(await qr.screenshot());
  expect(enrollUrl).toBe(`${BASE_URL}/enroll/${code}`);
  await expect(office.getByText(/Eén keer te gebruiken, geldig tot/)).toBeVisible();
  await expectAccessible(office, 'enrollment QR');
  await office.screenshot({ path: 'docs/screenshots/laptop-admin-enroll-qr.png', fullPage: true });

  // The new tablet: its camera is shown the QR; it enrolls, and the new person logs an item.
  const clip = join(tempDir('bewaar-enroll-clip-'), 'enroll.y4m');
  writeQrY4m(enrollUrl ?? '', clip);
  const device = await launchDevice(tempDir('bewaar-new-tablet-'), fakeCameraArgs(clip));
  const tabletPage = device.pages()[0] ?? (await device.newPage());
  const tablet = new ParkTablet(tabletPage);
  await tabletPage.goto('/');
  await tabletPage.getByRole('button', { name: 'QR-code scannen' }).click();
  await expect(tabletPage.getByLabel('Inschrijvingscode')).toHaveValue(code, { timeout: 30_000 });
  await tabletPage.getByLabel('Naam van dit toestel').fill(`Tablet Oost ${suffix}`);
  await tabletPage.getByRole('button', { name: 'Inschrijven' }).click();
  await tablet.pickPerson(person);
  const first = newCode('item');
  await tablet.typeCode(first);
  await tablet.fillAndSave({ search: 'waterkoker', category: /Waterkoker/ });
  await expect(tabletPage.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden', {
    timeout: 15_000,
  });

  // The coordinator sees the device and revokes it.
  await section(office, 'Toestellen');
  const row = office.locator('li[data-device]').filter({ hasText: `Tablet Oost ${suffix}` });
  await expect(row).toContainText(park);
  await expect(row).toContainText('0 nog te verzenden');
  await expectAccessible(office, 'admin devices');
  await row.getByRole('button', { name: `Tablet Oost ${suffix} intrekken` }).click();
  await expect(office.getByRole('alertdialog')).toContainText('Wat er nog op staat, blijft erop');
  await office.getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(row).toContainText('ingetrokken');

  // The revoked tablet keeps working locally; its push is refused with a clear message and its
  // unsent events stay, counted and visible.
  const second = newCode('item');
  await tablet.typeCode(second);
  await tablet.fillAndSave({ search: 'waterkoker', category: /Waterkoker/ });
  await expect(tabletPage.getByText(/Dit toestel is niet meer ingeschreven/).first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(tabletPage.getByTestId('pending')).toHaveText('1 wijziging nog niet verzonden');
  await expect(tablet.todayRow(second)).toBeVisible();
  await device.close();

  // The change log says who did what, in sentences with names.
  await section(office, 'Logboek');
  const log = office.locator('table.audit tbody');
  await expect(log).toContainText(`Coördinator (demo) maakte recyclagepark ‘${park}’ aan`);
  await expect(log).toContainText(`Coördinator (demo) maakte parkwachter ${person} aan`);
  await expect(log).toContainText(
    `Toestel ‘Tablet Oost ${suffix}’ werd ingeschreven bij ${park} met de code van Coördinator (demo) (coördinator)`,
  );
  await expect(log).toContainText(
    `Coördinator (demo) trok de toegang van toestel ‘Tablet Oost ${suffix}’ in`,
  );
  await expectAccessible(office, 'admin audit');
});

/** The label URLs read off a sheet. On a sheet of 24 codes ZXing once also read a short number
 * ("096078") out of the patterns of neighbouring codes; only label URLs are the sheet's codes,
 * and every one of them is compared. */
async function labelUrls(sheet: Uint8Array): Promise<string[]> {
  return (await decodeQrCodes(sheet)).filter((text) => text.startsWith(`${BASE_URL}/i/`));
}

test('label sheets print QR codes of the reserved codes, and two sheets never share one', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await asCoordinator(page);
  await section(page, 'Labels');
  await expectAccessible(page, 'admin labels');
  const reserve = async (kind: RegExp) => {
    await page.emulateMedia({ media: 'screen' });
    await openAdmin(page);
    await section(page, 'Labels');
    await page.getByRole('radio', { name: kind }).check();
    await page.getByLabel('Hoeveel codes?').fill('24');
    await page.getByRole('button', { name: 'Reserveren en afdrukken' }).click();
    await expect(page.getByRole('heading', { name: 'Labels afdrukken (24)' })).toBeVisible();
    await expect(page.locator('.label img')).toHaveCount(24);
    return page
      .locator('.label')
      .evaluateAll((labels) => labels.map((l) => (l as HTMLElement).dataset.code ?? ''));
  };
  const items = await reserve(/Toestellen/);
  await expectAccessible(page, 'label print view');
  // The parks only: the demo's kringwinkel and repair café put no name on an item label.
  const offered = await page.getByLabel('Naam op het label').locator('option').allTextContents();
  expect(offered).toEqual(expect.arrayContaining(['Recyclagepark Noord', 'Recyclagepark Zuid']));
  expect(offered).not.toContain('Kringwinkel Centrum');
  expect(offered).not.toContain('Repair Café Centrum');
  await page.getByLabel('Naam op het label').selectOption({ label: 'Recyclagepark Zuid' });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  const sheet = await page.locator('.label-sheet').screenshot();
  await page.screenshot({ path: 'docs/screenshots/print-labels-3x8.png', fullPage: true });
  const decoded = await labelUrls(sheet);
  expect([...decoded].sort()).toEqual(items.map((c) => codeUrl(BASE_URL, c)).sort());
  await expect(page.locator('.label').first()).toContainText(formatCode(items[0] ?? ''));
  await expect(page.locator('.label').first()).toContainText('Recyclagepark Zuid');
  await page.emulateMedia({ media: 'screen' });

  await page.getByLabel('Labelpapier').selectOption('4x10');
  await page.emulateMedia({ media: 'print' });
  expect((await labelUrls(await page.locator('.label-sheet').screenshot())).length).toBe(24);
  await page.emulateMedia({ media: 'screen' });

  const cages = await reserve(/Kooien/);
  expect(cages.every((c) => c.startsWith('BK'))).toBe(true);
  expect(new Set([...items, ...cages]).size).toBe(48);

  // One code printed again, on a roll label.
  await page.emulateMedia({ media: 'screen' });
  await openAdmin(page);
  await section(page, 'Labels');
  await page.getByLabel('Code van het label').fill(formatCode(items[5] ?? ''));
  await page.getByRole('button', { name: 'Opnieuw afdrukken' }).click();
  await page.getByLabel('Labelpapier').selectOption('roll62');
  await expect(page.locator('.label')).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  expect(await labelUrls(await page.locator('.label-sheet').screenshot())).toEqual([
    codeUrl(BASE_URL, items[5] ?? ''),
  ]);
});

test('park and workshop devices reach no admin screen; a label shows a public card only when for sale or sold', async ({
  browser,
}) => {
  const phone = await (
    await browser.newContext({ viewport: { width: 390, height: 844 } })
  ).newPage();
  await phone.goto('/');
  await phone.getByRole('button', { name: 'Gsm in de werkplaats' }).click();
  await phone.getByRole('button', { name: 'T-03' }).click();
  // The workshop's home is shown once the pick is stored, so the reload below keeps T-03.
  await expect(phone.getByRole('heading', { name: 'Werkplaats', level: 1 })).toBeVisible();
  await expect(phone.getByRole('navigation').getByRole('button', { name: 'Beheer' })).toHaveCount(
    0,
  );
  await phone.goto('/beheer/toestellen');
  await expect(phone.getByText('Beheer is alleen voor de coördinator.')).toBeVisible();
  await expect(phone.locator('li[data-device]')).toHaveCount(0);

  // An appliance repaired and for sale, and one still in the workshop.
  const park = await enrollSender('DEMO-NOORD', 'demo-bart-claes');
  const shop = await enrollSender('DEMO-WINKEL', 'demo-t-02');
  const [forSale, inRepair] = [newCode('item'), newCode('item')];
  const registration = (code: string) =>
    eventBy(park, 'item.registered', code, {
      category: 36,
      brand: 'Philips',
      condition: 'minor-defect',
      complete: true,
      weightKg: 2,
      weighed: false,
      photos: [],
      note: 'Van mevrouw Janssens, Kerkstraat 3',
    });
  await pushAll(park, [registration(forSale), registration(inRepair)]);
  await pushAll(shop, [
    eventBy(shop, 'item.inspected', inRepair, { visual: 'ok', complete: true }),
    eventBy(shop, 'item.safety-tested', forSale, { result: 'pass', method: 'PAT klasse I' }),
    eventBy(shop, 'item.repaired', forSale, {
      fault: 'Pomp zat vast',
      action: 'Ontkalkt en pomp vrijgemaakt',
      parts: [],
      minutes: 25,
      worker: 'T-02',
    }),
    eventBy(shop, 'item.priced', forSale, { priceEur: 18, warrantyMonths: 12 }),
  ]);

  const visitor = await (
    await browser.newContext({ viewport: { width: 390, height: 844 } })
  ).newPage();
  await visitor.goto(`/i/${forSale}`);
  await expect(
    visitor.getByRole('heading', { name: 'Dit toestel kreeg een tweede leven' }),
  ).toBeVisible();
  // Only what was chosen for customers: kind, brand, tests passed, warranty, price, kringwinkel.
  const facts = visitor.locator('dl.facts');
  await expect(facts).toContainText('Koffiezetapparaat');
  await expect(facts).toContainText('Philips');
  await expect(facts).toContainText('Elektrisch veilig (veiligheidstest geslaagd)');
  await expect(facts).toContainText('12 maanden');
  await expect(facts).toContainText(/€\s?18,00/);
  await expect(facts).toContainText('Kringwinkel Centrum');
  // Never what the technician wrote for colleagues, nor people or the park.
  await expect(
    visitor.getByText(
      /Ontkalkt|Pomp zat vast|PAT klasse|Janssens|Kerkstraat|T-02|Bart|Recyclagepark/,
    ),
  ).toHaveCount(0);
  await expectAccessible(visitor, 'public item card');
  await visitor.screenshot({ path: 'docs/screenshots/phone-public-item.png', fullPage: true });
  await visitor.setViewportSize({ width: 1280, height: 800 });
  await visitor.screenshot({ path: 'docs/screenshots/laptop-public-item.png', fullPage: true });
  await visitor.setViewportSize({ width: 390, height: 844 });
  for (const code of [inRepair, newCode('item')]) {
    await visitor.goto(`/i/${code}`);
    await expect(
      visitor.getByText(/Over dit label valt hier \(nog\) niets te tonen/),
    ).toBeVisible();
    await expect(visitor.getByText('Koffiezetapparaat')).toHaveCount(0);
  }
});

test("an admin manages regions and sets a coordinator's new password; a coordinator sees neither", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const suffix = randomBytes(3).toString('hex');
  const admin = { username: `beheer-${suffix}`, password: `beheer-wachtwoord-${suffix}` };
  adminCli(
    'create-person',
    '--tenant',
    'demo',
    '--name',
    `Beheerder ${suffix}`,
    '--role',
    'admin',
    '--username',
    admin.username,
    '--password',
    admin.password,
  );
  // Not the demo coordinator: later tests sign in with its published password.
  const coordinator = {
    name: `Sofie Coördinator ${suffix}`,
    username: `sofie-${suffix}`,
    password: 'oud-wachtwoord-1',
  };
  adminCli(
    'create-person',
    '--tenant',
    'demo',
    '--name',
    coordinator.name,
    '--role',
    'coordinator',
    '--username',
    coordinator.username,
    '--password',
    coordinator.password,
  );

  // No service worker: the sign-in request must reach `page.route`, which does not see what a
  // service worker fetches.
  const office = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' })
  ).newPage();
  await signInAs(office, admin.username, admin.password);
  await openAdmin(office);
  await section(office, "Regio's");
  await expect(office.getByRole('heading', { name: "Regio's", level: 2 })).toBeVisible();
  await expect(office.getByTestId('current-region')).toHaveText(
    'Je werkt nu in Regio Brugge (demo).',
  );
  const demo = office.getByRole('region', { name: /Regio Brugge \(demo\)/ });
  await expect(demo.getByRole('heading', { level: 3 })).toContainText('huidige regio');
  await expect(demo).toContainText('Recyclagepark Noord');
  await expect(demo).toContainText('Kringwinkel Centrum');
  await expect(
    demo.locator('li[data-person]').filter({ hasText: `Beheerder ${suffix}` }),
  ).toContainText('(jij)');

  // A new region: an empty name is refused in words, then it is made and the next step named.
  const create = office.getByRole('button', { name: 'Regio aanmaken' });
  await create.click();
  await expect(office.getByText('Typ een naam voor de regio.')).toBeVisible();
  const first = `Regio Test ${suffix}`;
  await office.getByLabel('Naam van de regio').fill(first);
  await create.click();
  await expect(office.getByText(`${first} is aangemaakt.`)).toBeVisible();
  await expect(office.getByText(/Wissel naar deze regio bij Instellingen → Regio/)).toBeVisible();
  // The same name again, in other letters: the server says it exists.
  await office.getByLabel('Naam van de regio').fill(first.toUpperCase());
  await create.click();
  await expect(
    office.getByText('Er is al een regio met die naam. Kies een andere naam.'),
  ).toBeVisible();
  await office.getByLabel('Naam van de regio').fill('');

  // Renamed.
  const renamed = `Regio Kust ${suffix}`;
  let region = office.getByRole('region', { name: first });
  await region.getByRole('button', { name: 'Naam wijzigen' }).click();
  await expect(region.getByLabel(`Nieuwe naam voor ${first}`)).toBeFocused();
  await region.getByLabel(`Nieuwe naam voor ${first}`).fill(renamed);
  await region.getByRole('button', { name: 'Naam opslaan' }).click();
  region = office.getByRole('region', { name: renamed });
  await expect(region.getByText(`De regio heet nu ${renamed}.`)).toBeVisible();
  await expect(region).toContainText('Nog geen parken of winkels.');

  // Access for the coordinator, by username; an unknown one is refused in words.
  await region.getByLabel('Gebruikersnaam').fill('niemand-zo');
  await region.getByRole('button', { name: 'Toegang geven' }).click();
  await expect(region.getByRole('alert')).toContainText(
    'Er is geen coördinator of beheerder met die gebruikersnaam',
  );
  await region.getByLabel('Gebruikersnaam').fill(coordinator.username);
  await region.getByRole('button', { name: 'Toegang geven' }).click();
  await expect(
    region.getByText(`${coordinator.name} kan zich nu aanmelden in ${renamed}.`),
  ).toBeVisible();
  const row = region.locator('li[data-person]').filter({ hasText: coordinator.name });
  await expect(row).toContainText(`Gebruikersnaam: ${coordinator.username}`);
  await expectAccessible(office, 'admin regions');
  await office.screenshot({ path: 'docs/screenshots/laptop-admin-regions.png', fullPage: true });

  // Taking it away asks first; cancel keeps it, yes takes it.
  await row.getByRole('button', { name: `Toegang afnemen: ${coordinator.name}` }).click();
  const question = region.getByRole('alertdialog');
  await expect(question).toContainText(
    `${coordinator.name} kan zich dan niet meer aanmelden in ${renamed}.`,
  );
  await expect(question.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await expectAccessible(office, 'admin regions, take access away');
  await question.getByRole('button', { name: 'Annuleren' }).click();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `Toegang afnemen: ${coordinator.name}` }).click();
  await region.getByRole('button', { name: 'Ja, toegang afnemen' }).click();
  await expect(
    region.getByText(`${coordinator.name} kan zich niet meer aanmelden in ${renamed}.`),
  ).toBeVisible();
  await expect(row).toHaveCount(0);

  // A new password for the coordinator, who forgot theirs.
  await section(office, 'Mensen');
  const person = office.locator('li[data-person]').filter({ hasText: coordinator.name });
  await person
    .getByRole('button', { name: `Nieuw wachtwoord instellen: ${coordinator.name}` })
    .click();
  const field = person.getByLabel('Nieuw wachtwoord', { exact: true });
  await expect(field).toBeFocused();
  await field.fill('kort');
  await expect(person.getByText('Nog 6 tekens nodig.')).toBeVisible();
  await person.getByRole('button', { name: 'Verder' }).click();
  await expect(person.getByRole('alert')).toHaveText(
    'Het wachtwoord moet minstens 10 tekens hebben.',
  );
  const fresh = 'drie koeien in de wei';
  await field.fill(fresh);
  await expect(person.getByText('Sterk wachtwoord.')).toBeVisible();
  await expectAccessible(office, 'admin people, new password');
  await office.screenshot({ path: 'docs/screenshots/laptop-admin-password.png', fullPage: true });
  await person.getByRole('button', { name: 'Verder' }).click();
  await expect(person.getByRole('alertdialog')).toContainText(
    `Wie nu als ${coordinator.name} aangemeld is, wordt afgemeld.`,
  );
  await expectAccessible(office, 'admin people, confirm new password');
  await person.getByRole('button', { name: 'Ja, wachtwoord instellen' }).click();
  await expect(person.getByRole('status')).toHaveText(
    `${coordinator.name} kan zich nu aanmelden met het nieuwe wachtwoord; wie aangemeld was, is afgemeld.`,
  );
  expect(await signInStatus(coordinator.username, coordinator.password)).toBe(401);
  expect(await signInStatus(coordinator.username, fresh)).toBe(200);

  // The demo coordinator sees no Regio's tab, and no password button for anyone.
  const coordinatorPage = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 } })
  ).newPage();
  await asCoordinator(coordinatorPage);
  const tabs = coordinatorPage.getByRole('navigation', { name: 'Onderdelen van beheer' });
  await expect(tabs.getByRole('button', { name: 'Logboek' })).toBeVisible();
  await expect(tabs.getByRole('button', { name: "Regio's" })).toHaveCount(0);
  await section(coordinatorPage, 'Mensen');
  await expect(coordinatorPage.locator('li[data-person]').first()).toBeVisible();
  await expect(
    coordinatorPage.getByRole('button', { name: /Nieuw wachtwoord instellen/ }),
  ).toHaveCount(0);
  await coordinatorPage.goto('/beheer/regios');
  await expect(
    coordinatorPage.getByText("Regio's beheren kan alleen een beheerder."),
  ).toBeVisible();
});
