// The header's places, for every kind of device: on a 390 px phone and in a 1280×800 window at
// 200 % zoom every nav button is on the screen, none behind a sideways scroll; at 1280×800 they
// stay one row of tabs. The coordinator of a region with a café has the most places (seven).
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './pages/axe';
import { DoorTablet, FixerPhone } from './pages/CafeDevices';
import { FiguresScreen } from './pages/Figures';
import { ParkTablet } from './pages/ParkTablet';
import { ShopPhone } from './pages/ShopPhone';

const PHONE = { width: 390, height: 844 };
// Zoom as the browser does it: a 1280×800 window at 200 % lays out 640×400 CSS px, drawn with
// twice the device pixels (the context's deviceScaleFactor of 2).
const ZOOMED = { width: 640, height: 400 };
const TABLET = { width: 1280, height: 800 };

interface Role {
  name: string;
  /** The file name's part of its screenshots (only the ones the docs show). */
  shot?: string;
  open: (page: Page) => Promise<void>;
  tabs: string[];
}

const ROLES: Role[] = [
  {
    name: 'the coordinator of a region with a café',
    shot: 'coordinator',
    open: (page) => new FiguresScreen(page).openAsCoordinator(),
    tabs: [
      'Cijfers',
      'Cafédagen',
      'Toestellen',
      'Kooien',
      'Beheer',
      'Synchronisatie',
      'Instellingen',
    ],
  },
  {
    name: 'the park attendant',
    shot: 'park',
    open: async (page) => {
      await page.goto('/');
      const tablet = new ParkTablet(page);
      await tablet.enroll('DEMO-NOORD');
      await tablet.pickPerson('An Peeters');
    },
    tabs: ['Registreren', 'Vandaag', 'Toestellen', 'Synchronisatie', 'Instellingen'],
  },
  {
    name: 'the kringwinkel technician',
    open: async (page) => {
      await page.goto('/');
      await new ShopPhone(page).enrollAs('T-01');
    },
    tabs: ['Werk', 'Kooien', 'Toestellen', 'Synchronisatie', 'Instellingen'],
  },
  {
    name: 'the café door host',
    open: (page) => new DoorTablet(page).enrollFromWelcome(),
    tabs: ['Onthaal', 'Bord', 'Synchronisatie', 'Instellingen'],
  },
  {
    name: 'a café fixer',
    shot: 'cafe-fixer',
    open: (page) => new FixerPhone(page).enroll('Gsm F-01', 'F-01'),
    tabs: ['Mijn tafel', 'Bord', 'Synchronisatie', 'Instellingen'],
  },
  {
    name: 'the café organiser',
    open: async (page) => {
      await page.goto('/');
      const form = page.getByRole('region', { name: 'Aanmelden als coördinator' });
      await form.getByLabel('Gebruikersnaam').fill('organiser');
      await form.getByLabel('Wachtwoord').fill('bewaar-demo');
      await form.getByRole('button', { name: 'Aanmelden' }).click();
    },
    tabs: ['Cafédagen', 'Opvolging', 'Cijfers', 'Synchronisatie', 'Instellingen'],
  },
];

type Box = { x: number; y: number; width: number; height: number };

/** The nav's buttons with their boxes, in the document's (and so the keyboard's) order, read at
 * one moment (the sync lines above may change while a test reads, and move the nav). */
async function navButtons(page: Page): Promise<{ name: string; box: Box; current: boolean }[]> {
  const buttons = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button');
  return buttons.evaluateAll((all) =>
    all.map((button) => {
      const { x, y, width, height } = button.getBoundingClientRect();
      return {
        name: (button as HTMLElement).innerText.replace(/^\S+\s+/, '').trim(),
        box: { x, y, width, height },
        current: button.getAttribute('aria-current') === 'page',
      };
    }),
  );
}

/** Every nav button wholly on the screen, none behind a sideways scroll, read in rows from left to
 * right and top to bottom as the keyboard goes, and one of them marked as the screen shown. */
async function expectNavFits(page: Page, role: Role, size: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const buttons = await navButtons(page);
  expect(
    buttons.map((b) => b.name),
    `${role.name}: the places at ${size}`,
  ).toEqual(role.tabs);
  for (const { name, box } of buttons) {
    expect(box.x, `${name} left edge at ${size}`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} right edge at ${size}`).toBeLessThanOrEqual(width);
  }
  const overflow = await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .evaluate((nav) =>
      [nav, ...nav.querySelectorAll('ul')].map((el) => el.scrollWidth - el.clientWidth),
    );
  expect(overflow, `the nav scrolls sideways at ${size}`).toEqual(overflow.map(() => 0));
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `the page scrolls sideways at ${size}`,
  ).toBeLessThanOrEqual(width);
  // Reading order: the next button is to the right on the same row, or on a row below.
  for (let i = 1; i < buttons.length; i++) {
    const [a, b] = [buttons[i - 1], buttons[i]];
    if (!a || !b) continue;
    const sameRow = Math.abs(a.box.y - b.box.y) < 2;
    expect(
      sameRow ? b.box.x > a.box.x : b.box.y >= a.box.y + a.box.height - 1,
      `${b.name} follows ${a.name} at ${size}`,
    ).toBe(true);
  }
  expect(
    buttons.filter((b) => b.current),
    `one place marked current at ${size}`,
  ).toHaveLength(1);
}

/** On the screenshots run, keeps the top of the screen (the header and what starts under it). */
async function shot(page: Page, role: Role, size: string): Promise<void> {
  if (test.info().project.name !== 'screenshots' || role.shot === undefined) return;
  await page.screenshot({ path: `docs/screenshots/header-nav-${role.shot}-${size}.png` });
}

for (const role of ROLES) {
  test(`${role.name}: every place in view at 390×844, at 200 % zoom and at 1280×800`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await role.open(page);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('button')).toHaveCount(role.tabs.length);
    // Let the first pull finish, so the header shows its usual lines (not the progress bar).
    await expect(page.getByTestId('connection')).toHaveText('Verbonden', { timeout: 60_000 });

    await expectNavFits(page, role, '390×844');
    await expectAccessible(page, `${role.name} at 390×844`);
    await shot(page, role, '390x844');

    // The last place on the phone, by keyboard: it is reached, shown and opens its screen.
    const last = nav.getByRole('button', { name: role.tabs.at(-1) });
    await last.focus();
    await expect(last).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Enter');
    await expect(last).toHaveAttribute('aria-current', 'page');

    await page.setViewportSize(ZOOMED);
    await expectNavFits(page, role, '1280×800 at 200 %');
    await expectAccessible(page, `${role.name} at 1280×800, 200 %`);
    await shot(page, role, '1280x800-zoom200');

    // The tablet keeps one row of tabs.
    await page.setViewportSize(TABLET);
    await nav.getByRole('button', { name: role.tabs[0] }).click();
    await expectNavFits(page, role, '1280×800');
    const rows = new Set((await navButtons(page)).map((b) => Math.round(b.box.y)));
    expect(rows.size, 'the tabs at 1280×800 are one row').toBe(1);
    await shot(page, role, '1280x800');
    await context.close();
  });
}
