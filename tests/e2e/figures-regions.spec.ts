// A hub coordinator granted two regions (the demo region and a second one set up with the admin
// CLI) signs in with the welcome screen's form, picks the region this browser opens, and in
// Cijfers switches to "Alle regio's": both regions side by side with their total, which for
// "Geregistreerd" is their sum; the items CSV, made by the server, names each row's region.
// The view passes axe and is photographed on a laptop and a phone; offline it says it needs a
// connection.
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { newCode } from '../support/codes';
import { enrollSender, eventBy, pushAll, type Sender, adminCli } from './pages/api';
import { expectAccessible } from './pages/axe';
import { FiguresScreen } from './pages/Figures';

const DEMO_REGION = 'Regio Brugge (demo)';
const HUB = { username: 'hub-kust', password: 'hub-wachtwoord-2026' };

/** Region "Kust": a park and a shop with a person each, and a coordinator of the demo region
 * who is let into it too. Returns a sender for the park and one for the shop. */
async function setUpKust(): Promise<{ park: Sender; shop: Sender; region: string }> {
  const region = adminCli('create-tenant', '--name', 'Regio Kust').id;
  const park = adminCli(
    'create-site',
    '--tenant',
    region,
    '--name',
    'Recyclagepark Kust',
    '--kind',
    'park',
  );
  const shop = adminCli(
    'create-site',
    '--tenant',
    region,
    '--name',
    'Kringwinkel Kust',
    '--kind',
    'shop',
  );
  const attendant = adminCli(
    ...['create-person', '--tenant', region, '--name', 'Kato', '--role', 'attendant'],
    ...['--site', park.id],
  );
  const technician = adminCli(
    ...['create-person', '--tenant', region, '--name', 'T-K1', '--role', 'technician'],
    ...['--site', shop.id],
  );
  adminCli('create-enrollment-code', '--tenant', region, '--site', park.id, '--code', 'KUST-PARK');
  adminCli(
    'create-enrollment-code',
    '--tenant',
    region,
    '--site',
    shop.id,
    '--code',
    'KUST-WINKEL',
  );
  adminCli(
    ...['create-person', '--tenant', 'demo', '--name', 'Hanne Hub', '--role', 'coordinator'],
    ...['--username', HUB.username, '--password', HUB.password],
  );
  adminCli('grant-region', '--username', HUB.username, '--tenant', region);
  return {
    park: await enrollSender('KUST-PARK', attendant.id),
    shop: await enrollSender('KUST-WINKEL', technician.id),
    region,
  };
}

test('a hub coordinator sees both regions and their total, and downloads the items with a region column', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const kust = await setUpKust();
  // Today at the coast: three kettles registered, one repaired and sold.
  const items = [newCode('item'), newCode('item'), newCode('item')];
  await pushAll(
    kust.park,
    items.map((code) =>
      eventBy(kust.park, 'item.registered', code, {
        category: 14,
        brand: 'Bosch',
        condition: 'works',
        complete: true,
        weightKg: 1.4,
        weighed: true,
        photos: [],
      }),
    ),
  );
  const [sold = ''] = items;
  await pushAll(kust.shop, [
    eventBy(kust.shop, 'item.received', sold, {}),
    eventBy(kust.shop, 'item.safety-tested', sold, { result: 'pass', method: 'PAT klasse I' }),
    eventBy(kust.shop, 'item.repaired', sold, {
      fault: 'Thermostaat',
      action: 'Vervangen',
      parts: [],
      minutes: 25,
      worker: 'T-K1',
    }),
    eventBy(kust.shop, 'item.priced', sold, { priceEur: 14, warrantyMonths: 6 }),
    eventBy(kust.shop, 'item.sold', sold, { priceEur: 14 }),
  ]);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const screen = new FiguresScreen(page);
  await screen.signIn(HUB.username, HUB.password, DEMO_REGION);
  await expect(page.getByRole('radio', { name: /Deze regio/ })).toBeChecked();
  await screen.showAllRegions();
  await expect(page.getByText('Deze cijfers komen van de server')).toBeVisible();

  const columns = await screen.regionColumns();
  expect(columns.map((c) => c.name)).toEqual([DEMO_REGION, 'Regio Kust', 'Totaal']);
  const [demo, coast] = columns;
  const registered = async (column: string) => screen.regionFigure('figures.registered', column);
  expect(await registered(kust.region)).toBe(3);
  expect(coast?.id).toBe(kust.region);
  const demoRegistered = await registered(demo?.id ?? '');
  expect(await registered('total')).toBe(demoRegistered + 3);
  // The total's cards are those of all regions together.
  expect(await screen.count('figures.registered')).toBe(demoRegistered + 3);
  expect(await screen.regionFigure('figures.sold', kust.region)).toBe(1);

  await expectAccessible(page, 'figures over regions');
  await page.screenshot({ path: 'docs/screenshots/laptop-figures-regions.png', fullPage: true });

  // The items CSV of all regions, made by the server: the region first in every row.
  const file = await screen.download('Toestellen (CSV)');
  expect(file.statuses).toContain('Bestand maken… Stap 1 van 2: de server maakt het bestand.');
  const csv = Papa.parse<Record<string, string>>(file.bytes.toString('utf8').slice(1), {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  });
  expect(csv.errors).toEqual([]);
  expect(csv.meta.fields?.slice(0, 2)).toEqual(['Regio', 'Code']);
  const regionOf = new Map(csv.data.map((row) => [row.Code, row.Regio]));
  for (const code of items) expect(regionOf.get(code)).toBe('Regio Kust');
  expect(new Set(csv.data.map((row) => row.Regio))).toEqual(new Set([DEMO_REGION, 'Regio Kust']));
  const month = new Date().toISOString().slice(0, 7);
  const registeredRows = csv.data.filter((row) => row.Geregistreerd?.startsWith(month));
  expect(registeredRows).toHaveLength(demoRegistered + 3);
  expect(csv.data.find((row) => row.Code === sold)?.Recyclagepark).toBe('Recyclagepark Kust');

  // One region of the two: the filter asks the server for that one only.
  await page.getByLabel('Regio', { exact: true }).selectOption({ label: 'Regio Kust' });
  await expect
    .poll(async () => (await screen.regionColumns()).map((c) => c.name))
    .toEqual(['Regio Kust', 'Totaal']);
  expect(await registered('total')).toBe(3);
  await page.getByLabel('Regio', { exact: true }).selectOption({ label: "Alle regio's" });
  await expect.poll(async () => (await screen.regionColumns()).length).toBe(3);

  // On a phone: the table scrolls sideways inside its own region.
  await page.setViewportSize({ width: 390, height: 844 });
  const scroller = page.getByRole('region', { name: 'Per regio, naast elkaar' });
  // The table from its caption down, as the phone's screenshot shows it.
  await scroller.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
  });
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page, 'figures over regions on a phone');
  await page.screenshot({ path: 'docs/screenshots/phone-figures-regions.png' });

  // Without a connection the view says so plainly, and the server's files wait.
  await context.setOffline(true);
  await expect(page.getByTestId('regions-offline')).toContainText(
    "Alle regio's samen kan alleen met een verbinding",
    { timeout: 30_000 },
  );
  await expect(page.getByRole('button', { name: 'Toestellen (CSV)' })).toBeDisabled();
  await context.setOffline(false);
  await context.close();
});
