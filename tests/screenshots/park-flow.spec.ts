// Screenshots of the park flow for docs/screenshots/, on a tablet (1280×800) and a phone
// (390×844). Run with `npm run screenshots`; not part of `npm test`.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { formatCode } from '../../src/domain';
import { ParkTablet } from '../e2e/pages/ParkTablet';
import { newCode } from '../support/codes';

const VIEWPORTS = [
  { name: 'tablet', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

for (const viewport of VIEWPORTS) {
  test(`park flow on a ${viewport.name}`, async ({ browser }) => {
    const context = await browser.newContext({
      viewport,
      locale: 'nl-BE',
      deviceScaleFactor: viewport.name === 'phone' ? 2 : 1,
    });
    const page = await context.newPage();
    const shot = async (name: string) => {
      await page.screenshot({
        path: `docs/screenshots/${viewport.name}-${name}.png`,
        fullPage: true,
      });
      await expectNoSidewaysScroll(page, name);
    };
    const tablet = new ParkTablet(page);
    await page.goto('/');
    await expect(
      page.getByRole('heading', { name: 'Demo: kies wat dit toestel is' }),
    ).toBeVisible();
    await shot('01-enroll');
    await tablet.enroll('DEMO-NOORD', `Tablet ${viewport.name}`);
    await shot('02-who');
    await tablet.pickPerson('An Peeters');
    const cage = newCode('cage');
    await tablet.openCage(cage);
    await expect(page.getByText('Kooi geopend.')).toBeVisible();
    await page.getByTestId('pending').click(); // moves focus off the field for a clean picture
    const items: [string, RegExp, string][] = [
      ['koffie', /Koffiezetapparaat/, 'Senseo'],
      ['gsm', /Gsm\/smartphone/, 'Samsung'],
      ['stofzuiger', /Stofzuiger/, 'Miele'],
    ];
    for (const [search, category, brand] of items) {
      await tablet.typeCode(newCode('item'));
      await tablet.fillAndSave({ search, category, brand });
    }
    await page.getByTestId('pending').click();
    await shot('03-intake');
    const code = newCode('item');
    await tablet.typeCode(code);
    await tablet.expectNewItemForm(code);
    await page.getByLabel('Zoek een soort toestel').fill('frietketel');
    await page.getByRole('radio', { name: /Klein keukentoestel/ }).check();
    await page.getByLabel('Merk', { exact: true }).fill('Tefal');
    await shot('04-new-item');
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await page.getByRole('button', { name: /Scannen met de camera/ }).waitFor();
    await page.goto(`/i/${code}`);
    await expect(page.getByRole('heading', { name: /Klein keukentoestel/ })).toBeVisible();
    await shot('05-item');
    await page.getByRole('button', { name: 'Vandaag' }).click();
    await shot('06-today');
    await page.getByRole('button', { name: 'Registreren' }).click();
    await page.getByRole('button', { name: 'Kooi bekijken of sluiten' }).click();
    await page.getByLabel('Hoeveel toestellen tel je in de kooi?').fill('3');
    await expect(page.getByRole('heading', { name: `Kooi ${formatCode(cage)}` })).toBeVisible();
    await shot('07-cage-close');
    await page.getByRole('button', { name: 'Registreren' }).click();
    await tablet.typeCode('BW-7K3Q-9XTA-X');
    await expect(page.getByRole('alert')).toBeVisible();
    await shot('08-bad-code');
    await page.getByRole('button', { name: 'Synchronisatie' }).click();
    await expect(page.getByTestId('connection')).toHaveText('Verbonden');
    await shot('09-sync');
    await page.getByRole('button', { name: 'Instellingen' }).click();
    await expect(page.getByTestId('persistence')).not.toHaveText('Even laden…');
    await shot('09-settings');
    await zoomCheck(page, viewport.name);
    await context.close();
    if (viewport.name === 'phone') await workshopPhone(browser, viewport);
  });
}

/** Reflow: at 200 % zoom of the tablet (640 CSS px) and at the 320 CSS px of WCAG 1.4.10 for the
 * phone, no screen scrolls sideways. Zoom is emulated as the browser does it: fewer CSS pixels,
 * twice the device pixels. */
async function zoomCheck(page: Page, name: string) {
  const width = name === 'tablet' ? 640 : 320;
  await page.setViewportSize({ width, height: name === 'tablet' ? 400 : 700 });
  const screens: [string, string][] = [
    ['Registreren', '10-zoom-intake'],
    ['Vandaag', '11-zoom-today'],
    ['Instellingen', '12-zoom-settings'],
  ];
  for (const [button, file] of screens) {
    await page.getByRole('button', { name: button }).click();
    await page.screenshot({ path: `docs/screenshots/${name}-${file}.png`, fullPage: true });
    await expectNoSidewaysScroll(page, `${button} at ${width} px`);
  }
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** The workshop phone: enrolled in one tap from the demo welcome, it lists the region's items
 * (the bench screens are pictured by the bench flow's walk). */
async function workshopPhone(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'nl-BE', deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Gsm in de werkplaats' }).click();
  await page.getByRole('button', { name: 'T-02' }).click();
  await expect(page.getByRole('heading', { name: 'Werkplaats', level: 1 })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Toestellen' }).click();
  await expect(page.getByRole('heading', { name: /Alle toestellen/ })).toBeVisible();
  await expect(page.locator('li[data-code]').first()).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/phone-20-workshop-items.png', fullPage: true });
  await expectNoSidewaysScroll(page, 'workshop items');
  await page.locator('li[data-code] button').first().click();
  await expect(page.getByRole('heading', { name: 'Geschiedenis' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/phone-21-workshop-item.png', fullPage: true });
  await expectNoSidewaysScroll(page, 'workshop item');
  await context.close();
}
