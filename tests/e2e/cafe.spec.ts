// A repair café day on its devices against the real server: the door tablet and two fixers'
// phones enrolled online, then the hall without Wi-Fi. The door checks five items in offline; two
// phones claim the same visit offline and, once online, the later one is told plainly who has it;
// every item's outcome recorded offline, one of each kind among them; the board (a third device,
// 1920×1080) shows the queue moving once the devices are back online; check-out and the day's
// closing, offline too. Then the organiser's laptop shows that day's figures and downloads its
// ORDS file: the five rows, no contact data. axe-core on every screen; screenshots of each.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { ORDS_FIELDS } from '../../src/domain';
import { expectAccessible } from './pages/axe';
import { DoorTablet, FixerPhone, enrollCafeDevice } from './pages/CafeDevices';

const SHOTS = 'docs/screenshots';

/** Every row of one of the device's IndexedDB stores, read as the app stored it. */
function storeRows(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('bewaar');
        open.onerror = () => {
          reject(new Error('no database'));
        };
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result as unknown[]);
          };
        };
      }),
    store,
  );
}

/** Times each check-in from the form's submit to its ticket number on screen (ms). */
async function timeTickets(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { ticketMs: number[]; sentAt: number; shown: string | null };
    w.ticketMs = [];
    w.sentAt = 0;
    w.shown = null;
    document.addEventListener(
      'submit',
      (e) => {
        if ((e.target as HTMLElement).classList.contains('cafe-checkin'))
          w.sentAt = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      const shown = document.querySelector('[data-testid="ticket-number"]')?.textContent ?? null;
      if (w.sentAt > 0 && shown !== null && shown !== w.shown) {
        w.ticketMs.push(performance.now() - w.sentAt);
        w.sentAt = 0;
      }
      w.shown = shown;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test('a repair café day offline: check-in, a lost claim told, outcomes, the board, check-out, the organiser’s figures and ORDS', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const doorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const phoneAContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phoneBContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const boardContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const door = new DoorTablet(await doorContext.newPage());
  const phoneA = new FixerPhone(await phoneAContext.newPage());
  const phoneB = new FixerPhone(await phoneBContext.newPage());
  const board = await boardContext.newPage();

  // Online: the door opens the day; the phones and the board enroll and learn of it.
  await door.enrollFromWelcome();
  await expectAccessible(door.page, 'open the café day');
  await door.page.screenshot({ path: `${SHOTS}/cafe-open-day-1280.png` });
  await door.openDay('Parochiezaal Sint-Jan');
  await expect(door.page.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden', {
    timeout: 20_000,
  });
  await phoneA.enroll('Gsm F-01', 'F-01');
  await phoneA.pickTable(/^Tafel 1 · Elektro$/);
  await phoneB.enroll('Gsm F-02', 'F-02');
  await expectAccessible(phoneB.page, 'pick my table');
  await phoneB.pickTable(/^Tafel 2 · Elektronica$/);
  await enrollCafeDevice(board, 'Bord in de zaal');
  await board.goto('/cafe/bord');
  await expect(board.getByRole('heading', { name: 'Wachtrij', level: 1 })).toBeVisible();
  await expect(board.locator('[data-table="Tafel 1"]')).toContainText('vrij', { timeout: 20_000 });

  // The hall has no Wi-Fi: the door checks five items in.
  await doorContext.setOffline(true);
  await timeTickets(door.page);
  const lamp = await door.checkIn({
    search: 'lamp',
    kind: /^Lamp$/,
    brand: 'Ikea',
    problem: 'Flikkert en gaat dan uit',
    age: '6',
  });
  await expectAccessible(door.page, 'door with a ticket');
  await door.page.screenshot({ path: `${SHOTS}/cafe-door-ticket-1280.png` });
  const laptop = await door.checkIn({
    search: 'laptop',
    kind: /^Laptop$/,
    brand: 'Lenovo',
    problem: 'Start niet meer op',
  });
  const radio = await door.checkIn({
    search: 'radio',
    kind: /Draagbare radio/,
    brand: 'Philips',
    problem: 'Kraakt bij het draaien aan de knop',
  });
  const headphones = await door.checkIn({
    search: 'koptelefoon',
    kind: /^Koptelefoon$/,
    brand: 'Sony',
    problem: 'Links geen geluid',
  });
  const kettle = await door.checkIn({
    search: 'waterkoker',
    kind: /^Waterkoker$/,
    brand: 'Tefal',
    problem: 'Lekt onderaan',
    contact: { firstName: 'Mia', phone: '0470 12 34 56' },
  });
  expect([lamp, laptop, radio, headphones, kettle].map((v) => v.label)).toEqual([
    '1',
    '2',
    '3',
    '4',
    '5',
  ]);
  const ticketMs = await door.page.evaluate(
    () => (window as unknown as { ticketMs: number[] }).ticketMs,
  );
  console.info(`save → ticket shown (ms): ${ticketMs.map((ms) => ms.toFixed(1)).join(', ')}`);
  expect(ticketMs).toHaveLength(5);
  await expect(door.page.getByTestId('pending')).toHaveText('5 wijzigingen nog niet verzonden');
  // Offline, the board has none of it.
  await expect(board.locator('.cafe-board-queue li')).toHaveCount(0);

  // The door is back online: the board shows the queue per skill, in order.
  await doorContext.setOffline(false);
  const electric = board.getByRole('list', { name: 'Wachten: Elektro', exact: true });
  await expect(electric.getByRole('listitem')).toHaveText(['1', '5'], { timeout: 20_000 });
  await expect(
    board.getByRole('list', { name: 'Wachten: Computers', exact: true }).getByRole('listitem'),
  ).toHaveText(['2']);
  const electronics = board.getByRole('list', { name: 'Wachten: Elektronica', exact: true });
  await expect(electronics.getByRole('listitem')).toHaveText(['3', '4']);
  await expectAccessible(board, 'queue board');
  await board.screenshot({ path: `${SHOTS}/cafe-board-1920.png` });
  await expect(door.page.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden');
  // Mia's contact went to the server with that sync and the door keeps no copy (DESIGN §6).
  await expect.poll(async () => (await storeRows(door.page, 'cafeContacts')).length).toBe(0);

  // The phones learn of the queue, then lose the Wi-Fi; both claim number 1.
  await expect(phoneA.page.getByText('2 wachten voor Elektro')).toBeVisible({ timeout: 20_000 });
  await expect(phoneB.page.getByText('2 wachten voor Elektronica')).toBeVisible({
    timeout: 20_000,
  });
  await phoneAContext.setOffline(true);
  await phoneBContext.setOffline(true);
  await phoneA.nextButton.click();
  await expect(phoneA.page.locator('.cafe-current-number')).toHaveText('1');
  await expectAccessible(phoneA.page, 'fixer with a visit');
  await phoneA.page.screenshot({ path: `${SHOTS}/cafe-fixer-visit-390.png`, fullPage: true });
  await phoneB.openTicket(lamp.code);
  await expect(phoneB.page.getByRole('heading', { name: 'Nummer 1' })).toBeVisible();
  await expectAccessible(phoneB.page, 'one visit');
  await phoneB.page.getByRole('button', { name: 'Aan mijn tafel nemen' }).click();
  await expect(phoneB.page.locator('.cafe-current-number')).toHaveText('1');

  // Back online: phone A's claim was first; phone B is told, and takes its own next.
  await phoneAContext.setOffline(false);
  await expect(phoneA.page.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden', {
    timeout: 20_000,
  });
  await phoneBContext.setOffline(false);
  const told = phoneB.page
    .getByRole('alert')
    .filter({ hasText: 'Nummer 1 is al aan Tafel 1 (F-01).' });
  await expect(told).toBeVisible({ timeout: 20_000 });
  await expectAccessible(phoneB.page, 'a lost claim');
  await phoneB.page.screenshot({ path: `${SHOTS}/cafe-fixer-lost-claim-390.png` });
  await phoneB.page.getByRole('button', { name: 'Neem de volgende' }).click();
  await expect(phoneB.page.locator('.cafe-current-number')).toHaveText('3');
  // Phone A still has number 1.
  await expect(phoneA.page.locator('.cafe-current-number')).toHaveText('1');

  // The board shows the queue moving: 1 at Tafel 1, 3 at Tafel 2, only 5 waits for Elektro.
  await expect(electric.getByRole('listitem')).toHaveText(['5'], { timeout: 20_000 });
  await expect(electronics.getByRole('listitem')).toHaveText(['4']);
  await expect(board.locator('[data-table="Tafel 1"]')).toContainText('1');
  await expect(board.locator('[data-table="Tafel 2"]')).toContainText('3', { timeout: 20_000 });

  // The Wi-Fi drops again: every item gets its outcome offline, one of each kind among them.
  await phoneAContext.setOffline(true);
  await phoneBContext.setOffline(true);
  await phoneA.recordOutcome({
    status: 'Hersteld',
    fault: 'Losse draad in de fitting',
    solution: 'Draad vastgezet',
    minutes: '20',
  });
  await phoneB.recordOutcome({
    status: 'Nog te herstellen',
    nextStep: 'Naar een vakman',
    parts: 'Ja',
    source: 'Elders',
    fault: 'Potentiometer versleten',
    minutes: '25',
  });
  await phoneA.nextButton.click();
  await expect(phoneA.page.locator('.cafe-current-number')).toHaveText('5');
  await phoneA.page
    .locator('form.cafe-outcome')
    .getByRole('radio', { name: 'Niet meer te herstellen' })
    .check();
  await expectAccessible(phoneA.page, 'end of life outcome');
  await phoneA.page.screenshot({ path: `${SHOTS}/cafe-fixer-outcome-390.png`, fullPage: true });
  await phoneA.recordOutcome({
    status: 'Niet meer te herstellen',
    barrier: 'Onderdelen te duur',
    fault: 'Verwarmingselement doorgebrand',
    minutes: '10',
  });
  // Phone B takes the headphones next, then the laptop by its ticket (no computers table today).
  await phoneB.nextButton.click();
  await expect(phoneB.page.locator('.cafe-current-number')).toHaveText('4');
  await phoneB.recordOutcome({
    status: 'Hersteld',
    fault: 'Kabelbreuk bij de stekker',
    solution: 'Nieuwe stekker gesoldeerd',
    minutes: '15',
  });
  await phoneB.openTicket(laptop.code);
  await expect(phoneB.page.getByRole('heading', { name: 'Nummer 2' })).toBeVisible();
  await phoneB.page.getByRole('button', { name: 'Aan mijn tafel nemen' }).click();
  await expect(phoneB.page.locator('.cafe-current-number')).toHaveText('2');
  await phoneB.recordOutcome({
    status: 'Hersteld',
    fault: 'Harde schijf vol en traag',
    solution: 'Opgeruimd en een SSD geplaatst',
    minutes: '40',
  });
  // Offline, the door and the board know none of it.
  await expect(door.visitRow('2')).toContainText('Wacht');
  await expect(electric.getByRole('listitem')).toHaveText(['5']);

  // Back online: the door sees where each stands; the board's queue and tables are empty.
  await phoneAContext.setOffline(false);
  await phoneBContext.setOffline(false);
  await expect(door.visitRow('1')).toContainText('Hersteld', { timeout: 20_000 });
  await expect(door.visitRow('2')).toContainText('Hersteld', { timeout: 20_000 });
  await expect(door.visitRow('3')).toContainText('Nog te herstellen', { timeout: 20_000 });
  await expect(door.visitRow('4')).toContainText('Hersteld', { timeout: 20_000 });
  await expect(door.visitRow('5')).toContainText('Niet meer te herstellen', { timeout: 20_000 });
  await expect(board.locator('.cafe-board-queue li')).toHaveCount(0, { timeout: 20_000 });
  await expect(board.locator('[data-table="Tafel 1"]')).toContainText('vrij', { timeout: 20_000 });
  await expect(board.locator('[data-table="Tafel 2"]')).toContainText('vrij', { timeout: 20_000 });
  await board.screenshot({ path: `${SHOTS}/cafe-board-later-1920.png` });

  // The day's code, for the organiser's list below.
  const days = (await storeRows(door.page, 'sessions')) as { code: string; status: string }[];
  const open = days.filter((day) => day.status === 'open');
  expect(open).toHaveLength(1);
  const sessionCode = open[0]?.code ?? '';

  // Offline again, the door checks number 1 out with its weight and closes the day with the
  // volunteers' hours; back online, the board says so.
  await doorContext.setOffline(true);
  await door.checkOut('1', '0,8');
  await expectAccessible(door.page, 'door list');
  await door.page.screenshot({ path: `${SHOTS}/cafe-door-list-1280.png`, fullPage: true });
  await door.page.getByRole('heading', { name: 'Cafédag sluiten' }).click();
  await expect(door.page.getByText('Er zijn nog 4 toestellen niet afgemeld.')).toBeVisible();
  await expectAccessible(door.page, 'close the day');
  await door.page.getByLabel('Aantal vrijwilligers').fill('6');
  await door.page.getByLabel('Uren vrijwilligerswerk samen').fill('21,5');
  await door.page.getByRole('button', { name: 'Cafédag sluiten' }).click();
  await expect(door.page.getByRole('heading', { name: 'Cafédag openen', level: 1 })).toBeVisible();
  await expect(door.page.getByTestId('pending')).toHaveText('2 wijzigingen nog niet verzonden');
  await doorContext.setOffline(false);
  await expect(door.page.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden', {
    timeout: 20_000,
  });
  await expect(board.getByText('Er is geen cafédag open.')).toBeVisible({ timeout: 20_000 });

  // The organiser's laptop: the day the offline devices just made, its figures and its ORDS file.
  const officeContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const office = await officeContext.newPage();
  await office.goto('/');
  const signIn = office.getByRole('region', { name: 'Aanmelden als coördinator' });
  await signIn.getByLabel('Gebruikersnaam').fill('organiser');
  await signIn.getByLabel('Wachtwoord').fill('bewaar-demo');
  await signIn.getByRole('button', { name: 'Aanmelden' }).click();
  await office.getByRole('button', { name: /Cafédagen/ }).click();
  const day = office.locator(`tr[data-session="${sessionCode}"]`);
  await expect(day).toBeVisible({ timeout: 30_000 });
  // The visits column (a café column comes first when the region has more than one café).
  const columns = await office.locator('table.cafe-sessions thead th').allTextContents();
  await expect(day.locator('th, td').nth(columns.indexOf('Bezoeken'))).toHaveText('5');
  await day.getByRole('link').click();
  await expect(office.getByRole('heading', { name: /^Cafédag van / })).toBeVisible();
  const card = (key: string) => office.locator(`[data-figure="cafe.office.figures.${key}"] dd`);
  await expect(card('visits')).toContainText('5', { timeout: 30_000 });
  await expect(card('fixed')).toContainText('3');
  await expect(card('repairable')).toContainText('1');
  await expect(card('eol')).toContainText('1');
  // Fixed only, category footprint × 0.5: lamp 14.964, laptop 265.32, headphones 3 →
  // (14.964 + 265.32 + 3) × 0.5 = 141.642 kg.
  await expect(card('co2e')).toHaveText(/^141,6\s*kg$/);
  await expectAccessible(office, 'the organiser’s view of the day');
  await office.screenshot({ path: `${SHOTS}/cafe-organiser-walk-day-laptop.png`, fullPage: true });
  const [download] = await Promise.all([
    office.waitForEvent('download'),
    office.getByRole('button', { name: /ORDS \(repair cafés\)/ }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const ords = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(ords.meta.fields).toEqual([...ORDS_FIELDS]);
  expect(ords.data.map((r) => [r.product_category, r.repair_status]).sort()).toEqual([
    ['Headphones', 'Fixed'],
    ['Kettle', 'End of life'],
    ['Lamp', 'Fixed'],
    ['Laptop', 'Fixed'],
    ['Portable radio', 'Repairable'],
  ]);
  expect(ords.data.every((r) => r.group_identifier === 'Repair Café Centrum')).toBe(true);
  expect(ords.data.every((r) => r.problem !== '')).toBe(true);
  // Mia's follow-up contact went to the server, but no export carries it.
  expect(csv).not.toMatch(/\bMia\b/);
  expect(csv.replace(/\s/g, '')).not.toContain('0470123456');
  await officeContext.close();

  // A day opened with an earlier date (left open last time, say) is pointed out at the door.
  const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE');
  await door.page.getByLabel('Datum').fill(yesterday);
  await door.openDay('Parochiezaal Sint-Jan');
  await expect(door.page.getByText(/staat nog open van een vorige keer/)).toBeVisible();
  await door.page.getByRole('heading', { name: 'Cafédag sluiten' }).click();
  await door.page.getByLabel('Aantal vrijwilligers').fill('1');
  await door.page.getByLabel('Uren vrijwilligerswerk samen').fill('1');
  await door.page.getByRole('button', { name: 'Cafédag sluiten' }).click();
  await expect(door.page.getByRole('heading', { name: 'Cafédag openen', level: 1 })).toBeVisible();

  for (const context of [doorContext, phoneAContext, phoneBContext, boardContext])
    await context.close();
});
